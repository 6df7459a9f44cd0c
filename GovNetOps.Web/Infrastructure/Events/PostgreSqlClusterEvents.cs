using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using GovNetOps.Domain.Registry;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Features.Applications.Findings;
using GovNetOps.Web.Features.Notifications;
using GovNetOps.Web.Infrastructure.Calendar;
using GovNetOps.Web.Infrastructure.Sla;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GovNetOps.Web.Infrastructure.Events;

/// <summary>Live updates across instances (PostgreSQL only), and the one place that decides what crosses: a committed
/// row of the ticket events, the escalation records or the notifications (inserted, or read) is a
/// <see cref="TicketChanged"/>, an <see cref="EscalationRecorded"/> or a <see cref="NotificationsArrived"/> for every
/// other instance; a unit's connection status a <see cref="SiteConnectionChanged"/>; a stored SLA version or calendar
/// year makes every other instance read the versions (<see cref="SlaPolicyBook"/>) or the calendar
/// (<see cref="WorkingCalendarSource"/>) again, so that no instance computes a deadline by rules another has replaced. A trigger on each of those tables calls <c>pg_notify</c> with the row's id and the writing
/// connection's <c>application_name</c> (the instance, <see cref="NameInstance"/>), inside the writer's transaction:
/// PostgreSQL delivers it when, and only when, that transaction commits, whatever code path wrote the row and whether or
/// not the writer lives on after its commit. One listener per instance (its own connection, <c>LISTEN</c>) builds the
/// facts from the rows by id and hands them to the local <see cref="Notifier{T}"/>s, so the other instances' boards,
/// queues, pages and bells follow within a second; rows its own instance wrote it skips (published locally already).
/// After a dropped connection it reconnects (every second) and resynchronises: the rows committed meanwhile, by id,
/// through the same code. No SignalR backplane: it would carry SignalR messages, not these facts, to the circuits.</summary>
/// <remarks>Why triggers rather than a NOTIFY sent by the app after its commit: an instance that died between the two
/// (kill -9, a power cut) left the others without the change until their own listener happened to drop; a NOTIFY in
/// the transaction commits or rolls back with the change. Installed at start-up (<see cref="InstallAsync"/>), not in a
/// migration: the PostgreSQL migrations are one regenerated <c>Initial</c>.</remarks>
public sealed class PostgreSqlClusterEvents(
    IOptions<DatabaseOptions> database,
    IDbContextFactory<AppDbContext> factory,
    IServiceProvider services,
    ILogger<PostgreSqlClusterEvents> logger) : BackgroundService, IHealthCheck
{
    public const string ChannelName = "govnetops_events";
    private const string Function = "govnetops_notify_change";
    private const string Trigger = "govnetops_notify_change";

    private readonly Channel<Row> _heard = Channel.CreateUnbounded<Row>(new UnboundedChannelOptions { SingleReader = true });
    private volatile string? _self;
    private volatile bool _listening;
    private (long Events, long Escalations, long Notifications) _seen;

    /// <summary>What is relayed: the tables whose committed rows are facts, and which change of a row counts.</summary>
    private static IEnumerable<(Type Entity, Table Kind, string Changes, string Key)> Relayed(AppDbContext db)
    {
        string Column<T>(string property) => db.Model.FindEntityType(typeof(T))!.FindProperty(property)!.GetColumnName();
        yield return (typeof(TicketEventRecord), Table.TicketEvents, "INSERT", "Id");
        yield return (typeof(EscalationRecord), Table.EscalationRecords, "INSERT", "Id");
        // Read on one instance: the bell on every other counts down too.
        yield return (typeof(Notification), Table.Notifications, $"INSERT OR UPDATE OF {Quote(Column<Notification>(nameof(Notification.ReadAt)))}", "Id");
        // A unit cut off or reconnected (a finding, the site form, an import): the boards' 断网整改中 panel.
        yield return (typeof(Site), Table.Sites, $"INSERT OR UPDATE OF {Quote(Column<Site>(nameof(Site.Status)))}", "Id");
        // What every instance holds in memory and must not disagree on: the SLA versions (with their ladders) and the
        // working-day calendar. A new version or an edited year on one instance is in force on all of them at once.
        yield return (typeof(SlaPolicyVersionRecord), Table.SlaPolicyVersions, "INSERT OR UPDATE OR DELETE", Column<SlaPolicyVersionRecord>(nameof(SlaPolicyVersionRecord.Version)));
        yield return (typeof(CalendarYearRecord), Table.Calendar, "INSERT OR UPDATE OR DELETE", Column<CalendarYearRecord>(nameof(CalendarYearRecord.Year)));
        yield return (typeof(CalendarDayRecord), Table.Calendar, "INSERT OR UPDATE OR DELETE", Column<CalendarDayRecord>(nameof(CalendarDayRecord.Year)));
    }

    /// <summary>Installs (or replaces) the notifying triggers; idempotent, run at start-up after the migrations under the
    /// start-up lock (two instances replacing one function at once can fail).</summary>
    public static async Task InstallAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"""
            CREATE OR REPLACE FUNCTION {Function}() RETURNS trigger LANGUAGE plpgsql AS $body$
            BEGIN
                PERFORM pg_notify('{ChannelName}', json_build_object(
                    'table', TG_ARGV[0],
                    'id', ((CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END) ->> TG_ARGV[1])::bigint,
                    'origin', current_setting('application_name'))::text);
                RETURN NULL;
            END
            $body$;

            """);
        foreach (var (entity, kind, changes, key) in Relayed(db))
        {
            var type = db.Model.FindEntityType(entity)!;
            var table = type.GetSchema() is { } schema ? $"{Quote(schema)}.{Quote(type.GetTableName()!)}" : Quote(type.GetTableName()!);
            sql.AppendLine($"CREATE OR REPLACE TRIGGER {Trigger} AFTER {changes} ON {table} FOR EACH ROW EXECUTE FUNCTION {Function}('{kind}', '{key}');");
        }
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), cancellationToken);
    }

    /// <summary>The connection string every connection of this instance uses: its <c>application_name</c> carries the
    /// instance (a configured name is kept in front), which the triggers put into each notification.</summary>
    public static string NameInstance(string connectionString, string instance)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // PostgreSQL keeps 63 bytes of printable ASCII: the instance's 32 characters must survive whole.
        var configured = new string((builder.ApplicationName ?? "GovNetOps").Where(c => c is >= ' ' and <= '~').Take(24).ToArray());
        builder.ApplicationName = $"{configured} {instance}";
        return builder.ConnectionString;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_listening ? HealthCheckResult.Healthy("listening") : HealthCheckResult.Unhealthy("not listening for other instances' changes"));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(PublishLoopAsync(stoppingToken), ListenLoopAsync(stoppingToken));

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
                // This instance's name as PostgreSQL keeps it (every connection of the instance has the same).
                await using (var self = new NpgsqlCommand("SELECT current_setting('application_name')", connection))
                {
                    _self = (string?)await self.ExecuteScalarAsync(stoppingToken);
                }
                connection.Notification += (_, e) => Heard(e.Payload);
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
                logger.LogInformation("Listening for other instances' changes as {Instance}", _self);
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

    /// <summary>On the listening connection's thread: only notes the row (reading it would block the listener).</summary>
    private void Heard(string payload)
    {
        try
        {
            var heard = JsonSerializer.Deserialize<Notice>(payload);
            if (heard is null || heard.Origin == _self || !Enum.TryParse<Table>(heard.Table, out var table))
            {
                return;
            }
            _heard.Writer.TryWrite(new Row(table, heard.Id));
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Ignored an unreadable change notification");
        }
    }

    /// <summary>Publishes the rows heard, a batch at a time: what arrives while one batch is read goes in the next.</summary>
    private async Task PublishLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _heard.Reader.WaitToReadAsync(stoppingToken))
            {
                var batch = new List<Row>();
                while (_heard.Reader.TryRead(out var row))
                {
                    batch.Add(row);
                }
                try
                {
                    await PublishRowsAsync(batch, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // The rows are committed: pages that missed this refresh see them on their next load; the loop goes on.
                    logger.LogWarning(ex, "Could not read {Count} rows another instance committed", batch.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Publishes, as if notified, what was committed while this instance was not listening (its own rows
    /// among them: a second publication of a change only costs a reload).</summary>
    private async Task ResynchroniseAsync(CancellationToken cancellationToken)
    {
        var (events, escalations, notifications) = _seen;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = new List<Row>();
        rows.AddRange((await db.TicketEvents.Where(e => e.Id > events).Select(e => e.Id).ToListAsync(cancellationToken)).Select(id => new Row(Table.TicketEvents, id)));
        rows.AddRange((await db.EscalationRecords.Where(r => r.Id > escalations).Select(r => r.Id).ToListAsync(cancellationToken)).Select(id => new Row(Table.EscalationRecords, id)));
        rows.AddRange((await db.Notifications.Where(n => n.Id > notifications).Select(n => n.Id).ToListAsync(cancellationToken)).Select(id => new Row(Table.Notifications, id)));
        // What may have changed meanwhile in the versions and the calendar is read again whole; units cut off are told again.
        rows.Add(new Row(Table.SlaPolicyVersions, 0));
        rows.AddRange((await db.CalendarYears.Select(y => y.Year).ToListAsync(cancellationToken)).Select(y => new Row(Table.Calendar, y)));
        rows.AddRange((await db.Sites.Where(x => x.Status != SiteConnectionStatus.Connected).Select(x => x.Id).ToListAsync(cancellationToken))
            .Select(id => new Row(Table.Sites, id)));
        await PublishRowsAsync(rows, cancellationToken);
        logger.LogInformation("Resynchronised after a dropped listener: {Rows} rows", rows.Count);
    }

    /// <summary>The facts of committed rows, read by id, to every subscriber here but the local-only ones: per ticket its
    /// latest event, each escalation step, and once each user whose notifications changed.</summary>
    private async Task PublishRowsAsync(IReadOnlyCollection<Row> rows, CancellationToken cancellationToken)
    {
        var eventIds = rows.Where(r => r.Table == Table.TicketEvents).Select(r => r.Id).ToList();
        var escalationIds = rows.Where(r => r.Table == Table.EscalationRecords).Select(r => r.Id).ToList();
        var notificationIds = rows.Where(r => r.Table == Table.Notifications).Select(r => r.Id).ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        if (eventIds.Count > 0)
        {
            var latest = (await db.TicketEvents.AsNoTracking().Where(e => eventIds.Contains(e.Id))
                    .Select(e => new { e.TicketId, e.Sequence, e.Trigger }).ToListAsync(cancellationToken))
                .GroupBy(e => e.TicketId).Select(g => g.MaxBy(e => e.Sequence)!).ToList();
            var ticketIds = latest.Select(e => e.TicketId).ToList();
            var heads = await db.FaultTickets.AsNoTracking().Where(t => ticketIds.Contains(t.Id))
                .Select(t => new { t.Id, t.Number, t.CarrierId }).ToDictionaryAsync(t => t.Id, cancellationToken);
            var tickets = services.GetRequiredService<Notifier<TicketChanged>>();
            foreach (var e in latest)
            {
                if (heads.TryGetValue(e.TicketId, out var head))
                {
                    tickets.PublishFromCluster(new TicketChanged(head.Id, head.Number, head.CarrierId, e.Trigger, e.Sequence));
                }
            }
        }

        if (escalationIds.Count > 0)
        {
            var recorded = await db.EscalationRecords.AsNoTracking().Where(r => escalationIds.Contains(r.Id))
                .Select(r => new { r.TicketId, r.Ticket!.Number, r.Ticket.CarrierId, r.Clock, r.Level, r.Repeat }).ToListAsync(cancellationToken);
            var escalations = services.GetRequiredService<Notifier<EscalationRecorded>>();
            foreach (var r in recorded)
            {
                escalations.PublishFromCluster(new EscalationRecorded(r.TicketId, r.Number, r.CarrierId, r.Clock, r.Level, r.Repeat));
            }
        }

        if (rows.Any(r => r.Table == Table.SlaPolicyVersions))
        {
            await SlaPolicyStore.ReloadAsync(db, services.GetRequiredService<SlaPolicyBook>(),
                services.GetRequiredService<IOptions<EscalationPolicy>>().Value, cancellationToken);
        }

        if (rows.Where(r => r.Table == Table.Calendar).Select(r => (int)r.Id).Distinct().ToList() is { Count: > 0 } years)
        {
            var calendar = await services.GetRequiredService<WorkingCalendarSource>().ReloadAsync(cancellationToken);
            var calendarChanges = services.GetRequiredService<Notifier<CalendarChanged>>();
            foreach (var year in years)
            {
                calendarChanges.PublishFromCluster(new CalendarChanged(calendar, year));
            }
        }

        var siteIds = rows.Where(r => r.Table == Table.Sites).Select(r => (int)r.Id).Distinct().ToList();
        if (siteIds.Count > 0)
        {
            var sites = await db.Sites.AsNoTracking().Where(x => siteIds.Contains(x.Id)).Select(x => new { x.Id, x.Status }).ToListAsync(cancellationToken);
            var connections = services.GetRequiredService<Notifier<SiteConnectionChanged>>();
            foreach (var site in sites)
            {
                connections.PublishFromCluster(new SiteConnectionChanged(site.Id, site.Status));
            }
        }

        if (notificationIds.Count > 0)
        {
            var users = await db.Notifications.AsNoTracking().Where(n => notificationIds.Contains(n.Id)).Select(n => n.UserId).Distinct().ToListAsync(cancellationToken);
            if (users.Count > 0)
            {
                services.GetRequiredService<Notifier<NotificationsArrived>>().PublishFromCluster(new NotificationsArrived(users.ToHashSet()));
            }
        }
    }

    private async Task<(long, long, long)> HighWaterMarksAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var events = await db.TicketEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        var escalations = await db.EscalationRecords.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        var notifications = await db.Notifications.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        return (events, escalations, notifications);
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>The tables whose rows are relayed, as the triggers name them.</summary>
    private enum Table
    {
        TicketEvents = 1,
        EscalationRecords = 2,
        Notifications = 3,
        Sites = 4,
        SlaPolicyVersions = 5,
        Calendar = 6,
    }

    private readonly record struct Row(Table Table, long Id);

    private sealed record Notice(
        [property: System.Text.Json.Serialization.JsonPropertyName("table")] string Table,
        [property: System.Text.Json.Serialization.JsonPropertyName("id")] long Id,
        [property: System.Text.Json.Serialization.JsonPropertyName("origin")] string Origin);
}
