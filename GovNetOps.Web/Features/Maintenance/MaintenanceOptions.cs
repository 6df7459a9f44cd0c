using System.ComponentModel.DataAnnotations;
using GovNetOps.Domain.Maintenance;

namespace GovNetOps.Web.Features.Maintenance;

/// <summary>Section "Maintenance" of appsettings.json.</summary>
public sealed class MaintenanceOptions
{
    public const string Section = "Maintenance";

    /// <summary>The longest window accepted without a reason (default 24 h).</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan MaximumWindow { get; set; } = MaintenanceRules.DefaultMaximumWindow;

    /// <summary>How often the sweep looks for alerts that no job recorded.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How overdue an unrecorded alert must be before the sweep records it itself.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan SweepGrace { get; set; } = TimeSpan.FromSeconds(5);
}
