using System.Globalization;
using MiniExcelLibs;

namespace GovNetOps.Web.Features.Reports;

/// <summary>The month's report as an .xlsx: one sheet per table of <see cref="ReportTables"/>, Chinese headers,
/// figures as numeric cells (MiniExcel writes <see cref="long"/> and <see cref="double"/> as numbers), empty cells for "—".</summary>
public static class ReportWorkbook
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(ReportMonth month) => $"monthly-report-{month.Key}.xlsx";

    public static byte[] Write(MonthlyReport report)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var table in ReportTables.Build(report, Chinese))
        {
            // A DataTable keeps the headers of an empty table; each column typed by its cells so numbers stay numbers.
            var data = new System.Data.DataTable(table.Key) { Locale = Chinese };
            for (var i = 0; i < table.Headers.Count; i++)
            {
                var type = table.Rows.Select(r => r.Cells[i]).FirstOrDefault(c => c is not null)?.GetType() ?? typeof(string);
                data.Columns.Add(table.Headers[i], type);
            }
            foreach (var row in table.Rows)
            {
                data.Rows.Add(row.Cells.Select(c => c ?? DBNull.Value).ToArray());
            }
            sheets[SheetName(table)] = data;
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>Excel allows 31 characters and no []:*?/\ in a sheet name.</summary>
    public static string SheetName(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var name = new string(table.Title.Where(c => "[]:*?/\\".IndexOf(c) < 0).ToArray());
        return name.Length > 31 ? name[..31] : name;
    }
}
