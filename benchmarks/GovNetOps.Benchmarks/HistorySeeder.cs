using System.Globalization;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Features.Tickets.List;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.SecurityLog;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Benchmarks;

/// <summary>Writes N historical tickets spread over the two years before <c>now</c>, each a real
/// <see cref="FaultTicket"/> driven through the Domain (so projection and events agree), inserted with raw
/// prepared SQLite commands in one transaction (or through EF Core in batches on PostgreSQL), the hash chain computed as <see cref="TicketStore"/> does.</summary>
internal sealed class HistorySeeder(TicketProjection projection, ChainKeys keys, int policyVersion, IReadOnlyList<(int Id, LocationClass Class, int CarrierId)> sites)
{
    private static readonly Actor Ops = new("bench-ops", "值班员（历史）", Role.Ops);
    private readonly Random _random = new(20260302);

    public async Task<(int Tickets, int Events)> SeedAsync(string databasePath, IDbContextFactory<AppDbContext> factory, int count, DateTimeOffset now)
    {
        await StartAsync(factory);
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var insertTicket = Prepare(connection, tx, "FaultTickets",
            "Id", "Number", "SiteId", "CarrierId", "LocationClass", "Scope", "Symptoms", "ReporterName", "ReporterMobile", "ReportedAt", "LoggedAt",
            "PolicyVersion", "State", "IsOpen", "AcknowledgedAt", "RepairedAt", "ClosedAt", "CancelledAt", "Complex", "SuspendRequested",
            "ResponseDeadline", "ResponseAllowance", "ResponseRunning", "ResponseBreachedDeadline", "ResponseMetAt",
            "RepairDeadline", "RepairAllowance", "RepairRunning", "RepairSuspended", "RepairBreachedDeadline", "RepairMetAt",
            "LastEventAt", "Version", "ProjectionVersion");
        var insertEvent = Prepare(connection, tx, "TicketEvents",
            "Id", "TicketId", "Sequence", "Trigger", "ActorId", "ActorName", "ActorRole", "At", "Reason", "DataJson", "ChainVersion", "PreviousHash", "Hash");

        var events = 0;
        foreach (var (record, rows) in Generate(count, now))
        {
            await InsertTicketAsync(insertTicket, record);
            foreach (var row in rows)
            {
                await InsertEventAsync(insertEvent, row);
                events++;
            }
        }
        await tx.CommitAsync();
        await SealAsync(factory);
        // Fold the bulk load's write-ahead log into the file now, or the first measured writes would pay for it.
        await using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }
        return (count, events);
    }

    /// <summary>The same history into a PostgreSQL database, through EF Core in batches (its provider maps the
    /// types); event ids are given in chain order and the identity sequence moved past them afterwards.</summary>
    public async Task<(int Tickets, int Events)> SeedAsync(IDbContextFactory<AppDbContext> factory, int count, DateTimeOffset now)
    {
        await StartAsync(factory);

        var events = 0;
        foreach (var batch in Generate(count, now).Chunk(2_000))
        {
            await using var db = await factory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var (record, rows) in batch)
            {
                db.FaultTickets.Add(record);
                foreach (var row in rows)
                {
                        db.TicketEvents.Add(row);
                    events++;
                }
            }
            await db.SaveChangesAsync();
        }
        await using (var db = await factory.CreateDbContextAsync())
        {
            await DatabaseEngine.SyncIdentityAsync<TicketEventRecord>(db);
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
        await SealAsync(factory);
        return (count, events);
    }

    private bool _keyed;
    private long _lastId;

    /// <summary>Reads the chain's last link and id and whether it is keyed (the app keys a new database's chain at
    /// start-up: a signed head from event 1).</summary>
    private async Task StartAsync(IDbContextFactory<AppDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var last = await db.TicketEvents.OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync();
        _previous = last?.Hash ?? EventChain.Genesis;
        _lastId = last?.Id ?? 0;
        var head = await db.ChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Chain == ChainHeadRecord.TicketEventsChain);
        _keyed = head is not null && head.KeyedFromId <= _lastId + 1;
    }

    /// <summary>Moves the signed head to the last seeded event, as <see cref="EventChain.AppendAsync"/> does.</summary>
    private async Task SealAsync(IDbContextFactory<AppDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var head = await db.ChainHeads.SingleOrDefaultAsync(h => h.Chain == ChainHeadRecord.TicketEventsChain);
        if (head is null)
        {
            return;
        }
        head.LastId = _lastId;
        head.LastHash = _previous;
        head.Mac = EventChain.HeadMac(keys, head);
        await db.SaveChangesAsync();
    }

    /// <summary>The tickets in report order, each with its chained event rows (keyed, as TicketStore appends them).</summary>
    private IEnumerable<(FaultTicketRecord Record, List<TicketEventRecord> Rows)> Generate(int count, DateTimeOffset now)
    {
        var span = TimeSpan.FromDays(730);
        var starts = Enumerable.Range(0, count).Select(_ => now - span + TimeSpan.FromTicks((long)(_random.NextDouble() * span.Ticks)))
            .Select(t => new DateTimeOffset(t.Ticks - t.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero)).Order().ToList();
        var numbers = new Dictionary<DateOnly, int>();
        foreach (var reportedAt in starts)
        {
            var ticket = Build(reportedAt, now);
            var day = ChinaTime.DateOf(ticket.LoggedAt);
            numbers[day] = numbers.GetValueOrDefault(day) + 1;
            var record = new FaultTicketRecord { Id = ticket.Id, Number = $"GZ-{day:yyyyMMdd}-{numbers[day]:0000}" };
            projection.Write(ticket, record, ticket.Events[^1].At);
            var rows = new List<TicketEventRecord>(ticket.Events.Count);
            foreach (var e in ticket.Events)
            {
                var row = EventChain.ToRecord(e);
                row.Id = ++_lastId; // ids in chain order, as TicketStore takes them under its lock
                row.PreviousHash = _previous;
                row.ChainVersion = _keyed ? EventChain.KeyedVersion : 0;
                row.Hash = _previous = _keyed ? EventChain.ComputeKeyed(keys, row) : EventChain.Compute(row);
                rows.Add(row);
            }
            yield return (record, rows);
        }
    }

    private string _previous = EventChain.Genesis;

    /// <summary>A plausible life: most tickets closed within the day, some late, a few complex, suspended, reopened or cancelled;
    /// tickets whose next step would lie after now stay open in whatever state they reached.</summary>
    private FaultTicket Build(DateTimeOffset reportedAt, DateTimeOffset now)
    {
        var site = sites[_random.Next(sites.Count)];
        var carrier = new Actor($"bench-carrier-{site.CarrierId}", "运营商工程师（历史）", Role.Carrier, site.CarrierId);
        var loggedAt = reportedAt.AddMinutes(_random.Next(0, 4));
        var scope = _random.NextDouble() < 0.1 ? FaultScope.Lan : FaultScope.Backbone;
        var ticket = FaultTicket.Report(new ReportFault(Guid.NewGuid(), site.Id, site.CarrierId, site.Class, scope,
            Symptoms[_random.Next(Symptoms.Length)], "李明", "13937700001", reportedAt, null, policyVersion), Ops, loggedAt).Value!;
        var at = loggedAt;
        bool Step(TicketTrigger trigger, Actor by, TimeSpan after, string? reason = null)
        {
            var next = at + after;
            if (next > now)
            {
                return false;
            }

            at = next;
            var applied = ticket.Apply(new TicketCommand(trigger, reason), by, at);
            if (!applied.IsSuccess)
            {
                throw new InvalidOperationException($"{trigger}: {applied.Error}");
            }

            return true;
        }
        TimeSpan Minutes(int min, int max) => TimeSpan.FromMinutes(_random.Next(min, max));

        if (_random.NextDouble() < 0.03) { Step(TicketTrigger.Cancel, Ops, Minutes(2, 30), "重复申告"); return ticket; }
        // A LAN fault is the unit's own (Article 11): no carrier moves; Ops notes its help and ends the request.
        if (scope == FaultScope.Lan)
        {
            if (!Step(TicketTrigger.PostProgress, Ops, Minutes(10, 120), "已远程协助单位排查局域网"))
            {
                return ticket;
            }

            Step(TicketTrigger.Cancel, Ops, Minutes(30, 600), "单位自行处理完毕");
            return ticket;
        }
        // ~10 % of acknowledgements come after the 1 h response limit.
        if (!Step(TicketTrigger.Acknowledge, carrier, _random.NextDouble() < 0.1 ? Minutes(61, 180) : Minutes(3, 58)))
        {
            return ticket;
        }

        if (!Step(TicketTrigger.PostProgress, carrier, Minutes(5, 40), "已到达现场，正在排查"))
        {
            return ticket;
        }

        var roll = _random.NextDouble();
        if (roll < 0.05)
        {
            if (!Step(TicketTrigger.RequestComplex, carrier, Minutes(10, 60), "主干光缆被挖断，需重新熔接"))
            {
                return ticket;
            }

            if (!Step(_random.NextDouble() < 0.7 ? TicketTrigger.ApproveComplex : TicketTrigger.RejectComplex, Ops, Minutes(5, 30), "同意"))
            {
                return ticket;
            }
        }
        else if (roll < 0.08)
        {
            if (!Step(TicketTrigger.RequestSuspend, carrier, Minutes(10, 60), "单位机房上锁，无法进入"))
            {
                return ticket;
            }

            if (!Step(TicketTrigger.ApproveSuspend, Ops, Minutes(5, 20)))
            {
                return ticket;
            }

            if (!Step(TicketTrigger.Resume, Ops, Minutes(30, 600)))
            {
                return ticket;
            }
        }
        var hours = site.Class switch { LocationClass.CountyDirect => 2, LocationClass.CoreRoom => 4, _ => 6 };
        // ~12 % of repairs overrun the class limit.
        if (!Step(TicketTrigger.MarkRepaired, carrier, _random.NextDouble() < 0.12 ? Minutes(hours * 60, hours * 120) : Minutes(10, hours * 45), "已更换光模块，业务恢复"))
        {
            return ticket;
        }

        if (_random.NextDouble() < 0.02)
        {
            if (!Step(TicketTrigger.Reopen, Ops, Minutes(20, 120), "回访时仍无法访问"))
            {
                return ticket;
            }

            if (!Step(TicketTrigger.MarkRepaired, carrier, Minutes(20, 90), "重新配置路由，已恢复"))
            {
                return ticket;
            }
        }
        Step(TicketTrigger.ConfirmClosed, Ops, Minutes(20, 1440), "回访确认已恢复");
        return ticket;
    }

    private static readonly string[] Symptoms =
    [
        "外网专线中断，政务服务平台无法访问", "网络时断时续，视频会议卡顿", "光猫告警灯亮红，全部终端断网",
        "出口带宽跑满，访问省平台缓慢", "核心交换机端口 down，部分科室断网",
    ];

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string table, params string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
        foreach (var c in columns)
        {
            command.Parameters.Add(new SqliteParameter("$" + c, null));
        }

        command.Prepare();
        return command;
    }

    private static async Task InsertTicketAsync(SqliteCommand c, FaultTicketRecord r)
    {
        Set(c, "Id", GuidText(r.Id)); Set(c, "Number", r.Number); Set(c, "SiteId", r.SiteId); Set(c, "CarrierId", r.CarrierId);
        Set(c, "LocationClass", (int)r.LocationClass); Set(c, "Scope", (int)r.Scope); Set(c, "Symptoms", r.Symptoms);
        Set(c, "ReporterName", r.ReporterName); Set(c, "ReporterMobile", r.ReporterMobile); Set(c, "ReportedAt", r.ReportedAt.UtcTicks);
        Set(c, "LoggedAt", r.LoggedAt.UtcTicks); Set(c, "PolicyVersion", r.PolicyVersion); Set(c, "State", (int)r.State);
        Set(c, "AcknowledgedAt", r.AcknowledgedAt?.UtcTicks); Set(c, "RepairedAt", r.RepairedAt?.UtcTicks); Set(c, "ClosedAt", r.ClosedAt?.UtcTicks);
        Set(c, "CancelledAt", r.CancelledAt?.UtcTicks); Set(c, "Complex", (int)r.Complex); Set(c, "SuspendRequested", r.SuspendRequested ? 1 : 0);
        Set(c, "IsOpen", r.IsOpen ? 1 : 0);
        Set(c, "ResponseDeadline", r.ResponseDeadline?.UtcTicks); Set(c, "ResponseAllowance", r.ResponseAllowance);
        Set(c, "ResponseRunning", r.ResponseRunning ? 1 : 0); Set(c, "ResponseBreachedDeadline", r.ResponseBreachedDeadline?.UtcTicks);
        Set(c, "ResponseMetAt", r.ResponseMetAt?.UtcTicks);
        Set(c, "RepairDeadline", r.RepairDeadline?.UtcTicks); Set(c, "RepairAllowance", r.RepairAllowance);
        Set(c, "RepairRunning", r.RepairRunning ? 1 : 0); Set(c, "RepairSuspended", r.RepairSuspended ? 1 : 0);
        Set(c, "RepairBreachedDeadline", r.RepairBreachedDeadline?.UtcTicks); Set(c, "RepairMetAt", r.RepairMetAt?.UtcTicks);
        Set(c, "LastEventAt", r.LastEventAt.UtcTicks); Set(c, "Version", r.Version); Set(c, "ProjectionVersion", r.ProjectionVersion);
        await c.ExecuteNonQueryAsync();
    }

    private static async Task InsertEventAsync(SqliteCommand c, TicketEventRecord row)
    {
        Set(c, "Id", row.Id); Set(c, "TicketId", GuidText(row.TicketId)); Set(c, "Sequence", row.Sequence); Set(c, "Trigger", (int)row.Trigger);
        Set(c, "ActorId", row.ActorId); Set(c, "ActorName", row.ActorName); Set(c, "ActorRole", (int)row.ActorRole);
        Set(c, "At", row.At.UtcTicks); Set(c, "Reason", row.Reason); Set(c, "DataJson", row.DataJson);
        Set(c, "ChainVersion", row.ChainVersion); Set(c, "PreviousHash", row.PreviousHash); Set(c, "Hash", row.Hash);
        await c.ExecuteNonQueryAsync();
    }

    /// <summary>EF Core's SQLite provider stores a Guid as upper-case text; queries compare it that way.</summary>
    private static string GuidText(Guid id) => id.ToString().ToUpper(CultureInfo.InvariantCulture);

    private static void Set(SqliteCommand c, string column, object? value) => c.Parameters["$" + column].Value = value ?? DBNull.Value;
}
