using GovNetOps.Domain.Common;
using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Tickets;
using GovNetOps.Web.Infrastructure.SecurityLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Integration.Tickets;

/// <summary>Tampering with the event log by SQL, behind the app's back, is reported by <see cref="EventChain.VerifyAsync"/>.
/// Each test owns its database: a broken chain stays broken.</summary>
public sealed class EventChainFacts : IAsyncLifetime
{
    private readonly TicketApp _app = new();
    private TicketHandle _first = default!;
    private TicketHandle _second = default!;

    // The tamperer's SQL quotes every identifier: the schema's names are mixed case, which PostgreSQL folds to lower
    // case unless quoted; SQLite accepts the quotes too, so the same statements run on both engines.

    /// <summary>Two tickets with interleaved events: first(1) second(1) first(2) second(2) first(3).</summary>
    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        _first = await _app.NewTicketAsync();
        _second = await _app.NewTicketAsync(carrierId: TicketApp.UnicomId);
        _first = await _app.MoveAsync(_first, (TicketTrigger.Acknowledge, _app.Telecom));
        _second = await _app.MoveAsync(_second, (TicketTrigger.Acknowledge, _app.Unicom));
        _first = await _app.MoveAsync(_first, (TicketTrigger.PostProgress, _app.Telecom));
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    private ChainKeys Keys => _app.Services.GetRequiredService<ChainKeys>();

    [Fact]
    public async Task VerifyAsync_ReportsIntact_WhenLogIsUntouched()
    {
        var report = await VerifyAsync();

        Assert.True(report.IsIntact, string.Join("\n", report.Problems));
        Assert.Equal(5, report.EventCount);
    }

    [Theory]
    [InlineData("Reason", "'已修复'")]
    [InlineData("DataJson", "'{\"state\":\"Closed\"}'")]
    [InlineData("At", "\"At\" - 36000000000")]
    [InlineData("ActorName", "'王磊（系统管理员）'")]
    public async Task VerifyAsync_ReportsTheRow_WhenAnEventIsEdited(string column, string value)
    {
        var id = await EventIdAsync(_first.Id, 2);

        await SqlAsync($"UPDATE \"TicketEvents\" SET \"{column}\" = {value} WHERE \"Id\" = {id}");

        var report = await VerifyAsync();
        Assert.False(report.IsIntact);
        Assert.Equal($"事件 #{id}（工单 {_first.Id:N} 第 2 条）的内容与哈希不符：该记录被修改", Assert.Single(report.Problems));
    }

    [Fact]
    public async Task VerifyAsync_ReportsTheRow_WhenAnEditedEventIsRehashedInIsolation()
    {
        // The forger recomputes the edited row's own hash without the key; the row and the next row's link give it away.
        var id = await EventIdAsync(_first.Id, 2);
        await using (var db = _app.NewDbContext())
        {
            var row = await db.TicketEvents.SingleAsync(e => e.Id == id);
            row.Reason = "已按时响应";
            row.Hash = EventChain.Compute(row);
            await db.SaveChangesAsync();
        }

        var report = await VerifyAsync();

        Assert.Equal($"事件 #{id}（工单 {_first.Id:N} 第 2 条）的内容与哈希不符：该记录被修改", report.Problems[0]);
        Assert.Contains(report.Problems, p => p.StartsWith($"事件 #{id + 1}") && p.Contains("前序哈希不符"));
    }

    [Fact]
    public async Task VerifyAsync_ReportsTheGap_WhenAMiddleEventIsDeleted()
    {
        var id = await EventIdAsync(_first.Id, 2);

        await SqlAsync($"DELETE FROM \"TicketEvents\" WHERE \"Id\" = {id}");

        var report = await VerifyAsync();
        Assert.Equal(2, report.Problems.Count);
        Assert.Contains(report.Problems, p => p.StartsWith($"事件 #{id + 1}") && p.Contains("前序哈希不符"));
        Assert.Contains(report.Problems, p => p == $"工单 {_first.Id:N} 的事件序号不连续：期望第 2 条，实际第 3 条");
    }

    [Fact]
    public async Task VerifyAsync_ReportsTheTicket_WhenTheVeryLastEventIsDeleted()
    {
        // The newest row of the whole log has no successor whose link could break: the ticket's version gives it away.
        var id = await EventIdAsync(_first.Id, 3);

        await SqlAsync($"DELETE FROM \"TicketEvents\" WHERE \"Id\" = {id}");

        var report = await VerifyAsync();
        Assert.Equal(
            [$"工单 {_first.Number} 记录了 3 条事件，事件表中实际有 2 条：事件被删除或插入", $"事件链末尾被截断：链头记录到事件 #{id}，表中最后一条是事件 #{id - 1}"],
            report.Problems);
    }

