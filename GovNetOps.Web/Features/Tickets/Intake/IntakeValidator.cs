using GovNetOps.Domain.Common;
using GovNetOps.Web.Resources;

namespace GovNetOps.Web.Features.Tickets.Intake;

/// <summary>The intake form's shape, one message per field (Resources/TicketText.resx): what is required, how long,
/// what a mobile number looks like. The rules (report time, back-dating and override reasons) are the Domain's
/// (<see cref="Domain.Tickets.FaultTicket.ReportRuleViolations"/>), checked once by <see cref="ReportFaultHandler"/>.</summary>
public static class IntakeValidator
{
    public const int SymptomsMax = 500;
    public const int NameMax = 32;
    public const int ReasonMax = 200;

    public static Dictionary<string, string> Validate(IntakeForm form, bool siteExists)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string>();
        if (form.SiteId is null)
        {
            errors[nameof(form.SiteId)] = TicketText.Intake_SiteRequired;
        }
        else if (!siteExists)
        {
            errors[nameof(form.SiteId)] = TicketText.Intake_SiteUnknown;
        }

        if (!Enum.IsDefined(form.Scope))
        {
            errors[nameof(form.Scope)] = TicketText.Intake_ScopeRequired;
        }

        var symptoms = form.Symptoms?.Trim() ?? "";
        if (symptoms.Length == 0)
        {
            errors[nameof(form.Symptoms)] = TicketText.Intake_SymptomsRequired;
        }
        else if (symptoms.Length > SymptomsMax)
        {
            errors[nameof(form.Symptoms)] = string.Format(TicketText.Intake_SymptomsTooLong, SymptomsMax);
        }

        var name = form.ReporterName?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors[nameof(form.ReporterName)] = TicketText.Intake_ReporterRequired;
        }
        else if (name.Length > NameMax)
        {
            errors[nameof(form.ReporterName)] = string.Format(TicketText.Intake_ReporterTooLong, NameMax);
        }

        if (!IsMobile(form.ReporterMobile))
        {
            errors[nameof(form.ReporterMobile)] = TicketText.Intake_MobileInvalid;
        }

        if (form.ReportedNow)
        {
            // The submission instant: nothing to check.
        }
        else if (form.ReportedAtChina is not { } local)
        {
            errors[nameof(form.ReportedAtChina)] = TicketText.Intake_ReportedAtRequired;
        }
        // DateTime.MinValue (a crafted request) has no UTC instant: converting it would throw.
        else if (local < DateTime.MinValue + ChinaTime.Offset)
        {
            errors[nameof(form.ReportedAtChina)] = TicketText.Intake_ReportedAtTooOld;
        }

        if ((form.BackdateReason?.Trim().Length ?? 0) > ReasonMax)
        {
            errors[nameof(form.BackdateReason)] = string.Format(TicketText.Intake_BackdateReasonTooLong, ReasonMax);
        }

        if (form.LocationClassOverride is { } cls && !Enum.IsDefined(cls))
        {
            errors[nameof(form.LocationClassOverride)] = TicketText.Intake_LocationClassInvalid;
        }

        if ((form.OverrideReason?.Trim().Length ?? 0) > ReasonMax)
        {
            errors[nameof(form.OverrideReason)] = string.Format(TicketText.Intake_OverrideReasonTooLong, ReasonMax);
        }

        return errors;
    }

    public static bool IsMobile(string? value) =>
        value is { Length: 11 } v && v[0] == '1' && v.All(char.IsAsciiDigit);

    public static DateTimeOffset ToUtc(DateTime china) =>
        new DateTimeOffset(DateTime.SpecifyKind(china, DateTimeKind.Unspecified), ChinaTime.Offset).ToUniversalTime();
}
