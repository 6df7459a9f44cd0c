using GovNetOps.Domain.Common;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GovNetOps.Tests.Integration.Audit;

public sealed class ChangeLogFacts : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"changelog-{Guid.NewGuid():N}.db");

    // On a PostgreSQL run: this database instead of the file.
    private readonly string? _postgreSql = TestProvider.IsPostgreSql ? TestPostgres.NewDatabase() : null;

    [Fact]
    public async Task Add_KeepsOnlyTheChangedFields_AndIsSavedWithTheChange()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));
        var admin = new Actor("u-admin", "王磊", Role.SystemAdmin);
        await using (var db = TestDatabase.WithDemoRegistry($"Data Source={_file};Pooling=False", _postgreSql))
        {
            var site = await db.Sites.OrderBy(s => s.Id).FirstAsync();
            var before = new Dictionary<string, string?> { ["Address"] = site.Address, ["BandwidthMbps"] = site.BandwidthMbps.ToString() };
            site.BandwidthMbps = 200;
            var after = new Dictionary<string, string?> { ["Address"] = site.Address, ["BandwidthMbps"] = "200" };

            new ChangeLog(time).Add(db, admin, "Site", site.Id.ToString(), site.Name, "Updated", before, after);
            await db.SaveChangesAsync();
        }

        await using (var db = TestDatabase.Open($"Data Source={_file};Pooling=False", _postgreSql))
        {
            var record = await db.ChangeRecords.SingleAsync();
            Assert.Equal(("Site", "Updated", "王磊", time.GetUtcNow()), (record.EntityType, record.Action, record.UserName, record.At));
            Assert.Equal(["BandwidthMbps"], ChangeLog.Fields(record.After).Keys);
            Assert.Equal("200", ChangeLog.Fields(record.After)["BandwidthMbps"]);
            Assert.Equal(200, (await db.Sites.SingleAsync(s => s.Id.ToString() == record.EntityId)).BandwidthMbps);
        }
    }

    public void Dispose() => File.Delete(_file);
}
