namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>A site's security contact (安全联系人, Article 6). Never deleted: a contact who stops keeps the date
/// (<see cref="StoppedOn"/>), and the re-registration of a successor is due within 1 working day of it.</summary>
public sealed class SecurityContact
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Normalised by the Domain's ContactNumber.</summary>
    public string Mobile { get; set; } = "";

    /// <summary>The day the contact took the role.</summary>
    public DateOnly FromDate { get; set; }

    /// <summary>The day the contact stopped; null while current.</summary>
    public DateOnly? StoppedOn { get; set; }

    /// <summary>When a successor was registered after this contact stopped (UTC); null while none is.</summary>
    public DateTimeOffset? ReplacedAt { get; set; }

    /// <summary>When this contact was registered (UTC).</summary>
    public DateTimeOffset RegisteredAt { get; set; }
}
