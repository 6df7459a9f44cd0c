using System.Security.Claims;
using GovNetOps.Domain.Maintenance;
using GovNetOps.Domain.Sla;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Features.Maintenance;

namespace GovNetOps.Tests.Integration.Maintenance;

/// <summary>Carrier isolation for notices, on the server: five users × every read and action on a China Telecom notice.
/// A carrier never sees, nor learns of, another carrier's notice; leadership reads only; the administrator sees nothing.</summary>
public sealed class MaintenanceAccessFacts : IAsyncLifetime
{
    private readonly TicketApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    private ClaimsPrincipal User(string name) => name switch
    {
        "ops" => _app.Ops,
        "leader" => _app.Leader,
        "telecom" => _app.Telecom,
        "unicom" => _app.Unicom,
        "admin" => _app.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    //          user       list   read   history file   edit   decide start
    [InlineData("ops", true, true, true, true, true, true, true)]           // Ops files and carries out on the carrier's behalf
    [InlineData("leader", true, true, true, false, false, false, false)]  // read-only
    [InlineData("telecom", true, true, true, true, true, false, true)]    // its own notice
    [InlineData("unicom", false, false, false, false, false, false, false)] // another carrier's: invisible, untouchable
    [InlineData("admin", false, false, false, false, false, false, false)]
    public async Task Notice_IsSeenAndTouched_OnlyAsTheRoleAllows(string who, bool list, bool read, bool history, bool file, bool edit, bool decide, bool start)
    {
        var (notice, site) = await _app.FileTelecomAsync(TimeSpan.FromHours(3), TimeSpan.FromHours(1));
        var user = User(who);
        var unicomSite = await _app.SiteAsync(LocationClass.CountyDirect, TicketApp.UnicomId);

        var listed = await _app.WithServiceAsync<NoticeQueries, IReadOnlyList<NoticeRow>>(q => q.ListAsync(user, new NoticeQuery()));
        var details = await _app.WithServiceAsync<NoticeQueries, NoticeDetails?>(q => q.GetAsync(notice.Number, user));
        var changes = await _app.WithServiceAsync<NoticeQueries, IReadOnlyList<GovNetOps.Web.Infrastructure.Data.ChangeRecord>>(q => q.HistoryAsync(notice.Id, user));
        var form = MaintenanceApp.Form(site, _app.Clock.GetUtcNow() + TimeSpan.FromHours(5), TimeSpan.FromHours(1));
        form.CarrierId = TicketApp.TelecomId;
        var filed = await _app.FileAsync(form, user);
        var version = (await _app.NoticeAsync(notice.Id)).Version;
        var edited = await _app.WithServiceAsync<FileNoticeHandler, GovNetOps.Domain.Common.Result<FiledNotice>>(h =>
            h.EditAsync(notice.Id, version, MaintenanceApp.Form(site, _app.Clock.GetUtcNow() + TimeSpan.FromHours(4), TimeSpan.FromHours(1)), user));
        var decided = await _app.DecideAsync(notice.Id, true, user);
        var started = await _app.StartWorkAsync(notice.Id, user);

        Assert.Equal(list, listed.Any(r => r.Id == notice.Id));
        Assert.Equal(read, details is not null);
        Assert.Equal(history, changes.Count > 0);
        Assert.Equal(file, filed.IsSuccess);
        Assert.Equal(edit, edited.IsSuccess);
        Assert.Equal(decide, decided.IsSuccess);
        Assert.Equal(start, started.IsSuccess);
        if (who == "unicom")
        {
            // Refused with the same words as a notice that does not exist: nothing to learn from probing numbers.
            Assert.Equal("找不到该割接报备", edited.Error);
            Assert.Equal("找不到该割接报备", started.Error);
            // A carrier's filing for another carrier's site is refused whatever the form says.
            var foreign = await _app.FileAsync(MaintenanceApp.Form(site, _app.Clock.GetUtcNow() + TimeSpan.FromHours(5), TimeSpan.FromHours(1)), user);
            Assert.Equal("所选站点须属于报备运营商（联通）", foreign.Error);
            Assert.True((await _app.FileAsync(MaintenanceApp.Form(unicomSite, _app.Clock.GetUtcNow() + TimeSpan.FromHours(5), TimeSpan.FromHours(1)), user)).IsSuccess);
        }

        Assert.Equal(start ? MaintenanceStatus.InProgress : decide ? MaintenanceStatus.Approved : MaintenanceStatus.Pending, (await _app.NoticeAsync(notice.Id)).Status);
    }
}
