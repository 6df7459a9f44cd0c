using System.Globalization;
using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Registry;
using GovNetOps.Web.Features.Admin.Sites;
using GovNetOps.Web.Features.Applications.Findings;
using GovNetOps.Web.Infrastructure.Audit;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;
using GovNetOps.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Features.Admin.Import;

/// <summary>One problem of an import file: the sheet row, the column header, what is wrong.</summary>
public sealed record ImportProblem(int Row, string Column, string Message);

/// <summary>One data row as checked: the unit's name, whether it adds or updates a site, and whether it is valid.</summary>
public sealed record ImportLine(int Row, string Name, bool Updates, bool IsValid);

/// <summary>The check of a whole file before anything is written. <see cref="Notices"/> are allowed changes the admin
/// should know of (a location class change on a site with open tickets), in the same row / column / text form.</summary>
public sealed record ImportCheck(IReadOnlyList<ImportLine> Lines, IReadOnlyList<ImportProblem> Problems, string? FileProblem)
{
    public IReadOnlyList<ImportProblem> Notices { get; init; } = [];

    public int ValidCount => Lines.Count(l => l.IsValid);
    public int InvalidCount => Lines.Count(l => !l.IsValid);
    public bool IsAllValid => FileProblem is null && Lines.Count > 0 && InvalidCount == 0;
}

/// <summary>What an import wrote.</summary>
public sealed record ImportOutcome(int Created, int Updated, int Skipped);

