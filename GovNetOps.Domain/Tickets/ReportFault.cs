using GovNetOps.Domain.Sla;

namespace GovNetOps.Domain.Tickets;

/// <summary>Command to log a fault (故障申告); see <see cref="FaultTicket.Report"/>.</summary>
/// <param name="Id">New ticket id.</param>
/// <param name="SiteId">The site (接入单位).</param>
/// <param name="CarrierId">The carrier responsible for the site.</param>
/// <param name="LocationClass">The class used for the repair limit (Article 12, interpretation 3).</param>
/// <param name="Scope">Backbone (carrier clocks) or LAN (no carrier clocks) (Article 11).</param>
/// <param name="Symptoms">故障现象.</param>
/// <param name="ReporterName">Who called it in.</param>
/// <param name="ReporterMobile">Their mobile number.</param>
/// <param name="ReportedAt">The report time (申告时间); may be back-dated with a reason, never in the future (interpretation 1).</param>
/// <param name="BackdateReason">Required when <paramref name="ReportedAt"/> is more than <see cref="FaultTicket.BackdateTolerance"/> before now.</param>
/// <param name="PolicyVersion">The <see cref="SlaPolicy.Version"/> in force at the report.</param>
/// <param name="RegistryLocationClass">The site's class in the registry; when it differs from <paramref name="LocationClass"/> an override reason is required (interpretation 3).</param>
/// <param name="LocationOverrideReason">Why the operator overrides the registry class.</param>
/// <param name="IncidentId">Set when the fault is one site of an incident (one outage, many sites, reported together):
/// every ticket of the incident carries the same id.</param>
public sealed record ReportFault(
    Guid Id,
    int SiteId,
    int CarrierId,
    LocationClass LocationClass,
    FaultScope Scope,
    string Symptoms,
    string ReporterName,
    string ReporterMobile,
    DateTimeOffset ReportedAt,
    string? BackdateReason,
    int PolicyVersion,
    LocationClass? RegistryLocationClass = null,
    string? LocationOverrideReason = null,
    Guid? IncidentId = null);
