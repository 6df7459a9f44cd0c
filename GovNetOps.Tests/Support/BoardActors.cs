using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Web.Features.Carrier;
using GovNetOps.Web.Features.Tickets.Actions;
using GovNetOps.Web.Features.Tickets.Detail;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Features.Tickets.List;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;

namespace GovNetOps.Tests.Support;

/// <summary>Intake forms for driving the ticket handlers from the board's tests (the principals are the demo
/// users', from <see cref="TicketUseCases.UserAsync"/>: the handlers check every principal against its account).</summary>
internal static class BoardActors
{
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
