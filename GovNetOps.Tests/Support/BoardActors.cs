using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Web.Features.Carrier;
using GovNetOps.Web.Features.Tickets.Actions;
using GovNetOps.Web.Features.Tickets.Detail;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Features.Tickets.List;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Tickets;
using GovNetOps.Web.Infrastructure.Security;

namespace GovNetOps.Tests.Support;

/// <summary>Principals shaped like the real sign-in cookie, and intake forms, for driving
/// <see cref="TicketService"/> from the board's tests and the benchmark.</summary>
internal static class BoardActors
{
    public static ClaimsPrincipal Ops { get; } = Principal("ops-test", "张值班", AppRoles.Ops);

    public static ClaimsPrincipal Carrier(int carrierId) => Principal($"carrier-{carrierId}", "运营商工程师", AppRoles.Carrier, carrierId);

    public static ClaimsPrincipal Principal(string id, string displayName, string role, int? carrierId = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, id), new(ClaimTypes.Role, role), new(AppClaims.DisplayName, displayName),
        };
        if (carrierId is { } c) claims.Add(new Claim(AppClaims.CarrierId, c.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }

    /// <summary>A backbone fault at <paramref name="siteId"/>, reported at <paramref name="now"/>.</summary>
    public static IntakeForm Fault(int siteId, DateTimeOffset now, string symptoms = "网络中断") => new()
    {
        SiteId = siteId,
        Symptoms = symptoms,
        ReporterName = "赵会计",
        ReporterMobile = "13800000000",
        ReportedAtChina = ChinaTime.ToChina(now).DateTime,
    };
}
