namespace GovNetOps.Domain.Tickets;

/// <summary>Status of the carrier's complex-fault request (Article 12, interpretation 4).</summary>
public enum ComplexStatus
{
    /// <summary>Not requested.</summary>
    None = 0,

    /// <summary>Requested by the carrier; the clock keeps running against the general limit.</summary>
    Requested = 1,

    /// <summary>Approved by ops: repair deadline = report + 48 h.</summary>
    Approved = 2,

    /// <summary>Rejected by ops; the general limit stands. The carrier may ask again.</summary>
    Rejected = 3,
}
