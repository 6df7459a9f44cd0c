using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Features.Carrier;
using GovNetOps.Web.Features.Tickets.Actions;
using GovNetOps.Web.Features.Tickets.Detail;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Features.Tickets.List;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Tickets;

namespace GovNetOps.Tests.Integration.Tickets;

/// <summary>A valid intake form by default (a caller on the phone right now); each With… spoils or changes one field.</summary>
internal sealed class IntakeFormBuilder
{
    private readonly IntakeForm _form;

    private IntakeFormBuilder(int siteId, DateTimeOffset now) => _form = new IntakeForm
    {
        SiteId = siteId,
        Scope = FaultScope.Backbone,
        Symptoms = "外网专线中断，政务服务平台无法访问",
        ReporterName = "赵伟",
        ReporterMobile = "13937712345",
        ReportedAtChina = ChinaTime.ToChina(now).DateTime,
    };

    public static IntakeFormBuilder At(int siteId, DateTimeOffset now) => new(siteId, now);

    public IntakeFormBuilder With(Action<IntakeForm> change)
    {
        change(_form);
        return this;
    }

    public IntakeFormBuilder Lan() => With(f => f.Scope = FaultScope.Lan);

    public IntakeFormBuilder ReportedAt(DateTimeOffset instant, string? backdateReason = null) => With(f =>
    {
        f.ReportedAtChina = ChinaTime.ToChina(instant).DateTime;
        f.BackdateReason = backdateReason;
    });

    public IntakeFormBuilder OverrideClass(LocationClass locationClass, string? reason) => With(f =>
    {
        f.LocationClassOverride = locationClass;
        f.OverrideReason = reason;
    });

    public IntakeForm Build() => _form;
}
