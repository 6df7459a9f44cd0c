using GovNetOps.Domain.Applications;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>The system administrators were told, once, that an application's deadline is provisional (it falls in or
/// crosses a year whose State Council holiday notice is not entered). The application's id is the key: a second
/// notice for the same application fails to insert, so a retry, a restart or a calendar change never repeats it.</summary>
public sealed class ProvisionalDeadlineNoticeRecord
{
    public Guid ApplicationId { get; set; }

    /// <summary>The clock whose deadline was provisional when the notice was sent.</summary>
    public ApplicationClockKind Clock { get; set; }

    /// <summary>That deadline's last working day (China date).</summary>
    public DateOnly Due { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public int NotifiedUsers { get; set; }
}
