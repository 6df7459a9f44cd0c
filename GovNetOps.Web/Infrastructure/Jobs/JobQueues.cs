namespace GovNetOps.Web.Infrastructure.Jobs;

/// <summary>Hangfire queues, each with its own server and workers, so an escalation due now never
/// waits behind catch-up work or e-mail retries.</summary>
public static class JobQueues
{
    /// <summary>Escalation steps scheduled for their instant.</summary>
    public const string OnTime = "ontime";

    /// <summary>Everything else: catch-up after downtime, the sweep, outbound deliveries.</summary>
    public const string Default = "default";
}
