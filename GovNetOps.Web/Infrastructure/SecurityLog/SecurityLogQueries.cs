using System.Globalization;
using System.Security.Claims;
using System.Text;
using GovNetOps.Domain.Common;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Text = GovNetOps.Web.Resources.SecurityLogText;

namespace GovNetOps.Web.Infrastructure.SecurityLog;

/// <summary>What the audit administrator asks of the security log: a filtered page, a verification of both chains, an
/// export. Each is authorised on the server against the account as it is now, and each is itself recorded in the log
/// (a read of the security log, a chain verification, an export). Nothing here changes an entry.</summary>
public sealed class SecurityLogQueries(
    IDbContextFactory<AppDbContext> factory, CurrentActors actors, SecurityEvents log, ChainKeys keys, TicketStore tickets)
{
    public const int PageSize = 50;

    /// <summary>One page of entries matching <paramref name="filter"/>, newest first; null when refused.</summary>
    public async Task<SecurityLogRows?> ListAsync(ClaimsPrincipal user, SecurityLogFilter filter, int page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!await actors.AllowsAsync(user, AppPolicies.SecurityLog, cancellationToken))
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = Apply(db.SecurityLog.AsNoTracking(), filter);
        var total = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await query.OrderByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        await log.RecordAsync(SecurityEventKind.LogRead, SecurityOutcome.Success, user, "/audit/security-log",
            $"{filter.Describe()} page={page}", cancellationToken);
        return new SecurityLogRows(rows, total, page, pages);
    }

    /// <summary>Walks the security log and the ticket event chain; null when refused. The result is logged.</summary>
    public async Task<(ChainVerdict SecurityLog, ChainReport Tickets)?> VerifyAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await actors.AllowsAsync(user, AppPolicies.ChainAudit, cancellationToken))
        {
            return null;
        }

        ChainVerdict verdict;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            verdict = await SecurityLogChain.VerifyAsync(db, keys, cancellationToken);
        }
        var report = await tickets.VerifyChainAsync(cancellationToken);
        var intact = verdict.IsIntact && report.IsIntact;
        await log.RecordAsync(SecurityEventKind.ChainVerified, intact ? SecurityOutcome.Success : SecurityOutcome.Failure, user, "SecurityLog+TicketEvents",
            string.Join(" | ", new[] { verdict.Problem }.Concat(report.Problems.Take(3)).OfType<string>()), cancellationToken);
        return (verdict, report);
    }

    /// <summary>The entries matching <paramref name="filter"/> (at most 100,000, newest first) as .xlsx or CSV; null when refused.</summary>
    public async Task<byte[]?> ExportAsync(ClaimsPrincipal user, SecurityLogFilter filter, bool csv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!await actors.AllowsAsync(user, AppPolicies.SecurityLog, cancellationToken))
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await Apply(db.SecurityLog.AsNoTracking(), filter).OrderByDescending(e => e.Id).Take(100_000).ToListAsync(cancellationToken);
        var file = csv ? Csv(rows) : Xlsx(rows);
        await log.RecordAsync(SecurityEventKind.Export, SecurityOutcome.Success, user, FileName(csv),
            $"{filter.Describe()} rows={rows.Count}", cancellationToken);
        return file;
    }

    public static string FileName(bool csv) => csv ? "security-log.csv" : "security-log.xlsx";

    private static IQueryable<SecurityLogEntry> Apply(IQueryable<SecurityLogEntry> query, SecurityLogFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var user = filter.User.Trim();
            query = query.Where(e => e.UserName.Contains(user));
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(e => e.Kind == kind);
        }

        if (filter.From is { } from)
        {
            var start = ChinaTime.StartOfDayUtc(from);
            query = query.Where(e => e.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
            query = query.Where(e => e.At < end);
        }
        return query;
    }

    private static string[] Headers() =>
        [Text.Col_Id, Text.Col_At, Text.Col_User, Text.Col_Role, Text.Col_Address, Text.Col_Kind, Text.Col_Subject, Text.Col_Outcome, Text.Col_Detail, Text.Col_Hash];

    private static string[] Cells(SecurityLogEntry e) =>
        [e.Id.ToString(CultureInfo.InvariantCulture), ChinaTime.Format(e.At), e.UserName, SecurityLogLabels.Roles(e.Roles), e.Address,
            SecurityLogLabels.Kind(e.Kind), e.Subject, SecurityLogLabels.Outcome(e.Outcome), SecurityLogLabels.Detail(e.Detail), e.Hash];

    private static byte[] Xlsx(IReadOnlyList<SecurityLogEntry> rows)
    {
        var table = new System.Data.DataTable("SecurityLog") { Locale = CultureInfo.InvariantCulture };
        foreach (var header in Headers())
        {
            table.Columns.Add(header, typeof(string));
        }

        foreach (var row in rows)
        {
            table.Rows.Add(Cells(row));
        }

        using var stream = new MemoryStream();
        stream.SaveAs(table, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static byte[] Csv(IReadOnlyList<SecurityLogEntry> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Headers().Select(Quote)).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', Cells(row).Select(Quote)).Append("\r\n");
        }
        // With a BOM, so that Excel opens the Chinese text as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    // RFC 4180 quoting; a leading =, +, - or @ is prefixed so that a spreadsheet never runs a cell as a formula.
    private static string Quote(string cell)
    {
        if (cell.Length > 0 && "=+-@".Contains(cell[0], StringComparison.Ordinal))
        {
            cell = "'" + cell;
        }
        return "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}

/// <summary>The audit page's filters: part of a user name, one kind, a range of China dates.</summary>
public sealed record SecurityLogFilter(string? User = null, SecurityEventKind? Kind = null, DateOnly? From = null, DateOnly? To = null)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"user={User?.Trim()} kind={Kind} from={From:yyyy-MM-dd} to={To:yyyy-MM-dd}");

    /// <summary>From the export link's query string; unknown values are ignored.</summary>
    public static SecurityLogFilter FromQuery(IQueryCollection query) => new(
        query["user"].ToString() is { Length: > 0 } user ? user : null,
        Enum.TryParse<SecurityEventKind>(query["kind"].ToString(), out var kind) && Enum.IsDefined(kind) ? kind : null,
        DateOnly.TryParseExact(query["from"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) ? from : null,
        DateOnly.TryParseExact(query["to"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) ? to : null);

    public string ToQuery() => string.Join('&', new[]
    {
        User is { Length: > 0 } ? "user=" + Uri.EscapeDataString(User.Trim()) : null,
        Kind is { } k ? "kind=" + k : null,
        From is { } f ? "from=" + f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        To is { } t ? "to=" + t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
    }.OfType<string>());
}

public sealed record SecurityLogRows(IReadOnlyList<SecurityLogEntry> Rows, int Total, int Page, int Pages);

/// <summary>Display names of the log's codes, from the page's resources.</summary>
public static class SecurityLogLabels
{
    public static string Kind(SecurityEventKind kind) => kind switch
    {
        SecurityEventKind.SignIn => Text.Kind_SignIn,
        SecurityEventKind.SignInFailed => Text.Kind_SignInFailed,
        SecurityEventKind.Lockout => Text.Kind_Lockout,
        SecurityEventKind.SignOut => Text.Kind_SignOut,
        SecurityEventKind.AccessDenied => Text.Kind_AccessDenied,
        SecurityEventKind.UserChange => Text.Kind_UserChange,
        SecurityEventKind.PolicyChange => Text.Kind_PolicyChange,
        SecurityEventKind.ConfigurationChange => Text.Kind_ConfigurationChange,
        SecurityEventKind.Export => Text.Kind_Export,
        SecurityEventKind.LogRead => Text.Kind_LogRead,
        SecurityEventKind.ChainVerified => Text.Kind_ChainVerified,
        SecurityEventKind.Archived => Text.Kind_Archived,
        SecurityEventKind.ChainKeyed => Text.Kind_ChainKeyed,
        SecurityEventKind.SessionExpired => Text.Kind_SessionExpired,
        _ => kind.ToString(),
    };

    public static string Outcome(SecurityOutcome outcome) => outcome switch
    {
        SecurityOutcome.Success => Text.Outcome_Success,
        SecurityOutcome.Failure => Text.Outcome_Failure,
        SecurityOutcome.Denied => Text.Outcome_Denied,
        _ => outcome.ToString(),
    };

    /// <summary>A sign-in failure's reason code or a refusal's origin in words; any other detail as recorded.</summary>
    public static string Detail(string detail) => detail switch
    {
        SignInReasons.WrongPassword => Text.Reason_WrongPassword,
        SignInReasons.UnknownUser => Text.Reason_UnknownUser,
        SignInReasons.LockedOut => Text.Reason_LockedOut,
        SignInReasons.Disabled => Text.Reason_Disabled,
        SignInReasons.SecondFactorRequired => Text.Reason_SecondFactorRequired,
        SignInReasons.SecondFactor => Text.Reason_SecondFactor,
        SignInReasons.RecoveryCode => Text.Reason_RecoveryCode,
        SignInReasons.WrongSecondFactor => Text.Reason_WrongSecondFactor,
        SignInReasons.MfaEnabled => Text.Reason_MfaEnabled,
        SignInReasons.RecoveryCodesRenewed => Text.Reason_RecoveryCodesRenewed,
        DenialSources.Handler => Text.Reason_Handler,
        DenialSources.Page => Text.Reason_Page,
        DenialSources.Request => Text.Reason_Request,
        _ => detail,
    };

    public static string Roles(string roles) => string.Join('，', roles.Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(r => Enum.TryParse<Role>(r, out var role) ? Components.Labels.Role(role) : r));
}
