namespace GovNetOps.Domain.Applications;

/// <summary>The two application forms of the regulation.</summary>
public enum ApplicationKind
{
    /// <summary>接入申请: Article 13, annex 1 (《桐柏县电子政务外网接入申请表》).</summary>
    Access = 1,

    /// <summary>变更申请: Article 15, annex 2 (《桐柏县电子政务外网变更申请表》).</summary>
    Change = 2,
}
