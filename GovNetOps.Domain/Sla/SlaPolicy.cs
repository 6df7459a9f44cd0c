namespace GovNetOps.Domain.Sla;

/// <summary>
/// The Article 12 SLA matrix as data, bound from appsettings.json section <see cref="SectionName"/>.
/// Defaults are the regulation's values. A ticket keeps the <see cref="Version"/> it was reported under,
/// so a later change of the matrix never silently moves an open ticket's deadline.
/// </summary>
public sealed class SlaPolicy
{
    /// <summary>The configuration section name, "Sla".</summary>
    public const string SectionName = "Sla";

    /// <summary>Version number of this matrix; tickets store it (≥ 1).</summary>
    public int Version { get; set; } = 1;

    /// <summary>First instant at which new reports use this version.</summary>
    public DateTimeOffset EffectiveFrom { get; set; } = DateTimeOffset.UnixEpoch;

    /// <summary>Article 12: respond to a fault report within 1 h.</summary>
    public TimeSpan Response { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Article 12: general repair at county-direct units (县直单位) within 2 h.</summary>
    public TimeSpan RepairCountyDirect { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Article 12: general repair in townships (乡镇区域) within 6 h.</summary>
    public TimeSpan RepairTownship { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Article 12: core machine room (核心机房) repair within 4 h.</summary>
    public TimeSpan RepairCoreRoom { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Article 12: complex faults within 48 h (interpretation 4: once ops approves).</summary>
    public TimeSpan Complex { get; set; } = TimeSpan.FromHours(48);

    /// <summary>
    /// The escalation ladder of this version (interpretation 8: 50 / 80 / 100 %, re-notify interval). A ticket's steps,
    /// its warning colour and its re-notifications follow the ladder of the version it was reported under, as its
    /// deadlines do; versions defined in configuration take section <see cref="EscalationPolicy.SectionName"/>.
    /// </summary>
    public EscalationPolicy Escalation { get; set; } = EscalationPolicy.Default;

    /// <summary>The regulation's own values (Article 12), version 1.</summary>
    public static SlaPolicy Regulation => new();

    /// <summary>The general repair limit for a location class (Article 12, interpretation 3).</summary>
    public TimeSpan RepairFor(LocationClass locationClass) => locationClass switch
    {
        LocationClass.CountyDirect => RepairCountyDirect,
        LocationClass.Township => RepairTownship,
        LocationClass.CoreRoom => RepairCoreRoom,
        _ => throw new ArgumentOutOfRangeException(nameof(locationClass), locationClass, "Unknown location class."),
    };

    /// <summary>The repair allowance: <see cref="Complex"/> when the fault is an approved complex fault, else <see cref="RepairFor"/>.</summary>
    public TimeSpan RepairAllowance(LocationClass locationClass, bool complexApproved) =>
        complexApproved ? Complex : RepairFor(locationClass);

    /// <summary>This version with another ladder (the cells, number and instant unchanged); this one is left as it is.</summary>
    public SlaPolicy WithEscalation(EscalationPolicy escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        return new()
        {
            Version = Version, EffectiveFrom = EffectiveFrom, Response = Response, RepairCountyDirect = RepairCountyDirect,
            RepairTownship = RepairTownship, RepairCoreRoom = RepairCoreRoom, Complex = Complex, Escalation = escalation,
        };
    }

    /// <summary>
    /// Start-up validation: every cell present and positive, and the ladder valid (<see cref="EscalationPolicy.Validate"/>). Returns one English message per bad cell,
    /// naming it as its configuration key (e.g. "Sla:RepairTownship must be a positive duration (was 00:00:00)");
    /// empty when valid.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Version < 1)
        {
            errors.Add($"{SectionName}:Version must be at least 1 (was {Version})");
        }

        Check(nameof(Response), Response);
        Check(nameof(RepairCountyDirect), RepairCountyDirect);
        Check(nameof(RepairTownship), RepairTownship);
        Check(nameof(RepairCoreRoom), RepairCoreRoom);
        Check(nameof(Complex), Complex);
        errors.AddRange(Escalation.Validate());
        return errors;

        void Check(string cell, TimeSpan value)
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"{SectionName}:{cell} must be a positive duration (was {value})");
            }
        }
    }
}
