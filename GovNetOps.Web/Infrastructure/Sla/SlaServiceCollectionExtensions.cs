using GovNetOps.Domain.Sla;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Infrastructure.Sla;

public static class SlaServiceCollectionExtensions
{
    /// <summary>The Article 12 matrix from section <c>Sla</c> (the current version) and
    /// <c>Sla:PreviousVersions</c> (older versions still referenced by tickets), validated at start-up:
    /// a missing or non-positive cell stops the app with the cell's name; so does a version that tickets in the
    /// database reference but is not configured, or a used version whose cells were edited. Each configured version carries
    /// the ladder of section <c>Escalation</c>; a version made on the SLA policy page carries its own.</summary>
    public static IServiceCollection AddSlaPolicy(this IServiceCollection services)
    {
        services.AddOptions<SlaPolicy>().BindConfiguration(SlaPolicy.SectionName).ValidateOnStart();
        services.AddOptions<SlaHistoryOptions>().BindConfiguration(SlaPolicy.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlaPolicy>, SlaPolicyValidation>();
        services.AddSingleton<IValidateOptions<SlaHistoryOptions>, SlaHistoryValidation>();
        // The escalation ladder of every version defined in configuration is section "Escalation" (interpretation 8).
        services.AddOptions<EscalationPolicy>().BindConfiguration(EscalationPolicy.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EscalationPolicy>, EscalationPolicyValidation>();
        services.AddSingleton(sp =>
        {
            var ladder = sp.GetRequiredService<IOptions<EscalationPolicy>>().Value;
            return new SlaPolicyBook(
                sp.GetRequiredService<IOptions<SlaHistoryOptions>>().Value.PreviousVersions
                    .Append(sp.GetRequiredService<IOptions<SlaPolicy>>().Value)
                    .Select(p => p.WithEscalation(ladder)));
        });
        // The stored versions replace the configured ones before the fingerprint check reads the book.
        services.AddScoped<IDatabaseCheck, SlaPolicyStore>();
        services.AddScoped<IDatabaseCheck, SlaPolicyStartupCheck>();
        return services;
    }

    private sealed class SlaPolicyValidation : IValidateOptions<SlaPolicy>
    {
        public ValidateOptionsResult Validate(string? name, SlaPolicy options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }

    private sealed class EscalationPolicyValidation : IValidateOptions<EscalationPolicy>
    {
        public ValidateOptionsResult Validate(string? name, EscalationPolicy options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }

    private sealed class SlaHistoryValidation(IOptions<SlaPolicy> current) : IValidateOptions<SlaHistoryOptions>
    {
        public ValidateOptionsResult Validate(string? name, SlaHistoryOptions options)
        {
            var errors = options.PreviousVersions.SelectMany((p, i) => p.Validate().Select(e => $"{SlaPolicy.SectionName}:PreviousVersions:{i}: {e}")).ToList();
            var versions = options.PreviousVersions.Select(p => p.Version).Append(current.Value.Version).ToList();
            if (versions.Distinct().Count() != versions.Count)
            {
                errors.Add($"{SlaPolicy.SectionName}: every policy version must be unique (found {string.Join(", ", versions)})");
            }

            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}

/// <summary>Older matrix versions that open or historical tickets were reported under.</summary>
public sealed class SlaHistoryOptions
{
    public List<SlaPolicy> PreviousVersions { get; set; } = [];
}
