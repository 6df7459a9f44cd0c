using System.Net;
using System.Text;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Admin.Users;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Integration.SecurityLog;

/// <summary>Each kind of security event, done over HTTP or through the handlers of the real app, lands in the security log
/// exactly once, with who, role, what and result. One app for the class: every fact uses its own users or subjects.</summary>
public sealed class SecurityLogEventFacts(TicketApp app) : IClassFixture<TicketApp>
{
    [Fact]
    public async Task SignInAndSignOut_AreRecordedOnceEach_WhenAUserSignsInAndOut()
    {
        using var client = Client();

        await HttpSignIn.PostLoginAsync(client, "leader", DemoData.Password);
        var signedOut = await client.PostAsync("/account/logout", null);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var entries = await EntriesAsync(e => e.UserName == "leader" && (e.Kind == SecurityEventKind.SignIn || e.Kind == SecurityEventKind.SignOut));
        Assert.Equal(
            [(SecurityEventKind.SignIn, SecurityOutcome.Success, AppRoles.Leader), (SecurityEventKind.SignOut, SecurityOutcome.Success, AppRoles.Leader)],
            entries.Select(e => (e.Kind, e.Outcome, e.Roles)));
        Assert.All(entries, e => Assert.NotEmpty(e.UserId));
        Assert.Equal(entries[0].At, entries[0].At.ToUniversalTime());
    }

    [Fact]
    public async Task FailedSignIns_AreRecordedWithTheirReason_AndTheLockoutOnce()
    {
        await using (var db = app.NewDbContext())
        {
            var unicom = await db.Users.SingleAsync(u => u.UserName == "unicom");
            unicom.IsDisabled = true;
            await db.SaveChangesAsync();
        }
        using var client = Client();

        await HttpSignIn.PostLoginAsync(client, "nobody", "Whatever@2026");
        await HttpSignIn.PostLoginAsync(client, "unicom", DemoData.Password);
        for (var i = 0; i < 6; i++)
        {
            await HttpSignIn.PostLoginAsync(client, "mobile", "Wrong@2026");
        }

        Assert.Equal([(SecurityEventKind.SignInFailed, "UnknownUser")], (await EntriesAsync(e => e.UserName == "nobody")).Select(e => (e.Kind, e.Detail)));
        Assert.Equal([(SecurityEventKind.SignInFailed, "Disabled")], (await EntriesAsync(e => e.UserName == "unicom")).Select(e => (e.Kind, e.Detail)));
        var mobile = await EntriesAsync(e => e.UserName == "mobile");
        Assert.Equal(
            [.. Enumerable.Repeat((SecurityEventKind.SignInFailed, "WrongPassword"), 5), (SecurityEventKind.Lockout, mobile[5].Detail),
                (SecurityEventKind.SignInFailed, "LockedOut")],
            mobile.Select(e => (e.Kind, e.Detail)));
        Assert.All(mobile, e => Assert.Equal(AppRoles.Carrier, e.Roles));
    }

    [Fact]
    public async Task RefusedPage_IsRecordedOnce_WhenAUserOpensAPageItsRoleDoesNotAllow()
    {
        using var client = Client();
        await HttpSignIn.PostLoginAsync(client, "secadmin", DemoData.Password);

        var response = await client.GetAsync("/admin/audit");

        HttpAssert.RedirectsTo(client, response, "/account/access-denied");
        var denial = Assert.Single(await EntriesAsync(e => e.UserName == "secadmin" && e.Kind == SecurityEventKind.AccessDenied));
        Assert.Equal(("/admin/audit", SecurityOutcome.Denied, AppRoles.SecurityAdmin, "Request"), (denial.Subject, denial.Outcome, denial.Roles, denial.Detail));
    }

    [Fact]
    public async Task RefusedAction_IsRecordedOnce_WhenAHandlerRefusesIt()
    {
        using var scope = app.Services.CreateScope();

        var rows = await scope.ServiceProvider.GetRequiredService<UserAdminHandler>().ListAsync(app.Telecom);

        Assert.Null(rows);
        var denial = Assert.Single(await EntriesAsync(e => e.UserId == UserId(app.Telecom) && e.Kind == SecurityEventKind.AccessDenied));
        Assert.Equal(($"{AppPolicies.Users}: UserAdminHandler.ListAsync", "Handler"), (denial.Subject, denial.Detail));
    }

