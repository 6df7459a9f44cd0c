namespace GovNetOps.Domain.Tickets;

/// <summary>An approved suspension (interpretation 5): excluded from the repair clock only.</summary>
/// <param name="Start">When ops approved the suspension.</param>
/// <param name="End">When the ticket resumed (or was cancelled); null while still suspended.</param>
public sealed record SuspensionInterval(DateTimeOffset Start, DateTimeOffset? End)
{
    /// <summary>The suspended duration up to <paramref name="now"/> (open intervals count until <paramref name="now"/>).</summary>
    public TimeSpan DurationAt(DateTimeOffset now)
    {
        var end = End ?? now;
        return end > Start ? end - Start : TimeSpan.Zero;
    }
}