    [Fact]
    public async Task VerifyAsync_ReportsTheTicket_WhenItsLastEventIsDeletedFromTheMiddleOfTheLog()
    {
        var id = await EventIdAsync(_second.Id, 2);

        await SqlAsync($"DELETE FROM \"TicketEvents\" WHERE \"Id\" = {id}");

        var report = await VerifyAsync();
        Assert.Contains(report.Problems, p => p.StartsWith($"事件 #{id + 1}") && p.Contains("前序哈希不符"));
        Assert.Contains(report.Problems, p => p == $"工单 {_second.Number} 记录了 2 条事件，事件表中实际有 1 条：事件被删除或插入");
    }

    [Fact]
    public async Task VerifyAsync_ReportsTheRow_WhenAForgedEventIsInserted()
    {
        var last = await LastEventAsync();

        await SqlAsync($"""
            INSERT INTO "TicketEvents" ("TicketId", "Sequence", "Trigger", "ActorId", "ActorName", "ActorRole", "At", "Reason", "DataJson", "PreviousHash", "Hash", "ChainVersion")
            VALUES ('{last.TicketId.ToString().ToUpperInvariant()}', 4, {(int)TicketTrigger.MarkRepaired}, 'forger', '伪造者', {(int)Role.Carrier},
                    {last.At.UtcTicks + 1}, '伪造修复', '{"{"}"state":"Repaired"{"}"}', '{last.Hash}', '{new string('a', 64)}', {last.ChainVersion})
            """);

        var report = await VerifyAsync();
        Assert.Contains(report.Problems, p => p.Contains("第 4 条）的内容与哈希不符"));
        Assert.Contains(report.Problems, p => p == $"工单 {_first.Number} 记录了 3 条事件，事件表中实际有 4 条：事件被删除或插入");
    }

    [Fact]
    public async Task VerifyAsync_ReportsTheRow_WhenAForgedEventCarriesARecomputedUnkeyedHash()
    {
        // Whoever knows the algorithm but not the key chains a forged row by the old, unkeyed rule: the row itself is
        // caught (events after the switch-over are keyed), and so are the projection's version and the signed head.
        var last = await LastEventAsync();
        await using (var db = _app.NewDbContext())
        {
            var forged = new TicketEventRecord
            {
                TicketId = last.TicketId, Sequence = 4, Trigger = TicketTrigger.MarkRepaired, ActorId = "forger", ActorName = "伪造者",
                ActorRole = Role.Carrier, At = last.At.AddMinutes(1), Reason = "伪造修复", DataJson = "{\"state\":\"Repaired\"}", PreviousHash = last.Hash,
            };
            forged.Hash = EventChain.Compute(forged);
            db.TicketEvents.Add(forged);
            await db.SaveChangesAsync();
        }

        var report = await VerifyAsync();

        var forgedId = (await LastEventAsync()).Id;
        Assert.Equal(
            [$"事件 #{forgedId}（工单 {_first.Id:N} 第 4 条）的内容与哈希不符：该记录被修改", $"工单 {_first.Number} 记录了 3 条事件，事件表中实际有 4 条：事件被删除或插入",
                $"事件链末尾被截断：链头记录到事件 #{last.Id}，表中最后一条是事件 #{forgedId}"],
            report.Problems);
    }

    [Fact]
    public async Task VerifyAsync_ReportsTheRow_WhenAForgedEventIsSlippedBetweenTwoOthers()
    {
        // Re-using a deleted row's id puts the forgery in the middle of the chain.
        var id = await EventIdAsync(_second.Id, 2);
        var original = await EventAsync(id);
        await SqlAsync($"DELETE FROM \"TicketEvents\" WHERE \"Id\" = {id}");
        await using (var db = _app.NewDbContext())
        {
            var forged = new TicketEventRecord
            {
                Id = id, TicketId = original.TicketId, Sequence = 2, Trigger = TicketTrigger.Cancel, ActorId = original.ActorId, ActorName = original.ActorName,
                ActorRole = Role.Ops, At = original.At, Reason = "伪造撤销", DataJson = "{\"state\":\"Cancelled\"}", PreviousHash = original.PreviousHash,
            };
            forged.Hash = EventChain.Compute(forged);
            db.TicketEvents.Add(forged);
            await db.SaveChangesAsync();
        }

        var report = await VerifyAsync();

        Assert.Equal(
            [$"事件 #{id}（工单 {_second.Id:N} 第 2 条）的内容与哈希不符：该记录被修改", $"事件 #{id + 1}（工单 {_first.Id:N} 第 3 条）的前序哈希不符：其前面的事件被删除、插入或修改"],
            report.Problems);
    }

    [Fact]
    public async Task VerifyAsync_ReportsTheFirstEvent_WhenEveryHashIsRecomputedWithoutTheKey()
    {
        // The forger rewrites one event and re-chains the whole log by the unkeyed rule, head untouched.
        await RechainUnkeyedAsync(downgrade: false);

        var report = await VerifyAsync();

        var first = await EventAsync((await FirstEventAsync()).Id);
        Assert.StartsWith($"事件 #{first.Id}（工单 {first.TicketId:N} 第 1 条）的内容与哈希不符", report.Problems[0]);
    }

