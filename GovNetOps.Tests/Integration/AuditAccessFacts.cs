using System.Net;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;

namespace GovNetOps.Tests.Integration;

/// <summary>The event-chain audit page is the audit administrator's alone, decided by the server.</summary>
public sealed class AuditAccessFacts(StartedApp app) : IClassFixture<StartedApp>
{
    [Theory]
    [InlineData("auditor", true)]
    [InlineData("admin", false)]    // 三员分立: the system administrator does not audit itself
    [InlineData("secadmin", false)]
    [InlineData("ops", false)]
    [InlineData("leader", false)]
    [InlineData("telecom", false)] // a carrier typing the URL
    public async Task AuditPage_IsServedOnlyToTheAuditAdministrator(string user, bool allowed)
    {
        using var client = app.NoRedirectClient();
        await HttpSignIn.PostLoginAsync(client, user, DemoData.Password);

        var response = await client.GetAsync("/admin/audit");

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("校验事件链", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }
        else
        {
            HttpAssert.RedirectsTo(client, response, "/account/access-denied");
        }
    }
}