    [Fact]
    public async Task UserChange_IsRecordedOnce_WhenTheSystemAdministratorDisablesAUser()
    {
        string id;
        await using (var db = app.NewDbContext())
        {
            id = await db.Users.Where(u => u.UserName == "ops").Select(u => u.Id).SingleAsync();
        }
        using var scope = app.Services.CreateScope();

        var result = await scope.ServiceProvider.GetRequiredService<UserAdminHandler>().DisableAsync(id, app.Admin);

        Assert.True(result.IsSuccess, result.Error);
        var change = Assert.Single(await WaitForAsync(e => e.Kind == SecurityEventKind.UserChange && e.Subject.StartsWith("User Disable")));
        Assert.Equal((UserId(app.Admin), "admin", AppRoles.SystemAdmin, SecurityOutcome.Success), (change.UserId, change.UserName, change.Roles, change.Outcome));
        Assert.NotNull(change.ChangeRecordId);
        Assert.NotEmpty(change.Detail);
    }

    [Fact]
    public async Task Exports_AreRecordedOnce_WhenTheSiteListAndTheMonthlyReportAreDownloaded()
    {
        using var admin = Client();
        await HttpSignIn.PostLoginAsync(admin, "admin", DemoData.Password);
        using var leader = Client();
        await HttpSignIn.PostLoginAsync(leader, "leader", DemoData.Password);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/sites/export.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/reports/2026-02/export.xlsx")).StatusCode);

        Assert.Single(await WaitForAsync(e => e.Kind == SecurityEventKind.Export && e.UserName == "admin"));
        var report = Assert.Single(await EntriesAsync(e => e.Kind == SecurityEventKind.Export && e.UserName == "leader"));
        Assert.Equal("monthly-report-2026-02.xlsx", report.Subject);
    }

    [Fact]
    public async Task ReadingAndExportingTheLog_AreRecorded_AndOnlyTheAuditAdministratorMayDoEither()
    {
        using var auditor = Client();
        await HttpSignIn.PostLoginAsync(auditor, "auditor", DemoData.Password);
        using var admin = Client();
        await HttpSignIn.PostLoginAsync(admin, "admin", DemoData.Password);

        var page = await auditor.GetAsync("/audit/security-log");
        var csv = await auditor.GetAsync("/audit/security-log/export.csv?kind=SignIn");
        var refusedPage = await admin.GetAsync("/audit/security-log");
        var refusedExport = await admin.GetAsync("/audit/security-log/export.xlsx");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("安全日志", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFF\"序号\",\"时间（北京时间）\"", text);
        Assert.Contains("\"auditor\"", text);
        Assert.DoesNotContain("登录失败", text);
        HttpAssert.RedirectsTo(admin, refusedPage, "/account/access-denied");
        HttpAssert.RedirectsTo(admin, refusedExport, "/account/access-denied");
        Assert.Single(await EntriesAsync(e => e.UserName == "auditor" && e.Kind == SecurityEventKind.LogRead));
        var export = Assert.Single(await EntriesAsync(e => e.UserName == "auditor" && e.Kind == SecurityEventKind.Export));
        Assert.Equal("security-log.csv", export.Subject);
        Assert.Equal(2, (await EntriesAsync(e => e.UserName == "admin" && e.Kind == SecurityEventKind.AccessDenied && e.Subject.StartsWith("/audit/security-log"))).Count);
    }

    private HttpClient Client() => app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static string UserId(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;

    private async Task<List<SecurityLogEntry>> EntriesAsync(System.Linq.Expressions.Expression<Func<SecurityLogEntry, bool>> where)
    {
        await using var db = app.NewDbContext();
        return await db.SecurityLog.AsNoTracking().Where(where).OrderBy(e => e.Id).ToListAsync();
    }

    // Change records reach the log after their commit, from the mirror.
    private async Task<List<SecurityLogEntry>> WaitForAsync(System.Linq.Expressions.Expression<Func<SecurityLogEntry, bool>> where)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var found = await EntriesAsync(where);
            if (found.Count > 0 || DateTime.UtcNow > deadline)
            {
                await Task.Delay(300);
                return await EntriesAsync(where);
            }
            await Task.Delay(100);
        }
    }
}
