namespace GovNetOps.Domain.Applications;

/// <summary>变更类型 of annex 2 (Article 15).</summary>
public enum ChangeType
{
    /// <summary>移机: the connection moves to a new office address.</summary>
    Move = 1,

    /// <summary>拆机: the line is no longer used; completion retires the site (已撤销).</summary>
    Remove = 2,

    /// <summary>其他: any other change (IP count, bandwidth), described in words.</summary>
    Other = 3,
}
