using System.Globalization;
using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Registry;
using GovNetOps.Web.Features.Contacts.Escalation;
using GovNetOps.Web.Infrastructure.Audit;
using GovNetOps.Web.Infrastructure.Calendar;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Features.Contacts;

/// <summary>A site's standing under Article 6: its current contacts, and an open or late re-registration.</summary>
public sealed record SiteContactStatus(
    int SiteId, string SiteName, IReadOnlyList<SecurityContact> Current, ReRegistrationDue? Due, bool IsOverdue)
{
    /// <summary>No current security contact (Article 6: at least one).</summary>
    public bool HasNoContact => Current.Count == 0;
}

/// <summary>
/// Security contacts (安全联系人, Article 6): register, record that a contact stopped, and the one query the site list,
/// the contacts page and the admin home use for flags (no contact; re-registration overdue). Due dates come from the
/// Domain's <see cref="SecurityContactRule"/> on the calendar in force (<see cref="WorkingCalendarSource"/>), so a
/// calendar edit moves them at once. Every change is audited, and announced (<see cref="SecurityContactChanged"/>) so the
/// escalation of an overdue re-registration is re-planned.
/// </summary>
public sealed class SecurityContactRegistry(
    IDbContextFactory<AppDbContext> factory,
    WorkingCalendarSource calendar,
    CurrentActors actors,
    ChangeLog changes,
    Notifier<SecurityContactChanged> changed,
    TimeProvider time)
{
    /// <summary>Every active site's standing, flagged sites first.</summary>
    public async Task<IReadOnlyList<SiteContactStatus>> StatusAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Id).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var contacts = await db.SecurityContacts.AsNoTracking().ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var cal = calendar.Current;
        return sites.Select(s =>
        {
            var mine = contacts.Where(c => c.SiteId == s.Id).ToList();
            var open = mine.Where(c => c.StoppedOn is not null && c.ReplacedAt is null).OrderBy(c => c.StoppedOn).FirstOrDefault();
            var due = open is null ? null : SecurityContactRule.DueAfter(cal, open.StoppedOn!.Value);
            return new SiteContactStatus(s.Id, s.Name, mine.Where(c => c.StoppedOn is null).OrderBy(c => c.FromDate).ToList(),
                due, due?.IsOverdue(null, now) == true);
        }).OrderByDescending(s => s.IsOverdue).ThenByDescending(s => s.HasNoContact).ThenBy(s => s.SiteId).ToList();
    }

    /// <summary>A site's contacts, current and past, newest first.</summary>
    public async Task<IReadOnlyList<SecurityContact>> HistoryAsync(int siteId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.SecurityContacts.AsNoTracking().Where(c => c.SiteId == siteId)
            .OrderByDescending(c => c.FromDate).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Registers a contact from <paramref name="from"/>; it fills every open re-registration of the site.</summary>
    public async Task<Result> RegisterAsync(ClaimsPrincipal user, int siteId, string? name, string? mobile, DateOnly from, CancellationToken cancellationToken = default)
    {
        var actor = await AdminAsync(user, cancellationToken);
        if (actor is null)
        {
            return Result.Fail("只有系统管理员可以登记安全联系人。");
        }

        var check = SecurityContactRule.Check(name, mobile);
        if (!check.IsSuccess)
        {
            return check;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Id == siteId && s.IsActive, cancellationToken);
        if (site is null)
        {
            return Result.Fail("接入单位：该单位不存在或已撤销。");
        }

        var now = time.GetUtcNow();
        if (from > ChinaTime.DateOf(now))
        {
            return Result.Fail("任职日期：不能晚于今天。");
        }

        var contact = new SecurityContact { SiteId = siteId, Name = name!.Trim(), Mobile = ContactNumber.Normalise(mobile)!, FromDate = from, RegisteredAt = now };
        db.SecurityContacts.Add(contact);
        foreach (var open in await db.SecurityContacts.Where(c => c.SiteId == siteId && c.StoppedOn != null && c.ReplacedAt == null).ToListAsync(cancellationToken))
        {
            open.ReplacedAt = now;
        }

        changes.Add(db, actor, "SecurityContact", siteId.ToString(CultureInfo.InvariantCulture), site.Name, "Create", after: new Dictionary<string, string?>
        {
            ["安全联系人"] = contact.Name, ["电话"] = contact.Mobile, ["任职日期"] = Iso(from),
        });
        await db.SaveChangesAsync(cancellationToken);
        changed.Publish(new SecurityContactChanged(siteId));
        return Result.Ok();
    }

    /// <summary>Records that a contact stopped on <paramref name="stoppedOn"/>; the successor is due within 1 working day.</summary>
    public async Task<Result> StopAsync(ClaimsPrincipal user, int contactId, DateOnly stoppedOn, CancellationToken cancellationToken = default)
    {
        var actor = await AdminAsync(user, cancellationToken);
        if (actor is null)
        {
            return Result.Fail("只有系统管理员可以变更安全联系人。");
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var contact = await db.SecurityContacts.Include(c => c.Site).SingleOrDefaultAsync(c => c.Id == contactId, cancellationToken);
        if (contact is null || contact.StoppedOn is not null)
        {
            return Result.Fail("安全联系人：该联系人不存在或已停止担任。");
        }

        if (stoppedOn < contact.FromDate || stoppedOn > ChinaTime.DateOf(time.GetUtcNow()))
        {
            return Result.Fail($"停止日期：须在任职日期 {Iso(contact.FromDate)} 与今天之间。");
        }

        contact.StoppedOn = stoppedOn;
        changes.Add(db, actor, "SecurityContact", contact.SiteId.ToString(CultureInfo.InvariantCulture), contact.Site!.Name, "Update",
            new Dictionary<string, string?> { ["安全联系人"] = contact.Name, ["停止日期"] = null },
            new Dictionary<string, string?> { ["安全联系人"] = contact.Name, ["停止日期"] = Iso(stoppedOn) });
        await db.SaveChangesAsync(cancellationToken);
        changed.Publish(new SecurityContactChanged(contact.SiteId));
        return Result.Ok();
    }

    private async Task<Actor?> AdminAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await actors.AllowsAsync(user, AppPolicies.ContactsAdmin, cancellationToken) ? await actors.ResolveAsync(user, cancellationToken) : null;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
