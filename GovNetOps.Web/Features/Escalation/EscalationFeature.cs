using GovNetOps.Domain.Sla;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Escalation;

public static class EscalationFeature
{
    /// <summary>The escalation scheduler, jobs and start-up rebuild, with their timing from section "Escalation"; the ladder
    /// itself is each SLA policy version's (<see cref="SlaPolicy.Escalation"/>, AddSlaPolicy()). Needs AddJobs(),
    /// AddTickets() and AddNotifications().</summary>
    public static IServiceCollection AddEscalation(this IServiceCollection services)
    {
        services.AddOptions<EscalationTiming>().BindConfiguration(EscalationPolicy.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EscalationTiming>, EscalationTimingValidation>();
        services.AddSingleton<EscalationScheduler>();
        services.AddSingleton<EscalationRecorder>();
        services.AddTransient<EscalationJob>();
        services.AddTransient<EscalationSweepJob>();
        services.AddScoped<EscalationLogService>();
        services.AddHostedService<EscalationStartup>();
        return services;
    }

    private sealed class EscalationTimingValidation(IOptions<Infrastructure.Jobs.JobsOptions> jobs) : IValidateOptions<EscalationTiming>
    {
        public ValidateOptionsResult Validate(string? name, EscalationTiming options)
        {
            var errors = new List<string>();
            // Hangfire may start a scheduled job up to one second plus one polling interval off its time.
            if (options.ScheduleLead <= jobs.Value.SchedulePollingInterval)
            {
                errors.Add($"Escalation:ScheduleLead ({options.ScheduleLead}) must exceed Jobs:SchedulePollingInterval ({jobs.Value.SchedulePollingInterval})");
            }

            if (options.SweepInterval <= TimeSpan.Zero)
            {
                errors.Add("Escalation:SweepInterval must be positive");
            }

            if (options.SweepGrace < TimeSpan.Zero)
            {
                errors.Add("Escalation:SweepGrace must not be negative");
            }

            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
