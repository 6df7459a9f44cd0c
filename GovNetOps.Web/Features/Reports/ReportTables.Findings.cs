using System.Globalization;
using Rec = GovNetOps.Web.Resources.Rectification;
using Res = GovNetOps.Web.Resources.Reports;

namespace GovNetOps.Web.Features.Reports;

public static partial class ReportTables
{
    public const string Findings = "findings";

    /// <summary>安全检查与断网整改: per carrier of the site, then the total.</summary>
    public static ReportTable FindingsTable(MonthlyReport report, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(report);
        string T(string key) => Rec.ResourceManager.GetString(key, culture) ?? key;
        return new ReportTable(Findings, T(nameof(Rec.TableFindings)),
            [Res.ResourceManager.GetString(nameof(Res.ColCarrier), culture) ?? "", T(nameof(Rec.ColFindings)), T(nameof(Rec.ColSerious)),
             T(nameof(Rec.ColDisconnections)), T(nameof(Rec.ColReconnections)), T(nameof(Rec.ColStillDisconnected))],
            report.Findings.Select(f => new ReportTableRow(
            [
                f.IsTotal ? Res.ResourceManager.GetString(nameof(Res.RowTotal), culture) : f.CarrierName,
                (long)f.Recorded, (long)f.Serious, (long)f.Disconnections, (long)f.Reconnections, (long)f.StillDisconnected,
            ], f.IsTotal)).ToList());
    }
}
