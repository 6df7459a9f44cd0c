using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Features.Tickets.Actions;
using GovNetOps.Web.Features.Tickets.Detail;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Support;

/// <summary>The ticket use cases a page calls, resolved from one scope as a page's circuit would: intake, detail, action.</summary>
internal sealed class TicketUseCases(IServiceProvider scoped)
{
    public static TicketUseCases From(IServiceProvider scoped) => new(scoped);

    /// <summary>故障申告; the new number, or every message in one line.</summary>
    public async Task<Result<string>> ReportAsync(IntakeForm form, ClaimsPrincipal user)
    {
        var result = await scoped.GetRequiredService<ReportFaultHandler>().ReportAsync(form, user);
        return result.IsSuccess ? Result<string>.Ok(result.Number!) : Result<string>.Fail(result.Error!);
    }

    /// <summary>The principal the sign-in cookie of a demo user carries (the handlers check it against the account).</summary>
    public async Task<ClaimsPrincipal> UserAsync(string userName)
    {
        var users = scoped.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}");
        return await scoped.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
    }

    /// <summary>The demo engineer of carrier <paramref name="carrierId"/> (every carrier has one).</summary>
    public async Task<ClaimsPrincipal> CarrierUserAsync(int carrierId)
    {
        var users = await scoped.GetRequiredService<UserManager<ApplicationUser>>().GetUsersInRoleAsync(AppRoles.Carrier);
        var user = users.Where(u => u.CarrierId == carrierId).OrderBy(u => u.UserName, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException($"No carrier user for carrier {carrierId}");
        return await UserAsync(user.UserName!);
    }

    public Task<IReadOnlyList<SiteOption>> SitesAsync() => scoped.GetRequiredService<ReportFaultHandler>().SitesAsync();

    public Task<TicketDetails?> FindAsync(string number, ClaimsPrincipal user) =>
        scoped.GetRequiredService<TicketDetailsHandler>().FindAsync(number, user);

    public Task<Result<int>> ApplyAsync(Guid ticketId, int expectedVersion, TicketCommand command, ClaimsPrincipal user) =>
        scoped.GetRequiredService<TicketActionHandler>().ApplyAsync(ticketId, expectedVersion, command, user);
}
