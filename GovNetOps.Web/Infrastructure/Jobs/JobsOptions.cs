using System.ComponentModel.DataAnnotations;

namespace GovNetOps.Web.Infrastructure.Jobs;

/// <summary>The Hangfire server inside the Web process (section "Jobs").</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Workers of the on-time queue. An escalation job holds its worker while it waits for its
    /// exact instant (up to about three seconds), so there must be room for every step due in that window.</summary>
    [Range(1, 200)]
    public int WorkerCount { get; set; } = 40;

    /// <summary>Workers of the default queue (catch-up, sweep, outbound deliveries).</summary>
    [Range(1, 100)]
    public int DefaultWorkerCount { get; set; } = 4;

    /// <summary>How often scheduled jobs are moved to the queue. Hangfire's default of 15 s would make
    /// every escalation up to 15 s late; the jobs are scheduled ahead by more than this.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);
}