    [Fact]
    public async Task VerifyAsync_ReportsTheSwitchOver_WhenEveryEventIsDowngradedAndTheHeadDeleted()
    {
        // The forger re-chains every event as chain version 0 and deletes the signed head: the log would pass for a
        // database that was never keyed, but the security log recorded the switch-over.
        await RechainUnkeyedAsync(downgrade: true);
        await SqlAsync("DELETE FROM \"ChainHeads\" WHERE \"Chain\" = 'TicketEvents'");

        var report = await VerifyAsync();

        Assert.Equal("安全日志记录事件链自事件 #1 起启用密钥，链头记录的却是 —：链头被删除或替换，事件可能被改回不加密钥的算法", Assert.Single(report.Problems));
    }

    [Fact]
    public async Task VerifyAsync_ReportsIntact_WhenUnkeyedEventsBeforeTheSwitchOverAreFollowedByKeyedOnes()
    {
        // A database from before the key: its events are rewritten as they were then (version 0, plain SHA-256), the
        // head and the switch-over entry removed as if never written; a restart keys the chain from the next event on.
        await RechainUnkeyedAsync(downgrade: true, edit: false);
        await SqlAsync("DELETE FROM \"ChainHeads\" WHERE \"Chain\" = 'TicketEvents'");
        await SqlAsync("DELETE FROM \"SecurityLog\"", expectRows: false);
        await SqlAsync("DELETE FROM \"ChainHeads\" WHERE \"Chain\" = 'SecurityLog'");
        var lastOld = (await LastEventAsync()).Id;
        var factory = new GovNetOpsFactory(postgreSqlConnectionString: _app.Factory.PostgreSqlConnectionString);
        factory.Settings["Database:Path"] = _app.Factory.DatabasePath;
        await using var restarted = TicketApp.Over(factory);
        restarted.Clock.SetUtcNow(_app.Clock.GetUtcNow().AddHours(1));
        await restarted.InitializeAsync();
        await restarted.MoveAsync(_second, (TicketTrigger.PostProgress, restarted.Unicom));

        await using var db = restarted.NewDbContext();
        var report = await EventChain.VerifyAsync(db, Keys);
        var events = await db.TicketEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        Assert.True(report.IsIntact, string.Join("\n", report.Problems));
        Assert.Equal(6, report.EventCount);
        Assert.All(events.Where(e => e.Id <= lastOld), e => Assert.Equal(0, e.ChainVersion));
        Assert.Equal(EventChain.KeyedVersion, events[^1].ChainVersion);

        // An old, unkeyed event is still checked by its own rule.
        await SqlAsync($"UPDATE \"TicketEvents\" SET \"Reason\" = '改' WHERE \"Id\" = {events[0].Id}");
        var tampered = await EventChain.VerifyAsync(db, Keys);
        Assert.StartsWith($"事件 #{events[0].Id}", tampered.Problems[0]);
    }

    private async Task<ChainReport> VerifyAsync()
    {
        await using var db = _app.NewDbContext();
        return await EventChain.VerifyAsync(db, Keys);
    }

    // Rewrites every event by the unkeyed rule, linked in order (optionally as chain version 0, optionally editing one).
    private async Task RechainUnkeyedAsync(bool downgrade, bool edit = true)
    {
        await using var db = _app.NewDbContext();
        var rows = await db.TicketEvents.OrderBy(e => e.Id).ToListAsync();
        var previous = EventChain.Genesis;
        foreach (var row in rows)
        {
            if (edit && row.Sequence == 2 && row.TicketId == _first.Id)
            {
                row.Reason = "伪造进展";
            }

            if (downgrade)
            {
                row.ChainVersion = 0;
            }
            row.PreviousHash = previous;
            row.Hash = previous = EventChain.Compute(row);
        }
        await db.SaveChangesAsync();
    }

    private async Task<TicketEventRecord> FirstEventAsync()
    {
        await using var db = _app.NewDbContext();
        return await db.TicketEvents.AsNoTracking().OrderBy(e => e.Id).FirstAsync();
    }

    private async Task SqlAsync(string sql, bool expectRows = true)
    {
        // A raw command, not EF's ExecuteSqlRaw: the tamperer's SQL is taken literally (JSON braces included).
        await using var db = _app.NewDbContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        var changed = await command.ExecuteNonQueryAsync();
        if (expectRows)
        {
            Assert.Equal(1, changed);
        }
    }

    private async Task<long> EventIdAsync(Guid ticketId, int sequence)
    {
        await using var db = _app.NewDbContext();
        return await db.TicketEvents.Where(e => e.TicketId == ticketId && e.Sequence == sequence).Select(e => e.Id).SingleAsync();
    }

    private async Task<TicketEventRecord> EventAsync(long id)
    {
        await using var db = _app.NewDbContext();
        return await db.TicketEvents.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    private async Task<TicketEventRecord> LastEventAsync()
    {
        await using var db = _app.NewDbContext();
        return await db.TicketEvents.AsNoTracking().OrderByDescending(e => e.Id).FirstAsync();
    }
}
