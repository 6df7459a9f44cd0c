using System.Security.Cryptography;
using System.Text;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.SecurityLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Integration.SecurityLog;

/// <summary>Tampering with the security log by SQL, behind the app's back, is named by <see cref="SecurityLogChain.VerifyAsync"/>:
/// the first broken link. Each test owns its database.</summary>
public sealed class SecurityLogChainFacts : IAsyncLifetime
{
    private readonly TicketApp _app = new();
    private List<long> _ids = [];

    /// <summary>Five entries appended through the app, after whatever start-up wrote.</summary>
    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        var events = _app.Services.GetRequiredService<SecurityEvents>();
        foreach (var name in new[] { "ops", "leader", "telecom", "admin", "auditor" })
        {
            _app.Clock.Advance(TimeSpan.FromMinutes(1));
            await events.RecordAsync(SecurityEventKind.SignInFailed, SecurityOutcome.Failure, "", name, "", "/account/login", "WrongPassword");
        }
        await using var db = _app.NewDbContext();
        _ids = await db.SecurityLog.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task VerifyAsync_ReportsIntact_WhenTheLogIsUntouched()
    {
        var verdict = await VerifyAsync();

        Assert.True(verdict.IsIntact, verdict.Problem);
        Assert.Equal(_ids.Count, verdict.Count);
        Assert.True(_ids.Count >= 5);
    }

    [Theory]
    [InlineData("Detail", "'Disabled'")]
    [InlineData("UserName", "'leader2'")]
    [InlineData("Outcome", "1")]
    [InlineData("At", "\"At\" + 600000000")]
    [InlineData("Address", "'10.0.0.1'")]
    public async Task VerifyAsync_NamesTheEntry_WhenAFieldIsEdited(string column, string value)
    {
        var id = _ids[^3];

        await SqlAsync($"UPDATE \"SecurityLog\" SET \"{column}\" = {value} WHERE \"Id\" = {id}");

        var verdict = await VerifyAsync();
        Assert.Equal(id, verdict.BrokenAt);
        Assert.StartsWith($"第 #{id} 条记录", verdict.Problem);
        Assert.Contains("内容与哈希不符", verdict.Problem);
    }

    [Fact]
    public async Task VerifyAsync_NamesTheNextEntry_WhenAnEntryIsDeleted()
    {
        await SqlAsync($"DELETE FROM \"SecurityLog\" WHERE \"Id\" = {_ids[^3]}");

        var verdict = await VerifyAsync();

        Assert.Equal(_ids[^2], verdict.BrokenAt);
        Assert.Contains("前序哈希不符：其前面的记录被删除或插入", verdict.Problem);
    }

    [Fact]
    public async Task VerifyAsync_NamesTheForgery_WhenAnEntryIsInsertedWithAnUnkeyedHash()
    {
        var last = await LastAsync();
        var forged = new SecurityLogEntry
        {
            At = last.At.AddMinutes(1), Kind = SecurityEventKind.SignIn, Outcome = SecurityOutcome.Success, UserId = "x", UserName = "admin",
            Roles = "SystemAdmin", Address = "10.0.0.9", Subject = "/account/login", PreviousHash = last.Hash,
        };
        forged.Hash = Sha256(SecurityLogChain.Canonical(forged));
        await using (var db = _app.NewDbContext())
        {
            db.SecurityLog.Add(forged);
            await db.SaveChangesAsync();
        }

        var verdict = await VerifyAsync();

        Assert.Equal(forged.Id, verdict.BrokenAt);
        Assert.Contains("内容与哈希不符", verdict.Problem);
    }

    [Fact]
    public async Task VerifyAsync_NamesTheHead_WhenTheTailIsTruncated()
    {
        await SqlAsync($"DELETE FROM \"SecurityLog\" WHERE \"Id\" >= {_ids[^2]}", rows: 2);

        var verdict = await VerifyAsync();

        Assert.Equal(_ids[^1], verdict.BrokenAt);
        Assert.Equal($"日志末尾被截断：链头记录到第 #{_ids[^1]} 条，表中最后一条是第 #{_ids[^3]} 条", verdict.Problem);
    }

