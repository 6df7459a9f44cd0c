using GovNetOps.Domain.Common;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Features.Calendar;
using GovNetOps.Web.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Tests.Integration.Contacts;

/// <summary>Article 6 in the real app over SQLite: a contact change and its 1-working-day re-registration.</summary>
public sealed class SecurityContactFacts : IAsyncLifetime
{
    private readonly TicketApp _app = new();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public Task InitializeAsync()
    {
        // These facts move the fake clock by months; a periodic sweep would fire once for every 30 s passed.
        _app.Factory.Settings["Escalation:SweepInterval"] = "1.00:00:00";
        _app.Factory.Settings["Maintenance:SweepInterval"] = "1.00:00:00";
        return _app.InitializeAsync();
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    private Task<T> Registry<T>(Func<SecurityContactRegistry, Task<T>> action) => _app.WithServiceAsync(action);

    /// <summary>A demo unit the demo data leaves without a security contact.</summary>
    private async Task<int> SiteWithoutContactAsync()
    {
        await using var db = _app.NewDbContext();
        return await db.Sites.Where(s => s.Name == GovNetOps.Web.Infrastructure.Data.DemoData.WithoutSecurityContact[1]).Select(s => s.Id).SingleAsync();
    }

    private async Task<(int SiteId, int ContactId)> SiteWithContactAsync(string from)
    {
        var site = await SiteWithoutContactAsync();
        Assert.True((await Registry(r => r.RegisterAsync(_app.Admin, site, "王敏", "13803770001", D(from)))).IsSuccess);
        await using var db = _app.NewDbContext();
        return (site, await db.SecurityContacts.Where(c => c.SiteId == site).Select(c => c.Id).SingleAsync());
    }

    private async Task<SiteContactStatus> StatusAsync(int site) => (await Registry(r => r.StatusAsync())).Single(s => s.SiteId == site);

    [Fact]
    public async Task ReRegistration_IsDueAfterTheHolidayAndOnTheMakeUpSaturday()
    {
        _app.Clock.SetUtcNow(ChinaTime.At(D("2026-09-30"), new TimeOnly(10, 0)));
        var (site, contact) = await SiteWithContactAsync("2026-01-05");

        Assert.True((await Registry(r => r.StopAsync(_app.Admin, contact, D("2026-09-30")))).IsSuccess);

        var status = await StatusAsync(site);
        Assert.Equal((D("2026-10-08"), false, true), (status.Due!.DueDate, status.IsOverdue, status.HasNoContact)); // 国庆 10-01..07 not counted

        _app.Clock.SetUtcNow(ChinaTime.At(D("2026-10-08"), new TimeOnly(23, 59)));
        Assert.False((await StatusAsync(site)).IsOverdue);
        _app.Clock.SetUtcNow(ChinaTime.At(D("2026-10-09"), TimeOnly.MinValue));
        Assert.True((await StatusAsync(site)).IsOverdue);

        // Registered late on Friday 10-09; that successor stops the same day: the next is due on the make-up Saturday 10-10.
        Assert.True((await Registry(r => r.RegisterAsync(_app.Admin, site, "李娜", "0377-66123456", D("2026-10-09")))).IsSuccess);
        Assert.False((await StatusAsync(site)).IsOverdue);
        await using var db = _app.NewDbContext();
        var successor = await db.SecurityContacts.SingleAsync(c => c.SiteId == site && c.StoppedOn == null);
        Assert.True((await Registry(r => r.StopAsync(_app.Admin, successor.Id, D("2026-10-09")))).IsSuccess);
        Assert.Equal(D("2026-10-10"), (await StatusAsync(site)).Due!.DueDate);
        Assert.Equal(2, (await Registry(r => r.HistoryAsync(site))).Count);
        Assert.Equal(4, await db.ChangeRecords.CountAsync(c => c.EntityType == "SecurityContact" && c.EntityId == site.ToString(System.Globalization.CultureInfo.InvariantCulture))); // 2 registrations + 2 stops
    }

    [Fact]
    public async Task ReRegistrationDue_MovesWhenTheCalendarIsEdited_WithoutRestart()
    {
        _app.Clock.SetUtcNow(ChinaTime.At(D("2026-12-31"), new TimeOnly(10, 0)));
        var (site, contact) = await SiteWithContactAsync("2026-01-05");
        Assert.True((await Registry(r => r.StopAsync(_app.Admin, contact, D("2026-12-31")))).IsSuccess);
        Assert.Equal((D("2027-01-04"), true), ((await StatusAsync(site)).Due!.DueDate, (await StatusAsync(site)).Due!.IsProvisional));

        var saved = await _app.WithServiceAsync<SaveCalendarYearHandler, Result>(h => h.SaveAsync(_app.Admin, 2027, "通知", "2027-01-01~2027-01-04 休 元旦"));

        Assert.True(saved.IsSuccess, saved.Error);
        Assert.Equal((D("2027-01-05"), false), ((await StatusAsync(site)).Due!.DueDate, (await StatusAsync(site)).Due!.IsProvisional));
    }

    [Fact]
    public async Task Register_Refuses_NamingTheField_AndNonAdmins()
    {
        var site = await SiteWithoutContactAsync();

        Assert.StartsWith("安全联系人电话须为 11 位手机号码", (await Registry(r => r.RegisterAsync(_app.Admin, site, "王敏", "12345", D("2026-03-01")))).Error);
        Assert.Equal("只有系统管理员可以登记安全联系人。", (await Registry(r => r.RegisterAsync(_app.Ops, site, "王敏", "13803770001", D("2026-03-01")))).Error);
        Assert.True((await StatusAsync(site)).HasNoContact); // flagged: no contact yet
    }

    [Fact]
    public async Task DemoData_FlagsOnlyTheTwoUnitsLeftWithoutAContact()
    {
        var statuses = await Registry(r => r.StatusAsync());

        Assert.Equal(GovNetOps.Web.Infrastructure.Data.DemoData.WithoutSecurityContact.Order(), statuses.Where(s => s.HasNoContact).Select(s => s.SiteName).Order());
        Assert.True(statuses.Count > 20);
        Assert.All(statuses.Where(s => !s.HasNoContact), s => Assert.Single(s.Current));
        Assert.DoesNotContain(statuses, s => s.IsOverdue);
    }
}
