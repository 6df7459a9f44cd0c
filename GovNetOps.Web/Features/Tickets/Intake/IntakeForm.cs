using GovNetOps.Domain.Sla;

namespace GovNetOps.Web.Features.Tickets.Intake;

/// <summary>What the operator types while the unit is on the phone.</summary>
public sealed class IntakeForm
{
    public int? SiteId { get; set; }

    /// <summary>One outage, many sites: the sites of an incident report (<see cref="ReportIncidentHandler"/>); empty for a single report.</summary>
    public List<int> SiteIds { get; set; } = [];
    public FaultScope Scope { get; set; } = FaultScope.Backbone;
    public string Symptoms { get; set; } = "";
    public string ReporterName { get; set; } = "";
    public string ReporterMobile { get; set; } = "";

    /// <summary>The report time in China Standard Time, as the operator sees it.</summary>
    public DateTime? ReportedAtChina { get; set; }

    /// <summary>True while the operator has left the report time at its default, "now": the report time is then
    /// the instant the form is submitted (<see cref="ReportedAtChina"/> only shows it), so a form left open for a
    /// while needs no back-dating reason.</summary>
    public bool ReportedNow { get; set; }
    public string? BackdateReason { get; set; }

    /// <summary>Set only to override the site's registered class (needs a reason).</summary>
    public LocationClass? LocationClassOverride { get; set; }
    public string? OverrideReason { get; set; }

    /// <summary>The form field that shows a Domain rule's message about a <see cref="Domain.Tickets.ReportFault"/> property
    /// (<see cref="Domain.Tickets.FaultTicket.ReportRuleViolations"/>); the whole form when no field matches.</summary>
    public static string FieldOf(string reportFaultProperty) => reportFaultProperty switch
    {
        nameof(Domain.Tickets.ReportFault.ReportedAt) => nameof(ReportedAtChina),
        nameof(Domain.Tickets.ReportFault.BackdateReason) => nameof(BackdateReason),
        nameof(Domain.Tickets.ReportFault.LocationOverrideReason) => nameof(OverrideReason),
        _ => IntakeResult.FormKey,
    };
}