    [Fact]
    public async Task VerifyAsync_NamesTheHead_WhenTheTailIsTruncatedAndTheHeadRewrittenWithoutTheKey()
    {
        var kept = await EntryAsync(_ids[^3]);
        await SqlAsync($"DELETE FROM \"SecurityLog\" WHERE \"Id\" >= {_ids[^2]}", rows: 2);
        await SqlAsync($"UPDATE \"ChainHeads\" SET \"LastId\" = {kept.Id}, \"LastHash\" = '{kept.Hash}' WHERE \"Chain\" = 'SecurityLog'");

        var verdict = await VerifyAsync();

        Assert.Equal("链头记录的签名不符：链头被篡改", verdict.Problem);
    }

    [Fact]
    public async Task VerifyAsync_ReportsTheMissingHead_WhenTheTailIsTruncatedAndTheHeadDeleted()
    {
        await SqlAsync($"DELETE FROM \"SecurityLog\" WHERE \"Id\" >= {_ids[^2]}", rows: 2);
        await SqlAsync("DELETE FROM \"ChainHeads\" WHERE \"Chain\" = 'SecurityLog'");

        var verdict = await VerifyAsync();

        Assert.Equal("链头记录缺失：无法确认日志末尾没有被截断", verdict.Problem);
    }

    [Fact]
    public async Task VerifyAsync_NamesTheFirstEntry_WhenEveryHashIsRecomputedWithoutTheKey()
    {
        // The forger edits an entry, re-chains the whole log with plain SHA-256 and points the head at the new last hash.
        await using (var db = _app.NewDbContext())
        {
            var rows = await db.SecurityLog.OrderBy(e => e.Id).ToListAsync();
            var previous = SecurityLogChain.Genesis;
            foreach (var row in rows)
            {
                if (row.Id == _ids[^2])
                {
                    row.Detail = "Disabled";
                }
                row.PreviousHash = previous;
                row.Hash = previous = Sha256(SecurityLogChain.Canonical(row));
            }
            var head = await db.ChainHeads.SingleAsync(h => h.Chain == ChainHeadRecord.SecurityLogChain);
            head.LastHash = previous;
            await db.SaveChangesAsync();
        }

        var verdict = await VerifyAsync();

        Assert.Equal(_ids[0], verdict.BrokenAt);
        Assert.Contains("内容与哈希不符", verdict.Problem);
    }

    [Fact]
    public async Task AppendAsync_KeepsTheChainLinear_WhenManyAppendConcurrently()
    {
        var events = _app.Services.GetRequiredService<SecurityEvents>();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            events.RecordAsync(SecurityEventKind.AccessDenied, SecurityOutcome.Denied, "", $"user{i}", "Ops", $"/page/{i}", "Request"))));

        var verdict = await VerifyAsync();
        Assert.True(verdict.IsIntact, verdict.Problem);
        await using var db = _app.NewDbContext();
        Assert.Equal(40, await db.SecurityLog.CountAsync(e => e.Subject.StartsWith("/page/")));
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private async Task<ChainVerdict> VerifyAsync()
    {
        await using var db = _app.NewDbContext();
        return await SecurityLogChain.VerifyAsync(db, _app.Services.GetRequiredService<ChainKeys>());
    }

    private async Task<SecurityLogEntry> LastAsync()
    {
        await using var db = _app.NewDbContext();
        return await db.SecurityLog.AsNoTracking().OrderByDescending(e => e.Id).FirstAsync();
    }

    private async Task<SecurityLogEntry> EntryAsync(long id)
    {
        await using var db = _app.NewDbContext();
        return await db.SecurityLog.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    private async Task SqlAsync(string sql, int rows = 1)
    {
        await using var db = _app.NewDbContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        Assert.Equal(rows, await command.ExecuteNonQueryAsync());
    }
}