/// <summary>
/// The site list's Excel import and export (Admin: <see cref="AppPolicies.Registry"/>). Every row is checked by
/// <see cref="SiteRules"/> against the registry and the rows above it before anything is written; the write is one
/// transaction, of the whole file or — when the admin chooses so — of its valid rows only. Sites are matched by name:
/// a known name updates that site, a new name adds one. Import and export are audited in <see cref="ChangeLog"/>.
/// </summary>
public sealed class SiteImportHandler(
    IDbContextFactory<AppDbContext> factory,
    CurrentActors actors,
    ChangeLog changeLog,
    Notifier<SiteConnectionChanged> connections,
    ILogger<SiteImportHandler> logger)
{
    public const string ImportEntity = "SiteImport";
    public const string ExportEntity = "SiteExport";

    /// <summary>The largest file accepted (a county's list is a few hundred rows, well under this).</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>Checks a file without writing; null when refused.</summary>
    public async Task<ImportCheck?> CheckAsync(ClaimsPrincipal user, byte[] file, CancellationToken cancellationToken = default)
    {
        if (await WriterAsync(user, cancellationToken) is null)
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (check, _) = await CheckAsync(db, file, cancellationToken);
        return check;
    }

    /// <summary>Checks the file again and writes it: every row when all are valid, otherwise only when
    /// <paramref name="onlyValidRows"/>, and then only those. Returns the check with the outcome (null when nothing was written).</summary>
    public async Task<(ImportCheck? Check, ImportOutcome? Outcome, string? Refusal)> ImportAsync(
        ClaimsPrincipal user, byte[] file, string fileName, bool onlyValidRows, CancellationToken cancellationToken = default)
    {
        var actor = await WriterAsync(user, cancellationToken);
        if (actor is null)
        {
            return (null, null, Registry.Msg_AdminOnly);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (check, accepted) = await CheckAsync(db, file, cancellationToken);
        if (check.FileProblem is not null || check.ValidCount == 0)
        {
            return (check, null, check.FileProblem ?? Registry.Import_NothingValid);
        }

        if (!check.IsAllValid && !onlyValidRows)
        {
            return (check, null, string.Format(CultureInfo.CurrentCulture, Registry.Import_HasProblems, check.InvalidCount));
        }

        var existing = await db.Sites.ToDictionaryAsync(s => s.Name, StringComparer.Ordinal, cancellationToken);
        var notes = check.Notices.ToDictionary(n => n.Row, n => n.Message);
        var created = new List<Site>();
        var reconnected = new List<Site>();
        var updated = 0;
        foreach (var (row, id, site) in accepted)
        {
            var target = id is { } siteId ? existing.Values.First(s => s.Id == siteId) : null;
            if (target is null)
            {
                target = new Site();
                site.ApplyTo(target);
                db.Sites.Add(target);
                created.Add(target);
                continue;
            }

            var before = SiteRegistry.Audited(target);
            var statusBefore = target.Status;
            site.ApplyTo(target);
            if (target.Status != statusBefore)
            {
                reconnected.Add(target);
            }
            var after = SiteRegistry.Audited(target);
            if (!before.SequenceEqual(after))
            {
                updated++;
                changeLog.Add(db, actor, SiteRegistry.EntityType, target.Id.ToString(CultureInfo.InvariantCulture), target.Name,
                    "Imported", before, after, notes.TryGetValue(row, out var note) ? $"{fileName}：{note}" : fileName);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var site in created)
        {
            changeLog.Add(db, actor, SiteRegistry.EntityType, site.Id.ToString(CultureInfo.InvariantCulture), site.Name,
                "Imported", null, SiteRegistry.Audited(site), fileName);
        }

        var outcome = new ImportOutcome(created.Count, updated, check.InvalidCount);
        changeLog.Add(db, actor, ImportEntity, fileName, fileName, "Imported", null, new Dictionary<string, string?>
        {
            ["Rows"] = check.Lines.Count.ToString(CultureInfo.InvariantCulture),
            ["Created"] = outcome.Created.ToString(CultureInfo.InvariantCulture),
            ["Updated"] = outcome.Updated.ToString(CultureInfo.InvariantCulture),
            ["Skipped"] = outcome.Skipped.ToString(CultureInfo.InvariantCulture),
        }, onlyValidRows && outcome.Skipped > 0 ? Registry.Import_ValidRowsOnlyNote : "");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var changed in reconnected.Concat(created.Where(s => s.Status != SiteConnectionStatus.Connected)))
        {
            connections.Publish(new SiteConnectionChanged(changed.Id, changed.Status));
        }
        logger.LogInformation("{User} imported {File}: {Created} created, {Updated} updated, {Skipped} skipped",
            actor.UserId, fileName, outcome.Created, outcome.Updated, outcome.Skipped);
        return (check, outcome, null);
    }

    /// <summary>The template file; null when refused.</summary>
    public async Task<byte[]?> TemplateAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await WriterAsync(user, cancellationToken) is null)
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return SiteSpreadsheet.Template(await db.Carriers.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken));
    }

    /// <summary>Every site (retired ones too, as 已撤销) in the template's columns, audited; null when refused.</summary>
    public async Task<byte[]?> ExportAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = await WriterAsync(user, cancellationToken);
        if (actor is null)
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var carriers = await db.Carriers.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var file = SiteSpreadsheet.Write(sites, carriers);
        changeLog.Add(db, actor, ExportEntity, "sites", "sites.xlsx", "Exported", null,
            new Dictionary<string, string?> { ["Rows"] = sites.Count.ToString(CultureInfo.InvariantCulture) });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{User} exported {Count} sites", actor.UserId, sites.Count);
        return file;
    }

    private static async Task<(ImportCheck Check, List<(int Row, int? Id, CheckedSite Site)> Accepted)> CheckAsync(
        AppDbContext db, byte[] file, CancellationToken cancellationToken)
    {
        var accepted = new List<(int Row, int? Id, CheckedSite Site)>();
        if (file.Length > MaxFileBytes)
        {
            return (new ImportCheck([], [], string.Format(CultureInfo.CurrentCulture, Registry.Import_TooLarge, MaxFileBytes / 1024 / 1024)), accepted);
        }

        using var stream = new MemoryStream(file, writable: false);
        var (rows, fileProblem) = SiteSpreadsheet.Read(stream);
        if (rows is null)
        {
            return (new ImportCheck([], [], fileProblem), accepted);
        }

        var registry = await RegistrySnapshot.LoadAsync(db, cancellationToken);
        var storedNames = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Id, StringComparer.Ordinal, cancellationToken);
        var storedClasses = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.LocationClass, cancellationToken);
        var openTickets = await db.FaultTickets.AsNoTracking().Where(TicketFilters.Open).GroupBy(t => t.SiteId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var notices = new List<ImportProblem>();
        var classHeader = SiteFields.Columns.First(c => c.Field == SiteFields.LocationClass).Header;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = new List<ImportLine>();
        var problems = new List<ImportProblem>();
        foreach (var row in rows)
        {
            var (form, cellProblems) = SiteSpreadsheet.ToForm(row, registry.Carriers);
            var name = form.Name?.Trim() ?? "";
            form.Id = storedNames.TryGetValue(name, out var id) ? id : null;
            var (site, errors) = SiteRules.Check(form, registry);
            foreach (var (field, message) in cellProblems)
            {
                errors[field] = message;
            }

            if (name.Length > 0 && seen.TryGetValue(name, out var firstRow))
            {
                errors[SiteFields.Name] = string.Format(CultureInfo.CurrentCulture, Registry.Import_DuplicateRow,
                    SiteFields.Label(SiteFields.Name), name, firstRow);
            }
            else if (name.Length > 0)
            {
                seen[name] = row.Number;
            }

            var valid = errors.Count == 0 && site is not null;
            lines.Add(new ImportLine(row.Number, name, form.Id is not null, valid));
            if (valid)
            {
                registry.Accept(form.Id, site!.Name, site.Ranges);
                accepted.Add((row.Number, form.Id, site));
                if (form.Id is { } siteId && storedClasses[siteId] != site.LocationClass && openTickets.GetValueOrDefault(siteId) is > 0 and var open)
                {
                    // Allowed: the open tickets keep the class they were reported under (their clocks do not move).
                    notices.Add(new ImportProblem(row.Number, classHeader, string.Format(CultureInfo.CurrentCulture, Registry.Import_ClassChangedOpenTickets,
                        open, Components.Labels.LocationClass(storedClasses[siteId]), Components.Labels.LocationClass(site.LocationClass))));
                }

                continue;
            }

            problems.AddRange(SiteFields.Columns.Where(c => errors.ContainsKey(c.Field))
                .Select(c => new ImportProblem(row.Number, c.Header, errors[c.Field])));
        }

        if (rows.Count == 0)
        {
            return (new ImportCheck([], [], Registry.Import_NoRows), accepted);
        }

        return (new ImportCheck(lines, problems, null) { Notices = notices }, accepted);
    }

    private async Task<Actor?> WriterAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await actors.AllowsAsync(user, AppPolicies.Registry, cancellationToken))
        {
            logger.LogWarning("Refused a site import or export by {User}", user.Identity?.Name);
            return null;
        }

        return await actors.ResolveAsync(user, cancellationToken);
    }
}
