using System.Globalization;
using GovNetOps.Domain.Registry;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Features.Admin.Sites;
using GovNetOps.Web.Infrastructure.Data;
using MiniExcel = MiniExcelLibs.MiniExcel;

using CarrierEntity = GovNetOps.Web.Infrastructure.Data.Carrier;

namespace GovNetOps.Web.Features.Admin.Import;

/// <summary>One data row of an import file: its row number in the sheet (the header is row 1) and its cells by header.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<string, string> Cells);

/// <summary>
/// The site list as an .xlsx file (MiniExcel): the template, the export and the reading of an upload. The columns are
/// <see cref="SiteFields.Columns"/>, with Chinese headers and Chinese values (用户类型, 位置类别, 运营商简称, 接入状态) in
/// every UI language: the file is a county's working document, and an export imports back unchanged.
/// </summary>
public static class SiteSpreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SheetName = "接入单位";

    private static readonly (SiteUserKind Kind, string Text)[] UserKinds =
        [(SiteUserKind.PartyGovernment, "党政机关"), (SiteUserKind.PublicInstitution, "事业单位"), (SiteUserKind.Other, "其他")];

    private static readonly (LocationClass Class, string Text)[] Classes =
        [(LocationClass.CountyDirect, "县直单位"), (LocationClass.Township, "乡镇区域"), (LocationClass.CoreRoom, "核心机房")];

    private static readonly (SiteConnectionStatus Status, string Text)[] Statuses =
    [
        (SiteConnectionStatus.Connected, "已接入"), (SiteConnectionStatus.DisconnectedForRectification, "断网整改中"),
        (SiteConnectionStatus.Revoked, "已撤销"),
    ];

    public static string UserKindText(SiteUserKind kind) => UserKinds.First(k => k.Kind == kind).Text;

    public static string ClassText(LocationClass cls) => Classes.First(c => c.Class == cls).Text;

    public static string StatusText(SiteConnectionStatus status) => Statuses.First(s => s.Status == status).Text;

    /// <summary>The template: the headers and one example row to overwrite.</summary>
    public static byte[] Template(IReadOnlyList<CarrierEntity> carriers)
    {
        var example = new Site
        {
            Name = "桐柏县示例局", UserKind = SiteUserKind.PartyGovernment, UserType = "党政机关", Address = "城关镇淮源大道 100 号",
            NetworkAdminName = "张三", NetworkAdminMobile = "13937700001", TechContactName = "李四", TechContactMobile = "0377-66123456",
            IpCount = 16, BandwidthMbps = 100, NetworkPurpose = "电子政务办公", LocationClass = LocationClass.CountyDirect,
            CarrierId = carriers.FirstOrDefault()?.Id ?? 0, IpAddresses = "10.99.1.0/28", Status = SiteConnectionStatus.Connected,
        };
        return Write([example], carriers);
    }

    /// <summary>The sites as rows under the template's headers.</summary>
    public static byte[] Write(IEnumerable<Site> sites, IReadOnlyList<CarrierEntity> carriers)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(carriers);
        var rows = sites.Select(site => Row(site, carriers)).ToList();
        if (rows.Count == 0)
        {
            // MiniExcel writes no header for an empty list; an empty export still shows the columns.
            rows.Add(SiteFields.Columns.ToDictionary(c => c.Header, _ => (object?)null));
        }

        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows, sheetName: SheetName);
        return stream.ToArray();
    }

    /// <summary>Reads an upload: the data rows, or a message when the file is not an .xlsx with the template's headers.</summary>
    public static (IReadOnlyList<SheetRow>? Rows, string? Problem) Read(Stream file)
    {
        ArgumentNullException.ThrowIfNull(file);
        List<IDictionary<string, object?>> raw;
        try
        {
            raw = MiniExcel.Query(file, useHeaderRow: true, excelType: MiniExcelLibs.ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or System.Xml.XmlException
                                      or NotSupportedException or ArgumentException or KeyNotFoundException)
        {
            return (null, Resources.Registry.Import_NotXlsx);
        }

        var headers = raw.Count == 0 ? [] : raw[0].Keys.Select(k => k.Trim()).ToHashSet(StringComparer.Ordinal);
        var missing = SiteFields.Columns.Where(c => !headers.Contains(c.Header)).Select(c => c.Header).ToList();
        if (raw.Count == 0 || missing.Count > 0)
        {
            return (null, string.Format(CultureInfo.CurrentCulture, Resources.Registry.Import_MissingColumns,
                string.Join("、", missing.Count > 0 ? missing : SiteFields.Columns.Select(c => c.Header))));
        }

        var rows = new List<SheetRow>();
        for (var i = 0; i < raw.Count; i++)
        {
            var cells = raw[i].ToDictionary(c => c.Key.Trim(), c => Cell(c.Value), StringComparer.Ordinal);
            if (cells.Values.All(v => v.Length == 0))
            {
                continue;
            }

            rows.Add(new SheetRow(i + 2, cells));
        }

        return (rows, null);
    }

    /// <summary>A row's cells as a <see cref="SiteForm"/>, with a message per column whose text is not a value at all
    /// (a number column holding words, an unknown class or carrier). The registry's own checks come after.</summary>
    public static (SiteForm Form, Dictionary<string, string> Problems) ToForm(SheetRow row, IReadOnlyList<CarrierEntity> carriers)
    {
        ArgumentNullException.ThrowIfNull(row);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        string Get(string field) => row.Cells.TryGetValue(SiteFields.Columns.First(c => c.Field == field).Header, out var v) ? v : "";

        var form = new SiteForm
        {
            Name = Get(SiteFields.Name),
            UserTypeOther = Get(SiteFields.UserTypeOther),
            Address = Get(SiteFields.Address),
            NetworkAdminName = Get(SiteFields.NetworkAdminName),
            NetworkAdminMobile = Get(SiteFields.NetworkAdminMobile),
            TechContactName = Get(SiteFields.TechContactName),
            TechContactMobile = Get(SiteFields.TechContactMobile),
            NetworkPurpose = Get(SiteFields.NetworkPurpose),
            IpAddresses = Get(SiteFields.IpAddresses),
            IpCount = Integer(SiteFields.IpCount),
            BandwidthMbps = Integer(SiteFields.BandwidthMbps),
        };
        form.UserKind = Choice(SiteFields.UserKind, UserKinds, k => k.Kind, k => k.Text);
        form.LocationClass = Choice(SiteFields.LocationClass, Classes, c => c.Class, c => c.Text);
        var status = Get(SiteFields.Status);
        form.Status = status.Length == 0 ? SiteConnectionStatus.Connected
            : Choice(SiteFields.Status, Statuses, s => s.Status, s => s.Text) ?? SiteConnectionStatus.Connected;
        var carrier = Get(SiteFields.CarrierId);
        if (carrier.Length > 0)
        {
            form.CarrierId = carriers.FirstOrDefault(c => c.ShortName == carrier || c.Name == carrier)?.Id;
            if (form.CarrierId is null)
            {
                problems[SiteFields.CarrierId] = Unknown(SiteFields.CarrierId, carrier,
                    carriers.Select(c => c.ShortName).Concat(carriers.Select(c => c.Name)));
            }
        }

        return (form, problems);

        int? Integer(string field)
        {
            var text = Get(field);
            if (text.Length == 0)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            problems[field] = string.Format(CultureInfo.CurrentCulture, Resources.Registry.Msg_NotInteger, SiteFields.Label(field), text);
            return null;
        }

        TValue? Choice<TItem, TValue>(string field, IEnumerable<TItem> items, Func<TItem, TValue> value, Func<TItem, string> text)
            where TValue : struct
        {
            var cell = Get(field);
            if (cell.Length == 0)
            {
                return null;
            }

            foreach (var item in items)
            {
                if (text(item) == cell)
                {
                    return value(item);
                }
            }

            problems[field] = Unknown(field, cell, items.Select(text));
            return null;
        }
    }

    private static string Unknown(string field, string value, IEnumerable<string> allowed) =>
        string.Format(CultureInfo.CurrentCulture, Resources.Registry.Msg_ValueUnknown, SiteFields.Label(field), value, string.Join("、", allowed));

    private static Dictionary<string, object?> Row(Site site, IReadOnlyList<CarrierEntity> carriers)
    {
        var carrier = carriers.FirstOrDefault(c => c.Id == site.CarrierId);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [SiteFields.Name] = site.Name,
            [SiteFields.UserKind] = UserKindText(site.UserKind),
            [SiteFields.UserTypeOther] = site.UserKind == SiteUserKind.Other ? site.UserType : "",
            [SiteFields.Address] = site.Address,
            [SiteFields.NetworkAdminName] = site.NetworkAdminName,
            [SiteFields.NetworkAdminMobile] = site.NetworkAdminMobile,
            [SiteFields.TechContactName] = site.TechContactName,
            [SiteFields.TechContactMobile] = site.TechContactMobile,
            [SiteFields.IpCount] = site.IpCount,
            [SiteFields.BandwidthMbps] = site.BandwidthMbps,
            [SiteFields.NetworkPurpose] = site.NetworkPurpose,
            [SiteFields.LocationClass] = ClassText(site.LocationClass),
            [SiteFields.CarrierId] = carrier?.ShortName ?? "",
            [SiteFields.IpAddresses] = site.IpAddresses,
            [SiteFields.Status] = StatusText(site.Status),
        };
        return SiteFields.Columns.ToDictionary(c => c.Header, c => values[c.Field], StringComparer.Ordinal);
    }

    // Excel hands numbers back as doubles (a mobile typed as a number is 13937700001.0): written back without a decimal point.
    private static string Cell(object? value) => value switch
    {
        null => "",
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };
}
