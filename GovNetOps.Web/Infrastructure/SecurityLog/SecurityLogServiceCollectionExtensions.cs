using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Infrastructure.SecurityLog;

public static class SecurityLogServiceCollectionExtensions
{
    /// <summary>The security log: its key and retention settings (validated on start: no key outside Development, no
    /// retention under 180 days, and the app does not start), the writer, the recorders of sign-ins (in the sign-in
    /// manager), denied requests and pages, and the mirror of change records.</summary>
    public static IServiceCollection AddSecurityLog(this IServiceCollection services)
    {
        services.AddChainKeys();
        services.AddHttpContextAccessor();
        services.AddSingleton<SecurityLogWriter>();
        services.AddSingleton<SecurityEvents>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, DeniedRequestRecorder>();
        services.AddScoped<CircuitHandler, ClientAddressCircuitHandler>();
        services.AddSingleton<ChangeRecordMirror>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeRecordMirror>());
        services.AddScoped<IDataSeeder, TicketChainSwitchOver>();
        services.AddScoped<SecurityLogQueries>();
        services.AddSingleton<SecurityLogArchiver>();
        services.AddHostedService<SecurityLogArchiveStartup>();
        return services;
    }

    /// <summary>The chains' keys from <c>Security:LogKey</c>; safe to call twice.</summary>
    public static IServiceCollection AddChainKeys(this IServiceCollection services)
    {
        services.AddOptions<SecurityLogOptions>().BindConfiguration(SecurityLogOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecurityLogOptions>, SecurityLogOptionsValidator>());
        services.TryAddSingleton<ChainKeys>();
        return services;
    }

    /// <summary>Start-up: a database whose ticket events are all unkeyed (written before the chain was keyed) gets its
    /// signed switch-over point now: every event after the current last one is keyed. The switch-over point (whoever set
    /// it: this, or the first keyed append) is recorded once in the security log, where it cannot be deleted unnoticed.</summary>
    private sealed class TicketChainSwitchOver(IDbContextFactory<AppDbContext> factory, ChainKeys keys, SecurityEvents log, ILogger<TicketChainSwitchOver> logger)
        : IDataSeeder
    {
        public async Task SeedAsync(CancellationToken cancellationToken)
        {
            long keyedFrom;
            await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            {
                await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
                await DatabaseEngine.LockForTransactionAsync(db, DatabaseEngine.Locks.TicketWrites, cancellationToken);
                var head = await db.ChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Chain == ChainHeadRecord.TicketEventsChain, cancellationToken);
                if (head is null)
                {
                    if (await db.TicketEvents.AnyAsync(e => e.ChainVersion != 0, cancellationToken))
                    {
                        // Keyed events without a head: evidence, left for the verification to report.
                        return;
                    }

                    var last = await db.TicketEvents.OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(cancellationToken);
                    head = new ChainHeadRecord
                    {
                        Chain = ChainHeadRecord.TicketEventsChain, LastId = last?.Id ?? 0, LastHash = last?.Hash ?? EventChain.Genesis,
                        KeyedFromId = (last?.Id ?? 0) + 1,
                    };
                    head.Mac = EventChain.HeadMac(keys, head);
                    db.ChainHeads.Add(head);
                    await db.SaveChangesAsync(cancellationToken);
                    logger.LogInformation("Ticket event chain keyed from event #{Id}", head.KeyedFromId);
                }
                await tx.CommitAsync(cancellationToken);
                if (await db.SecurityLog.AnyAsync(e => e.Kind == SecurityEventKind.ChainKeyed && e.Subject == ChainHeadRecord.TicketEventsChain, cancellationToken))
                {
                    return;
                }
                keyedFrom = head.KeyedFromId;
            }
            await log.RecordAsync(SecurityEventKind.ChainKeyed, SecurityOutcome.Success, "", "", "", ChainHeadRecord.TicketEventsChain,
                keyedFrom.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        }
    }
}
