using System.Globalization;
using System.Security.Claims;
using GovNetOps.Domain.Applications;
using GovNetOps.Domain.Calendar;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Registry;
using GovNetOps.Web.Features.Applications.Record;
using GovNetOps.Web.Infrastructure.Audit;
using GovNetOps.Web.Infrastructure.Calendar;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using T = GovNetOps.Web.Resources.ApplicationText;

namespace GovNetOps.Web.Features.Applications.Actions;

/// <summary>
/// The moves of an application, each authorised on the server against the account as it is now, decided by the Domain's
/// <see cref="ApplicationProgress"/>, checked against the version the person saw, audited in <see cref="ChangeLog"/> and
/// saved in one transaction with what it changes in the registry (nothing half-saved). Ops approves (allocating IP
/// addresses that overlap no other site or approved application), rejects, pauses and resumes; Ops or the application's
/// own carrier completes it.
/// </summary>
public sealed class ApplicationActionHandler(
    IDbContextFactory<AppDbContext> factory,
    WorkingCalendarSource calendars,
    ApplicationNotices notices,
    ChangeLog changeLog,
    CurrentActors actors,
    Notifier<ApplicationChanged> changes,
    TimeProvider time)
{
    public const int NoteMax = 500;

    public Task<Result> ApproveAsync(Guid id, int version, ApprovalInput input, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(id, version, user, opsOnly: true, "Approve", async (db, app, progress, calendar, now) =>
        {
            if (input.Opinion.Trim().Length > NoteMax)
            {
                return Fail(string.Format(CultureInfo.CurrentCulture, T.Field_TooLong, T.Approve_Opinion, NoteMax));
            }

            var removal = app.Kind == ApplicationKind.Change && app.ChangeType == ChangeType.Remove;
            var ips = IpAllocation.Parse(removal ? "" : input.IpAllocation);
            if (!ips.IsSuccess)
            {
                return Fail($"{T.Approve_Ips}：{ips.Error}");
            }

            if (app.Kind == ApplicationKind.Access)
            {
                if (ips.Value!.Count == 0)
                {
                    return Fail(T.Approve_IpsRequired);
                }

                if (input.CarrierId is not { } carrierId || !await db.Carriers.AnyAsync(c => c.Id == carrierId, cancellationToken))
                {
                    return Fail(T.Approve_CarrierRequired);
                }

                if (input.LocationClass is not { } cls || !Enum.IsDefined(cls))
                {
                    return Fail(T.Approve_LocationClassRequired);
                }

                if (await db.Sites.AnyAsync(s => s.Name == app.UnitName, cancellationToken))
                {
                    return Fail(string.Format(CultureInfo.CurrentCulture, T.Approve_NameTaken, app.UnitName));
                }

                app.CarrierId = carrierId;
                app.LocationClass = cls;
            }

            var overlap = await CheckOverlapAsync(db, app, ips.Value!, cancellationToken);
            if (!overlap.IsSuccess)
            {
                return overlap;
            }

            var next = progress.Approve(now);
            if (!next.IsSuccess)
            {
                return next;
            }

            app.IpAllocation = IpAllocation.Format(ips.Value!);
            app.ManagementOpinion = input.Opinion.Trim();
            app.Apply(next.Value!, calendar);
            var clock = next.Value!.ImplementationClock(calendar);
            var title = string.Format(Zh.Culture, Zh.Get(nameof(T.Notice_ApprovedTitle)), app.Number, app.UnitName);
            var body = string.Format(Zh.Culture, Zh.Get(nameof(T.Notice_ApprovedBody)), app.UnitName, app.IpAllocation,
                ChinaTime.Format(clock.DeadlineAt!.Value), clock.IsProvisional ? Zh.Get(nameof(T.Notice_Provisional)) : "");
            return Ok(await notices.AddAsync(db, app, ApplicationAudience.Carrier, title, body, now, cancellationToken));
        }, cancellationToken);
    }

    public Task<Result> RejectAsync(Guid id, int version, string reason, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        ActAsync(id, version, user, opsOnly: true, "Reject", (db, app, progress, calendar, now) =>
        {
            if ((reason ?? "").Trim().Length > NoteMax)
            {
                return Task.FromResult(Fail(string.Format(CultureInfo.CurrentCulture, T.Field_TooLong, T.Reject_Reason, NoteMax)));
            }

            var next = progress.Reject(now, reason ?? "");
            if (!next.IsSuccess)
            {
                return Task.FromResult<Result>(next);
            }

            app.RejectionReason = reason!.Trim();
            app.Apply(next.Value!, calendar);
            return Task.FromResult(Ok(null));
        }, cancellationToken);

    public Task<Result> PauseAsync(Guid id, int version, string reason, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        ActAsync(id, version, user, opsOnly: true, "Pause", (db, app, progress, calendar, now) =>
        {
            if ((reason ?? "").Trim().Length > NoteMax)
            {
                return Task.FromResult(Fail(string.Format(CultureInfo.CurrentCulture, T.Field_TooLong, T.Pause_Reason, NoteMax)));
            }

            var next = progress.Pause(now, reason ?? "", calendar);
            if (next.IsSuccess)
            {
                app.Apply(next.Value!, calendar);
            }

            return Task.FromResult(next.IsSuccess ? Ok(null) : next);
        }, cancellationToken);

    public Task<Result> ResumeAsync(Guid id, int version, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        ActAsync(id, version, user, opsOnly: true, "Resume", (db, app, progress, calendar, now) =>
        {
            var next = progress.Resume(now);
            if (next.IsSuccess)
            {
                app.Apply(next.Value!, calendar);
            }

            return Task.FromResult(next.IsSuccess ? Ok(null) : next);
        }, cancellationToken);

    /// <summary>实施完成: an access application creates its site (connected, linked to the application); a change updates
    /// the site (移机: new address; new IPs and bandwidth) or retires it (拆机: 已撤销, inactive).</summary>
    public Task<Result> CompleteAsync(Guid id, int version, string note, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        ActAsync(id, version, user, opsOnly: false, "Complete", async (db, app, progress, calendar, now) =>
        {
            if ((note ?? "").Trim().Length > NoteMax)
            {
                return Fail(string.Format(CultureInfo.CurrentCulture, T.Field_TooLong, T.Complete_Note, NoteMax));
            }

            var next = progress.Complete(now);
            if (!next.IsSuccess)
            {
                return next;
            }

            var actor = (await actors.ResolveAsync(user, cancellationToken))!;
            if (app.Kind == ApplicationKind.Access)
            {
                if (await db.Sites.AnyAsync(s => s.Name == app.UnitName, cancellationToken))
                {
                    return Fail(string.Format(CultureInfo.CurrentCulture, T.Approve_NameTaken, app.UnitName));
                }

                var site = new Site
                {
                    Name = app.UnitName, PinyinInitials = PinyinInitials.Of(app.UnitName), UserType = app.UserType,
                    UserKind = app.UserType switch
                    {
                        "党政机关" => SiteUserKind.PartyGovernment,
                        "事业单位" => SiteUserKind.PublicInstitution,
                        _ => SiteUserKind.Other,
                    },
                    Address = app.Address, IpCount = app.IpCount, NetworkPurpose = app.Purpose,
                    NetworkAdminName = app.NetworkAdminName, NetworkAdminMobile = app.NetworkAdminMobile,
                    TechContactName = app.TechContactName, TechContactMobile = app.TechContactMobile,
                    LocationClass = app.LocationClass!.Value, CarrierId = app.CarrierId!.Value, IpAddresses = app.IpAllocation,
                    BandwidthMbps = app.BandwidthMbps, IsActive = true, Status = SiteConnectionStatus.Connected,
                };
                app.Site = site;
                db.Sites.Add(site);
                changeLog.Add(db, actor, nameof(Site), app.Number, site.Name, "Create", null, SiteFields(site), string.Format(Zh.Culture, Zh.Get(nameof(T.Audit_FromApplication)), app.Number));
            }
            else
            {
                var site = await db.Sites.SingleAsync(s => s.Id == app.SiteId, cancellationToken);
                var before = SiteFields(site);
                switch (app.ChangeType)
                {
                    case ChangeType.Remove:
                        site.Status = SiteConnectionStatus.Revoked;
                        site.IsActive = false;
                        break;
                    default:
                        if (app.ChangeType == ChangeType.Move)
                        {
                            site.Address = app.Address;
                        }

                        if (app.IpAllocation.Length > 0)
                        {
                            site.IpAddresses = app.IpAllocation;
                        }

                        site.BandwidthMbps = app.BandwidthMbps;
                        break;
                }

                changeLog.Add(db, actor, nameof(Site), site.Id.ToString(CultureInfo.InvariantCulture), site.Name, "Update", before, SiteFields(site),
                    string.Format(Zh.Culture, Zh.Get(nameof(T.Audit_FromApplication)), app.Number));
            }

            app.CompletionNote = (note ?? "").Trim();
            app.Apply(next.Value!, calendar);
            return Ok(null);
        }, cancellationToken);

    /// <summary>The allocation overlaps no other live site (a change's own site excepted) and no other approved, open application.</summary>
    private static async Task<Result> CheckOverlapAsync(AppDbContext db, NetworkApplicationRecord app, IReadOnlyList<IpRange> proposed, CancellationToken cancellationToken)
    {
        if (proposed.Count == 0)
        {
            return Result.Ok();
        }

        var sites = await db.Sites.AsNoTracking().Where(s => s.Status != SiteConnectionStatus.Revoked && s.Id != app.SiteId && s.IpAddresses != "")
            .Select(s => new { s.Name, s.IpAddresses }).ToListAsync(cancellationToken);
        var apps = await db.NetworkApplications.AsNoTracking()
            .Where(a => a.Id != app.Id && a.IpAllocation != "" && (a.State == ApplicationState.Implementing || a.State == ApplicationState.Paused))
            .Select(a => new { a.Number, a.UnitName, a.IpAllocation }).ToListAsync(cancellationToken);
        var others = sites.Select(s => new KeyValuePair<string, IReadOnlyList<IpRange>>(s.Name, IpAllocation.Parse(s.IpAddresses).Value ?? []))
            .Concat(apps.Select(a => new KeyValuePair<string, IReadOnlyList<IpRange>>($"{a.UnitName}（申请 {a.Number}）", IpAllocation.Parse(a.IpAllocation).Value ?? [])));
        var result = IpAllocation.CheckNoOverlap(proposed, others);
        return result.IsSuccess ? result : Result.Fail($"{T.Approve_Ips}：{result.Error}");
    }

    private static Dictionary<string, string?> SiteFields(Site s) => new()
    {
        ["Name"] = s.Name, ["Address"] = s.Address, ["IpAddresses"] = s.IpAddresses,
        ["BandwidthMbps"] = s.BandwidthMbps.ToString(CultureInfo.InvariantCulture), ["Status"] = s.Status.ToString(),
        ["IsActive"] = s.IsActive ? "true" : "false", ["CarrierId"] = s.CarrierId.ToString(CultureInfo.InvariantCulture),
        ["LocationClass"] = s.LocationClass.ToString(),
    };

    private delegate Task<Result> Move(AppDbContext db, NetworkApplicationRecord app, ApplicationProgress progress, WorkingCalendar calendar, DateTimeOffset now);

    private sealed class Moved(ApplicationNotices.Written? written) : Result(true, null)
    {
        public ApplicationNotices.Written? Written { get; } = written;
    }

    private static Result Ok(ApplicationNotices.Written? written) => new Moved(written);

    private static Result Fail(string message) => Result.Fail(message);

    private async Task<Result> ActAsync(Guid id, int version, ClaimsPrincipal user, bool opsOnly, string action, Move move, CancellationToken cancellationToken)
    {
        var actor = await actors.ResolveAsync(user, cancellationToken);
        var ops = actor is not null && await actors.HoldsAsync(user, AppPolicies.Applications, cancellationToken);
        var carrier = actor is not null && !opsOnly && await actors.HoldsAsync(user, AppPolicies.CarrierTasks, cancellationToken);
        if (actor is null || (!ops && !carrier))
        {
            return Result.Fail(T.NotAllowed);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var app = await db.NetworkApplications.Include(a => a.Pauses).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        // A carrier acts only on its own approved applications; anything else does not exist for it.
        if (app is null || (!ops && (app.CarrierId != actor.CarrierId || app.State == ApplicationState.Received || app.State == ApplicationState.Rejected)))
        {
            return Result.Fail(T.NotFound);
        }

        if (app.Version != version)
        {
            return Result.Fail(T.Conflict);
        }

        var before = RecordApplicationHandler.Snapshot(app);
        var calendar = calendars.Current;
        var now = time.GetUtcNow();
        var result = await move(db, app, app.ToProgress(), calendar, now);
        if (!result.IsSuccess)
        {
            return result;
        }

        changeLog.Add(db, actor, nameof(NetworkApplicationRecord), app.Number, app.UnitName, action, before, RecordApplicationHandler.Snapshot(app),
            app.RejectionReason.Length > 0 && action == "Reject" ? app.RejectionReason
            : action == "Pause" ? app.Pauses.OrderBy(p => p.From).Last().Reason
            : action == "Approve" ? $"IP: {app.IpAllocation}" : "");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Fail(T.Conflict);
        }

        if (result is Moved { Written: { } written })
        {
            notices.AfterCommit(written);
        }

        changes.Publish(new ApplicationChanged(app.Id, app.CarrierId));
        return Result.Ok();
    }
}
