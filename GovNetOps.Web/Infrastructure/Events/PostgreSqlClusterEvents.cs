using System.Text.Json;
using System.Threading.Channels;
using GovNetOps.Web.Features.Notifications;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GovNetOps.Web.Infrastructure.Events;

/// <summary>Live updates across instances (PostgreSQL only): every <see cref="TicketChanged"/>,
/// <see cref="EscalationRecorded"/> and <see cref="NotificationsArrived"/> published on this instance is sent with
/// <c>pg_notify</c> right after its commit, and one listener per instance (its own connection, <c>LISTEN</c>) hands
/// the other instances' facts to the local <see cref="Notifier{T}"/>s, so their boards, queues, pages and bells follow
/// within a second. After a dropped connection the listener reconnects (every second) and resynchronises: it
/// publishes what was committed meanwhile, read from the events, escalation and notification tables by id. No SignalR
/// backplane: it would carry SignalR messages, not these application facts, to the Blazor circuits.</summary>
public sealed class PostgreSqlClusterEvents(
    IOptions<DatabaseOptions> database,
    IDbContextFactory<AppDbContext> factory,
    IServiceProvider services,
    ILogger<PostgreSqlClusterEvents> logger) : BackgroundService, IClusterRelay, IHealthCheck
{
    public const string ChannelName = "govnetops_events";
    private const int MaxPayload = 7900; // PostgreSQL's limit is 8000 bytes

    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly Channel<string> _outbox = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private volatile bool _listening;
    private (long Events, long Escalations, long Notifications) _seen;

    public void Send(object fact)
    {
        var payload = JsonSerializer.Serialize(new Envelope(_instance, fact.GetType().Name, JsonSerializer.SerializeToElement(fact, fact.GetType())));
        if (payload.Length > MaxPayload && fact is NotificationsArrived many)
        {
            // Too many recipients for one notification: split.
            foreach (var chunk in many.UserIds.Chunk(100))
            {
                Send(new NotificationsArrived(chunk.ToHashSet()));
            }
            return;
        }
        _outbox.Writer.TryWrite(payload);
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_listening ? HealthCheckResult.Healthy("listening") : HealthCheckResult.Unhealthy("not listening for other instances' changes"));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(SendLoopAsync(stoppingToken), ListenLoopAsync(stoppingToken));

    private async Task SendLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var payload in _outbox.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
                    await connection.OpenAsync(stoppingToken);
                    await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                    command.Parameters.AddWithValue("channel", ChannelName);
                    command.Parameters.AddWithValue("payload", payload);
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
                {
                    // The other instances' listeners resynchronise from the tables when they reconnect.
                    logger.LogWarning(ex, "Could not notify the other instances of a change");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ListenLoopAsync(CancellationToken stoppingToken)
    {
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(database.Value.ConnectionString) { Pooling = false, KeepAlive = 5 };
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                if (!first)
                {
                    await ResynchroniseAsync(stoppingToken);
                }
                _seen = await HighWaterMarksAsync(stoppingToken);
                first = false;
                _listening = true;
                logger.LogInformation("Listening for other instances' changes");
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
            {
                if (_listening)
                {
                    logger.LogWarning(ex, "Lost the connection that listens for other instances' changes; reconnecting");
                }
                _listening = false;
                try { await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private void Receive(string payload)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(payload);
            if (envelope is null || envelope.Origin == _instance)
            {
                return;
            }

            switch (envelope.Type)
            {
                case nameof(TicketChanged):
                    services.GetRequiredService<Notifier<TicketChanged>>().PublishFromCluster(envelope.Fact.Deserialize<TicketChanged>()!);
                    break;
                case nameof(EscalationRecorded):
                    services.GetRequiredService<Notifier<EscalationRecorded>>().PublishFromCluster(envelope.Fact.Deserialize<EscalationRecorded>()!);
                    break;
                case nameof(NotificationsArrived):
                    var users = envelope.Fact.GetProperty(nameof(NotificationsArrived.UserIds)).Deserialize<string[]>() ?? [];
                    services.GetRequiredService<Notifier<NotificationsArrived>>().PublishFromCluster(new NotificationsArrived(users.ToHashSet()));
                    break;
                default:
                    break;
            }
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Ignored an unreadable change notification");
        }
    }

    /// <summary>Publishes, as if notified, what other instances committed while this one was not listening.</summary>
    private async Task ResynchroniseAsync(CancellationToken cancellationToken)
    {
        var (events, escalations, notifications) = _seen;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var changed = await db.TicketEvents.AsNoTracking().Where(e => e.Id > events)
            .GroupBy(e => e.TicketId).Select(g => new { TicketId = g.Key, Sequence = g.Max(e => e.Sequence) }).ToListAsync(cancellationToken);
        var ids = changed.Select(c => c.TicketId).ToList();
        var heads = await db.FaultTickets.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new { t.Id, t.Number, t.CarrierId, t.Version }).ToDictionaryAsync(t => t.Id, cancellationToken);
        var lastTriggers = await db.TicketEvents.AsNoTracking().Where(e => e.Id > events)
            .Select(e => new { e.TicketId, e.Sequence, e.Trigger }).ToListAsync(cancellationToken);
        var tickets = services.GetRequiredService<Notifier<TicketChanged>>();
        foreach (var c in changed)
        {
            if (heads.TryGetValue(c.TicketId, out var head))
            {
                var trigger = lastTriggers.Where(e => e.TicketId == c.TicketId).MaxBy(e => e.Sequence)!.Trigger;
                tickets.PublishFromCluster(new TicketChanged(head.Id, head.Number, head.CarrierId, trigger, head.Version));
            }
        }

        var recorded = await db.EscalationRecords.AsNoTracking().Where(r => r.Id > escalations)
            .Select(r => new { r.TicketId, r.Ticket!.Number, r.Ticket.CarrierId, r.Clock, r.Level, r.Repeat }).ToListAsync(cancellationToken);
        var escalationNotifier = services.GetRequiredService<Notifier<EscalationRecorded>>();
        foreach (var r in recorded)
        {
            escalationNotifier.PublishFromCluster(new EscalationRecorded(r.TicketId, r.Number, r.CarrierId, r.Clock, r.Level, r.Repeat));
        }

        var users = await db.Notifications.AsNoTracking().Where(n => n.Id > notifications).Select(n => n.UserId).Distinct().ToListAsync(cancellationToken);
        if (users.Count > 0)
        {
            services.GetRequiredService<Notifier<NotificationsArrived>>().PublishFromCluster(new NotificationsArrived(users.ToHashSet()));
        }
        logger.LogInformation("Resynchronised after a dropped listener: {Tickets} tickets, {Escalations} escalations, {Users} users' notifications",
            changed.Count, recorded.Count, users.Count);
    }

    private async Task<(long, long, long)> HighWaterMarksAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var events = await db.TicketEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        var escalations = await db.EscalationRecords.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        var notifications = await db.Notifications.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        return (events, escalations, notifications);
    }

    private sealed record Envelope(string Origin, string Type, JsonElement Fact);
}
