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

    /// <summary>PostgreSQL storage only: how often an idle worker looks for an enqueued job (Hangfire.PostgreSql's default
    /// is 15 s). A step's job is moved to its queue at most one <see cref="SchedulePollingInterval"/> after its start time
    /// and fetched at most one of these later; both together (1.5 s) stay inside the 2 s schedule lead, so the job still
    /// waits for its exact instant. Catch-up work queued on another instance starts within this too.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>PostgreSQL storage only: a job fetched by an instance that died becomes visible to the others after this
    /// (Hangfire.PostgreSql's default is 30 minutes). Sliding: a live worker renews it every fifth of it, so a short
    /// value never hands a running job to a second worker; it bounds how late a step held by a crashed instance is.</summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>PostgreSQL storage only: a Hangfire lock left by a crashed instance expires after this (default 10 minutes;
    /// the schedule poller's lock is held for milliseconds, but a crash while holding it would stop every instance from
    /// moving scheduled jobs for that long).</summary>
    public TimeSpan DistributedLockTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
