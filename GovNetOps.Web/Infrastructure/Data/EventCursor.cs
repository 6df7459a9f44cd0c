namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>How far a reader of the ticket events has got: the id of the last event it has fully handled.
/// It is advanced in the same transaction as what the reader writes, so each event is handled exactly once,
/// across restarts.</summary>
public sealed class EventCursor
{
    /// <summary>The reader, e.g. "announcements".</summary>
    public string Name { get; set; } = "";

    public long LastEventId { get; set; }
}
