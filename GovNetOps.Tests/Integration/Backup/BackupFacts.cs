using System.Net;
using System.Text.Json;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Infrastructure.Backup;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GovNetOps.Tests.Integration.Backup;

/// <summary>The nightly online backup of the SQLite file: taken while tickets are being written, it restores into a
/// working app with an intact hash chain and exactly the tickets it says it holds; retention; /health's backup age.</summary>
[Trait("Provider", "SqliteOnly")]
public sealed class BackupFacts
{
    [Fact]
    public async Task Backup_TakenUnderWriteLoad_RestoresWithAnIntactChainAndEveryTicketItHolds()
    {
        await using var app = new GovNetOpsFactory();
        app.Settings["Backup:Enabled"] = "true";
        var driver = new TicketDriver(app.Services);
        var site = await driver.SiteAsync(LocationClass.Township, carrierId: 1);
        var ops = await driver.UserAsync("ops");

        // Writers keep reporting tickets before, during and after the backup.
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var scope = app.Services.CreateScope();
                var form = new IntakeForm
                {
                    SiteId = site, Scope = FaultScope.Backbone, Symptoms = "备份期间的申告", ReporterName = "王伟", ReporterMobile = "13937701234",
                    ReportedAtChina = ChinaTime.ToChina(TimeProvider.System.GetUtcNow()).DateTime,
                };
                var result = await scope.ServiceProvider.GetRequiredService<ReportFaultHandler>().ReportAsync(form, ops);
                Assert.True(result.IsSuccess, result.Error);
                Interlocked.Increment(ref written);
            }
        })).ToList();
        await TicketDriver.EventuallyAsync(() => Task.FromResult(Volatile.Read(ref written)), n => n >= 15, TimeSpan.FromSeconds(60), "15 tickets written before the backup");

        var before = await TicketCountAsync(app);
        var backup = await app.Services.GetRequiredService<DatabaseBackup>().TakeAsync();
        var after = await TicketCountAsync(app);
        await TicketDriver.EventuallyAsync(() => Task.FromResult(Volatile.Read(ref written)), n => n >= after + 5, TimeSpan.FromSeconds(60), "5 more tickets after the backup");
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.InRange(backup.Tickets, before, after);
        Assert.True(backup.File.Bytes > 0);

        // Restore as the README says: the backup file becomes the database of a stopped app, which then starts on it.
        await using var restored = new GovNetOpsFactory();
        File.Copy(backup.File.Path, restored.DatabasePath);
        var chain = await restored.Services.GetRequiredService<TicketStore>().VerifyChainAsync();
        Assert.True(chain.IsIntact, string.Join("; ", chain.Problems));
        Assert.Equal(backup.TicketEvents, chain.EventCount);
        await using var db = restored.NewDbContext();
        Assert.Equal(backup.Tickets, await db.FaultTickets.LongCountAsync());
        Assert.Equal(backup.Tickets, await db.TicketEvents.Select(e => e.TicketId).Distinct().LongCountAsync());
        // The restored app serves its tickets.
        using var client = restored.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Health_ReportsTheAgeOfTheLastGoodBackup_AndIsDegradedWhenItIsTooOld()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-30T18:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var app = new GovNetOpsFactory { Time = time };
        app.Settings["Backup:Enabled"] = "true";
        app.Settings["Backup:MaxAge"] = "1.02:00:00";
        using var client = app.CreateClient();

        // The first start has no backup a day old: it takes one at once.
        var body = await TicketDriver.EventuallyAsync(async () => await (await client.GetAsync("/health")).Content.ReadAsStringAsync(),
            b => Backup(b).GetProperty("status").GetString() == "Healthy", TimeSpan.FromSeconds(30), "the start-up backup in /health");
        Assert.Equal("govnetops-20261130-180000Z.db", Backup(body).GetProperty("data").GetProperty("lastBackup").GetString());
        Assert.Equal(0, Backup(body).GetProperty("data").GetProperty("ageHours").GetDouble());

        time.Advance(TimeSpan.FromHours(27));
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var old = Backup(await response.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", old.GetProperty("status").GetString());
        Assert.Equal(27, old.GetProperty("data").GetProperty("ageHours").GetDouble());
    }

    [Fact]
    public void Retention_KeepsTheNewestOfEachOfTheLast14DaysAnd12Months()
    {
        // Two backups a day (02:30 and 14:30 China time) for 500 days, ending on 2026-11-30.
        var last = DateTimeOffset.Parse("2026-11-30T14:30:00+08:00", System.Globalization.CultureInfo.InvariantCulture);
        var all = Enumerable.Range(0, 1000).Select(i => new BackupFile($"b{i}", last.AddHours(-12 * i), 1)).ToList();

        var kept = DatabaseBackup.Kept(all, keepDaily: 14, keepMonthly: 12);

        var dates = kept.Select(b => ChinaTime.DateOf(b.TakenAt)).Order().ToList();
        // The 14:30 backup of each day from 11-17 to 11-30, and the last one of each month from 2025-12 to 2026-10
        // (November's is today's): 14 + 11.
        var expected = Enumerable.Range(0, 14).Select(d => new DateOnly(2026, 11, 17).AddDays(d))
            .Concat(Enumerable.Range(0, 11).Select(m => new DateOnly(2025, 12, 1).AddMonths(m + 1).AddDays(-1)))
            .Order().ToList();
        Assert.Equal(expected, dates);
        Assert.All(kept, b => Assert.Equal(14, ChinaTime.ToChina(b.TakenAt).Hour));
    }

    [Fact]
    public async Task TakingABackup_RemovesWhatRetentionNoLongerKeeps()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-20T18:30:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var app = new GovNetOpsFactory { Time = time };
        app.Settings["Backup:Enabled"] = "true";
        app.Settings["Backup:KeepDaily"] = "2";
        app.Settings["Backup:KeepMonthly"] = "0";
        var backups = app.Services.GetRequiredService<DatabaseBackup>();
        await TicketDriver.EventuallyAsync(() => Task.FromResult(backups.List().Count), n => n == 1, TimeSpan.FromSeconds(30), "the start-up backup");

        for (var night = 1; night <= 3; night++)
        {
            time.Advance(TimeSpan.FromDays(1));
            var result = await backups.TakeAsync();
            Assert.Equal(night == 1 ? 0 : 1, result.Pruned.Count);
        }

        Assert.Equal(["govnetops-20261123-183000Z.db", "govnetops-20261122-183000Z.db"], backups.List().Select(b => Path.GetFileName(b.Path)));
    }

    [Fact]
    public async Task AnUnfinishedCopy_IsNeverALastGoodBackup()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-30T18:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var app = new GovNetOpsFactory { Time = time };
        app.Settings["Backup:Enabled"] = "true";
        var backups = app.Services.GetRequiredService<DatabaseBackup>();
        await TicketDriver.EventuallyAsync(() => Task.FromResult(backups.List().Count), n => n == 1, TimeSpan.FromSeconds(30), "the start-up backup");
        var good = backups.LastGood()!;

        // A run that died mid-copy an hour later, and a stranger's file in the folder.
        await File.WriteAllTextAsync(Path.Combine(backups.Folder, DatabaseBackup.FileName(time.GetUtcNow().AddHours(1)) + ".partial"), "half a copy");
        await File.WriteAllTextAsync(Path.Combine(backups.Folder, "notes.txt"), "keep me");

        Assert.Equal(good.Path, backups.LastGood()!.Path);
        time.Advance(TimeSpan.FromDays(3));
        await backups.TakeAsync();
        Assert.True(File.Exists(Path.Combine(backups.Folder, "notes.txt")));
    }

    private static JsonElement Backup(string health) =>
        JsonDocument.Parse(health).RootElement.GetProperty("checks").GetProperty("backup");

    private static async Task<long> TicketCountAsync(GovNetOpsFactory app)
    {
        await using var db = app.NewDbContext();
        return await db.FaultTickets.LongCountAsync();
    }
}
