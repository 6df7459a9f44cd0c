namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>One month's report delivery (the e-mailed .xlsx and the robots' summary). The month is unique: the row is
/// inserted before anything is sent, so the delivery happens at most once per month whatever restarts or races.</summary>
public sealed class MonthlyReportDeliveryRecord
{
    public long Id { get; set; }

    /// <summary>yyyy-MM, the reported month (China time).</summary>
    public string Month { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Whether the e-mail went out (false when the SMTP channel is off).</summary>
    public bool Emailed { get; set; }

    /// <summary>Whether the robots' summary was posted (false when the webhook channel is off).</summary>
    public bool Posted { get; set; }

    /// <summary>The summary text as posted; or the failure, for the operator.</summary>
    public string Outcome { get; set; } = "";
}
