namespace GovNetOps.Domain.Applications;

/// <summary>The two working-day clocks of an application (Articles 13, 15).</summary>
public enum ApplicationClockKind
{
    /// <summary>审核时限: the management unit reviews within 3 working days of receipt.</summary>
    Review = 1,

    /// <summary>实施时限: the carrier connects (or changes) within 7 working days of approval.</summary>
    Implementation = 2,
}
