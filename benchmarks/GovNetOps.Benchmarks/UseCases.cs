using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Features.Tickets.Actions;
using GovNetOps.Web.Features.Tickets.Detail;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Features.Tickets.List;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Benchmarks;

/// <summary>The ticket use cases the pages call, resolved from one scope: what a benchmark drives.</summary>
internal sealed class UseCases(IServiceProvider scoped)
{
    public Task<IReadOnlyList<SiteOption>> SitesAsync() => scoped.GetRequiredService<ReportFaultHandler>().SitesAsync();

    public async Task<Result<string>> ReportAsync(IntakeForm form, ClaimsPrincipal user)
    {
        var result = await scoped.GetRequiredService<ReportFaultHandler>().ReportAsync(form, user);
        return result.IsSuccess ? Result<string>.Ok(result.Number!) : Result<string>.Fail(result.Error!);
    }

    public Task<TicketDetails?> FindAsync(string number, ClaimsPrincipal user) =>
        scoped.GetRequiredService<TicketDetailsHandler>().FindAsync(number, user);

    public Task<TicketResults> ListAsync(TicketQuery query, ClaimsPrincipal user) =>
        scoped.GetRequiredService<ListTicketsHandler>().ListAsync(query, user);

    public Task<Result<int>> ApplyAsync(Guid ticketId, int expectedVersion, TicketCommand command, ClaimsPrincipal user) =>
        scoped.GetRequiredService<TicketActionHandler>().ApplyAsync(ticketId, expectedVersion, command, user);
}
