namespace GovNetOps.Domain.Sla;

/// <summary>
/// The escalation ladder (Article 12; PRODUCT.md interpretation 8), bound from appsettings.json section
/// <see cref="SectionName"/>. Defaults: 50 % remind the carrier; 80 % warn the ops duty officer and the
/// carrier's manager; 100 % breach, notify leadership; then re-notify every 2 h while overdue.
/// </summary>
/// <remarks>
/// <see cref="Rules"/> starts empty on purpose: the configuration binder appends to a pre-filled list,
/// so the defaults apply through <see cref="Ladder"/> only when no rule is configured.
/// </remarks>
public sealed class EscalationPolicy
{
    /// <summary>The configuration section name, "Escalation".</summary>
    public const string SectionName = "Escalation";

    /// <summary>Configured rungs; empty means <see cref="DefaultRules"/>.</summary>
    public List<EscalationRule> Rules { get; set; } = [];

    /// <summary>Interval of the re-notifications after a breach (default 2 h).</summary>
    public TimeSpan RenotifyEvery { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Who each re-notification goes to (default leadership, ops duty officer, carrier manager).</summary>
    public RecipientGroup RenotifyRecipients { get; set; } =
        RecipientGroup.Leadership | RecipientGroup.OpsDutyOfficer | RecipientGroup.CarrierManager;

    /// <summary>The ladder of interpretation 8.</summary>
    public static IReadOnlyList<EscalationRule> DefaultRules =>
    [
        new() { Level = EscalationLevel.Reminder, Fraction = 0.5, Recipients = RecipientGroup.CarrierEngineers },
        new() { Level = EscalationLevel.Warning, Fraction = 0.8, Recipients = RecipientGroup.OpsDutyOfficer | RecipientGroup.CarrierManager },
        new()
        {
            Level = EscalationLevel.Breach,
            Fraction = 1.0,
            Recipients = RecipientGroup.Leadership | RecipientGroup.OpsDutyOfficer | RecipientGroup.CarrierManager,
        },
    ];

    /// <summary>A policy with the interpretation 8 defaults.</summary>
    public static EscalationPolicy Default => new();

    /// <summary>The rungs in force, ordered by fraction: <see cref="Rules"/>, or <see cref="DefaultRules"/> when none is configured.</summary>
    public IReadOnlyList<EscalationRule> Ladder =>
        (Rules.Count == 0 ? DefaultRules : Rules).OrderBy(r => r.Fraction).ToList();

    /// <summary>The fraction of a clock's allowance at which the Warning rung of <see cref="Ladder"/> is reached
    /// (default 0.8): from then on a running clock is coloured as in warning everywhere (<see cref="ClockSignal"/>).</summary>
    public double WarningFraction =>
        (Ladder.FirstOrDefault(r => r.Level == EscalationLevel.Warning)
         ?? DefaultRules.First(r => r.Level == EscalationLevel.Warning)).Fraction;

    /// <summary>
    /// Start-up validation; one English message per problem, naming the configuration key; empty when valid.
    /// Fractions are positive and strictly ascending with the level, each level appears once, the Breach rung
    /// is at 1.0, and the re-notify interval is positive.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        for (var i = 0; i < Rules.Count; i++)
        {
            var rule = Rules[i];
            var key = $"{SectionName}:Rules:{i}";
            if (rule.Level is not (EscalationLevel.Reminder or EscalationLevel.Warning or EscalationLevel.Breach))
            {
                errors.Add($"{key}:Level must be Reminder, Warning or Breach (was {rule.Level})");
            }

            if (!(rule.Fraction > 0) || double.IsInfinity(rule.Fraction))
            {
                errors.Add($"{key}:Fraction must be a positive number (was {rule.Fraction})");
            }

            if (rule.Level == EscalationLevel.Breach && rule.Fraction != 1.0)
            {
                errors.Add($"{key}:Fraction of the Breach rule must be 1.0 (was {rule.Fraction})");
            }

            if (rule.Recipients == RecipientGroup.None)
            {
                errors.Add($"{key}:Recipients must name at least one group");
            }
        }

        foreach (var dup in Rules.GroupBy(r => r.Level).Where(g => g.Count() > 1))
        {
            errors.Add($"{SectionName}:Rules has more than one {dup.Key} rule");
        }

        var byLevel = Rules.OrderBy(r => r.Level).ToList();
        for (var i = 1; i < byLevel.Count; i++)
        {
            if (byLevel[i].Level != byLevel[i - 1].Level && !(byLevel[i].Fraction > byLevel[i - 1].Fraction))
            {
                errors.Add($"{SectionName}:Rules {byLevel[i].Level} must come at a higher fraction than {byLevel[i - 1].Level}");
            }
        }

        if (Rules.Count > 0 && Rules.All(r => r.Level != EscalationLevel.Breach))
        {
            errors.Add($"{SectionName}:Rules must contain a Breach rule at 1.0");
        }

        if (RenotifyEvery <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:RenotifyEvery must be a positive duration (was {RenotifyEvery})");
        }

        if (RenotifyRecipients == RecipientGroup.None)
        {
            errors.Add($"{SectionName}:RenotifyRecipients must name at least one group");
        }

        return errors;
    }
}
