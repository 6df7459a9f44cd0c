using GovNetOps.Domain.Common;
using GovNetOps.Web.Infrastructure.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Resources;

namespace GovNetOps.Web.Features.Tickets;

/// <summary>Server-side validation of the intake form, one message per field (Resources/TicketText.resx).</summary>
public static class IntakeValidator
{
    public const int SymptomsMax = 500;
    public const int NameMax = 32;
    public const int ReasonMax = 200;

    /// <summary>How far back a report may be back-dated: a missed call from last week is a new report.</summary>
    public static readonly TimeSpan MaxBackdate = TimeSpan.FromDays(7);

    public static Dictionary<string, string> Validate(IntakeForm form, DateTimeOffset now, SiteSnapshot? site)
    {
        var errors = new Dictionary<string, string>();
        if (form.SiteId is null) errors[nameof(form.SiteId)] = TicketText.Intake_SiteRequired;
        else if (site is null) errors[nameof(form.SiteId)] = TicketText.Intake_SiteUnknown;

        if (!Enum.IsDefined(form.Scope)) errors[nameof(form.Scope)] = TicketText.Intake_ScopeRequired;

        var symptoms = form.Symptoms?.Trim() ?? "";
        if (symptoms.Length == 0) errors[nameof(form.Symptoms)] = TicketText.Intake_SymptomsRequired;
        else if (symptoms.Length > SymptomsMax) errors[nameof(form.Symptoms)] = string.Format(TicketText.Intake_SymptomsTooLong, SymptomsMax);

        var name = form.ReporterName?.Trim() ?? "";
        if (name.Length == 0) errors[nameof(form.ReporterName)] = TicketText.Intake_ReporterRequired;
        else if (name.Length > NameMax) errors[nameof(form.ReporterName)] = string.Format(TicketText.Intake_ReporterTooLong, NameMax);

        if (!IsMobile(form.ReporterMobile)) errors[nameof(form.ReporterMobile)] = TicketText.Intake_MobileInvalid;

        if (form.ReportedAtChina is not { } local) errors[nameof(form.ReportedAtChina)] = TicketText.Intake_ReportedAtRequired;
        // DateTime.MinValue (a crafted request) has no UTC instant: converting it would throw.
        else if (local < DateTime.MinValue + ChinaTime.Offset) errors[nameof(form.ReportedAtChina)] = TicketText.Intake_ReportedAtTooOld;
        else
        {
            var reported = ToUtc(local);
            if (reported > now) errors[nameof(form.ReportedAtChina)] = TicketText.Intake_ReportedAtFuture;
            else if (now - reported > MaxBackdate) errors[nameof(form.ReportedAtChina)] = TicketText.Intake_ReportedAtTooOld;
            else if (now - reported > FaultTicket.BackdateTolerance && string.IsNullOrWhiteSpace(form.BackdateReason))
                errors[nameof(form.BackdateReason)] = TicketText.Intake_BackdateReasonRequired;
        }
        if ((form.BackdateReason?.Trim().Length ?? 0) > ReasonMax) errors[nameof(form.BackdateReason)] = string.Format(TicketText.Intake_BackdateReasonTooLong, ReasonMax);

        if (site is not null && form.LocationClassOverride is { } cls && cls != site.LocationClass)
        {
            if (!Enum.IsDefined(cls)) errors[nameof(form.LocationClassOverride)] = TicketText.Intake_LocationClassInvalid;
            else if (string.IsNullOrWhiteSpace(form.OverrideReason)) errors[nameof(form.OverrideReason)] = TicketText.Intake_OverrideReasonRequired;
        }
        if ((form.OverrideReason?.Trim().Length ?? 0) > ReasonMax) errors[nameof(form.OverrideReason)] = string.Format(TicketText.Intake_OverrideReasonTooLong, ReasonMax);
        return errors;
    }

    public static bool IsMobile(string? value) =>
        value is { Length: 11 } v && v[0] == '1' && v.All(char.IsAsciiDigit);

    public static DateTimeOffset ToUtc(DateTime china) =>
        new DateTimeOffset(DateTime.SpecifyKind(china, DateTimeKind.Unspecified), ChinaTime.Offset).ToUniversalTime();
}
