using System.Security.Cryptography;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.SecurityLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;

namespace GovNetOps.Tests.Integration.SecurityLog;

/// <summary>Entries older than the retention period move to an archive file with a signed record of the chain head,
/// never silently deleted, and verification carries on from that head (fake clock).</summary>
public sealed class SecurityLogArchiveFacts : IAsyncLifetime
{
    private readonly TicketApp _app = new();

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        var events = _app.Services.GetRequiredService<SecurityEvents>();
        for (var i = 0; i < 3; i++)
        {
            await events.RecordAsync(SecurityEventKind.SignIn, SecurityOutcome.Success, $"id{i}", $"old{i}", "Ops", "/account/login");
        }
        _app.Clock.Advance(TimeSpan.FromDays(181));
        for (var i = 0; i < 2; i++)
        {
            await events.RecordAsync(SecurityEventKind.SignIn, SecurityOutcome.Success, $"id{i}", $"new{i}", "Ops", "/account/login");
        }
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    private SecurityLogArchiver Archiver => _app.Services.GetRequiredService<SecurityLogArchiver>();

    [Fact]
    public async Task RunAsync_MovesOnlyEntriesOlderThanTheRetention_ToAFileWithTheChainHeadRecorded()
    {
        List<SecurityLogEntry> before;
        await using (var db = _app.NewDbContext())
        {
            before = await db.SecurityLog.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        }
        var old = before.Where(e => e.At < _app.Clock.GetUtcNow().AddDays(-180)).ToList();

        var record = await Archiver.RunAsync(CancellationToken.None);

        Assert.NotNull(record);
        var path = Path.Combine(Archiver.Folder, record.FileName);
        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(old.Count, lines.Length);
        Assert.Contains(lines, l => l.Contains("\"UserName\":\"old2\"", StringComparison.Ordinal));
        Assert.Equal((old[0].Id, old[^1].Id, old[^1].Hash), (record.FromEntryId, record.ToEntryId, record.LastHash));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))), record.FileSha256);
        await using var check = _app.NewDbContext();
        var left = await check.SecurityLog.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        Assert.DoesNotContain(left, e => e.UserName.StartsWith("old", StringComparison.Ordinal));
        Assert.Equal(["new0", "new1"], left.Where(e => e.Kind == SecurityEventKind.SignIn).Select(e => e.UserName));
        Assert.Equal(SecurityEventKind.Archived, left[^1].Kind);
        var verdict = await SecurityLogChain.VerifyAsync(check, _app.Services.GetRequiredService<ChainKeys>());
        Assert.True(verdict.IsIntact, verdict.Problem);
        Assert.Null(await Archiver.RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task VerifyAsync_StillNamesTheEntry_WhenTheFirstEntryAfterTheArchiveIsEdited()
    {
        await Archiver.RunAsync(CancellationToken.None);
        await using var db = _app.NewDbContext();
        var first = await db.SecurityLog.OrderBy(e => e.Id).FirstAsync();
        first.Detail = "edited";
        await db.SaveChangesAsync();

        var verdict = await SecurityLogChain.VerifyAsync(db, _app.Services.GetRequiredService<ChainKeys>());

        Assert.Equal(first.Id, verdict.BrokenAt);
    }

    [Fact]
    public async Task VerifyAsync_NamesTheArchive_WhenItsRecordIsForged()
    {
        var record = await Archiver.RunAsync(CancellationToken.None);
        await using var db = _app.NewDbContext();
        var stored = await db.SecurityLogArchives.SingleAsync();
        stored.ToEntryId += 1;
        await db.SaveChangesAsync();

        var verdict = await SecurityLogChain.VerifyAsync(db, _app.Services.GetRequiredService<ChainKeys>());

        Assert.Equal($"归档记录 {record!.FileName} 的签名或顺序不符：归档记录被篡改", verdict.Problem);
    }

    [Fact]
    public async Task RunAsync_ArchivesNothing_WhenTheChainIsBroken()
    {
        await using (var db = _app.NewDbContext())
        {
            var old = await db.SecurityLog.SingleAsync(e => e.UserName == "old1");
            old.Detail = "edited";
            await db.SaveChangesAsync();
        }

        var record = await Archiver.RunAsync(CancellationToken.None);

        Assert.Null(record);
        await using var check = _app.NewDbContext();
        Assert.Equal(3, await check.SecurityLog.CountAsync(e => e.UserName.StartsWith("old")));
        Assert.Empty(await check.SecurityLogArchives.ToListAsync());
        Assert.Equal(SecurityOutcome.Failure, (await check.SecurityLog.OrderByDescending(e => e.Id).FirstAsync()).Outcome);
    }
}

/// <summary>The key and the retention are checked before the app starts.</summary>
public sealed class SecurityLogOptionsFacts
{
    [Theory]
    [InlineData("Production", null, 180, "Security__LogKey")]
    [InlineData("Production", "short", 180, "at least 32")]
    [InlineData("Development", "a-development-key-of-forty-characters-00", 90, "at least 180 days")]
    public void Validate_Fails_WhenTheKeyIsMissingOrShortOrTheRetentionUnder180Days(string environment, string? key, int days, string message)
    {
        var validator = new SecurityLogOptionsValidator(new HostingEnvironment { EnvironmentName = environment });

        var result = validator.Validate(null, new SecurityLogOptions { LogKey = key, LogRetentionDays = days });

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Succeeds_WhenAProductionKeyAndSixMonthsAreSet()
    {
        var validator = new SecurityLogOptionsValidator(new HostingEnvironment { EnvironmentName = "Production" });

        var result = validator.Validate(null, new SecurityLogOptions { LogKey = new string('k', 32), LogRetentionDays = 180 });

        Assert.True(result.Succeeded);
    }
}
