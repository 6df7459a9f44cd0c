namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>
/// One change to the registry or configuration (sites, carriers, contacts, calendar, SLA policy, applications,
/// findings, users): who, when, what, before → after. Written in the same SaveChanges as the change itself, so a
/// change is never stored without its record. Never edited or deleted.
/// </summary>
public sealed class ChangeRecord
{
    public long Id { get; set; }

    /// <summary>What kind of record changed, e.g. "Site", "Carrier", "CalendarYear", "SlaPolicy".</summary>
    public string EntityType { get; set; } = "";

    /// <summary>Its key as text.</summary>
    public string EntityId { get; set; } = "";

    /// <summary>A name a person recognises (the site's name, the year…).</summary>
    public string EntityName { get; set; } = "";

    /// <summary>What was done, e.g. "Created", "Updated", "Retired", "Imported", "Exported".</summary>
    public string Action { get; set; } = "";

    /// <summary>The changed fields before the change, as JSON {field: value}; empty for a creation.</summary>
    public string Before { get; set; } = "";

    /// <summary>The changed fields after the change, as JSON {field: value}; empty for a removal.</summary>
    public string After { get; set; } = "";

    /// <summary>Free text, e.g. the reason given or "500 rows imported".</summary>
    public string Note { get; set; } = "";

    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string Role { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
