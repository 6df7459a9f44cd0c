namespace GovNetOps.Domain.Sla;

/// <summary>The two Article 12 clocks of a fault ticket.</summary>
public enum ClockKind
{
    /// <summary>响应时限: report → carrier's first acknowledgement, 1 h (Article 12, interpretation 2).</summary>
    Response = 1,

    /// <summary>修复时限: report → repaired, by location class or 48 h complex (Article 12, interpretations 3-5).</summary>
    Repair = 2,
}
