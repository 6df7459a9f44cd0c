using System.Globalization;
using GovNetOps.Domain.Common;

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
    public IReadOnlyList<string> Validate() => Problems().Select(English).ToList();

    /// <summary>
    /// The same rules as <see cref="Validate"/> for a ladder an administrator typed (a new SLA policy version): the
    /// first problem in Chinese, naming the form's field (提醒比例, 预警比例, 超时比例, 重复通知间隔).
    /// </summary>
    public Result Check() => Problems().FirstOrDefault() is { } problem ? Result.Fail(Chinese(problem)) : Result.Ok();

    private enum Fault
    {
        UnknownLevel,
        NotPositive,
        BreachNotWhole,
        NoRecipients,
        Repeated,
        NotAbove,
        NoBreach,
        RenotifyNotPositive,
        NoRenotifyRecipients,
    }

    /// <param name="Fault">Which rule is broken.</param>
    /// <param name="Index">The rule's position in <see cref="Rules"/> (-1 when none).</param>
    /// <param name="Level">The rung concerned.</param>
    /// <param name="Lower">For <see cref="Fault.NotAbove"/>: the lower rung it must exceed.</param>
    /// <param name="Fraction">The rung's fraction.</param>
    /// <param name="LowerFraction">For <see cref="Fault.NotAbove"/>: the lower rung's fraction.</param>
    private sealed record Problem(
        Fault Fault, int Index = -1, EscalationLevel Level = default, EscalationLevel Lower = default, double Fraction = 0, double LowerFraction = 0);

    private IEnumerable<Problem> Problems()
    {
        for (var i = 0; i < Rules.Count; i++)
        {
            var rule = Rules[i];
            if (rule.Level is not (EscalationLevel.Reminder or EscalationLevel.Warning or EscalationLevel.Breach))
            {
                yield return new(Fault.UnknownLevel, i, rule.Level);
            }

            if (!(rule.Fraction > 0) || double.IsInfinity(rule.Fraction))
            {
                yield return new(Fault.NotPositive, i, rule.Level, Fraction: rule.Fraction);
            }

            if (rule.Level == EscalationLevel.Breach && rule.Fraction != 1.0)
            {
                yield return new(Fault.BreachNotWhole, i, rule.Level, Fraction: rule.Fraction);
            }

            if (rule.Recipients == RecipientGroup.None)
            {
                yield return new(Fault.NoRecipients, i, rule.Level);
            }
        }

        foreach (var dup in Rules.GroupBy(r => r.Level).Where(g => g.Count() > 1))
        {
            yield return new(Fault.Repeated, Level: dup.Key);
        }

        var byLevel = Rules.OrderBy(r => r.Level).ToList();
        for (var i = 1; i < byLevel.Count; i++)
        {
            if (byLevel[i].Level != byLevel[i - 1].Level && !(byLevel[i].Fraction > byLevel[i - 1].Fraction))
            {
                yield return new(Fault.NotAbove, Level: byLevel[i].Level, Lower: byLevel[i - 1].Level,
                    Fraction: byLevel[i].Fraction, LowerFraction: byLevel[i - 1].Fraction);
            }
        }

        if (Rules.Count > 0 && Rules.All(r => r.Level != EscalationLevel.Breach))
        {
            yield return new(Fault.NoBreach, Level: EscalationLevel.Breach);
        }

        if (RenotifyEvery <= TimeSpan.Zero)
        {
            yield return new(Fault.RenotifyNotPositive);
        }

        if (RenotifyRecipients == RecipientGroup.None)
        {
            yield return new(Fault.NoRenotifyRecipients);
        }
    }

    private string English(Problem p)
    {
        var key = $"{SectionName}:Rules:{p.Index}";
        return p.Fault switch
        {
            Fault.UnknownLevel => $"{key}:Level must be Reminder, Warning or Breach (was {p.Level})",
            Fault.NotPositive => $"{key}:Fraction must be a positive number (was {p.Fraction})",
            Fault.BreachNotWhole => $"{key}:Fraction of the Breach rule must be 1.0 (was {p.Fraction})",
            Fault.NoRecipients => $"{key}:Recipients must name at least one group",
            Fault.Repeated => $"{SectionName}:Rules has more than one {p.Level} rule",
            Fault.NotAbove => $"{SectionName}:Rules {p.Level} must come at a higher fraction than {p.Lower}",
            Fault.NoBreach => $"{SectionName}:Rules must contain a Breach rule at 1.0",
            Fault.RenotifyNotPositive => $"{SectionName}:RenotifyEvery must be a positive duration (was {RenotifyEvery})",
            Fault.NoRenotifyRecipients => $"{SectionName}:RenotifyRecipients must name at least one group",
            _ => throw new ArgumentOutOfRangeException(nameof(p), p.Fault, "Unknown ladder problem."),
        };
    }

    private static string Chinese(Problem p) => p.Fault switch
    {
        Fault.UnknownLevel => $"升级阶梯：级别须为提醒、预警或超时（现为 {p.Level}）。",
        Fault.NotPositive => $"{Field(p.Level)}：须为大于 0 的百分比（现为 {Percent(p.Fraction)}）。",
        Fault.BreachNotWhole => $"超时比例：须为 100 %（现为 {Percent(p.Fraction)}），时限用尽即超时。",
        Fault.NoRecipients => $"{Field(p.Level)}：须至少通知一类对象。",
        Fault.Repeated => $"{Field(p.Level)}：每个级别只能设一次。",
        // Every rung below the Breach must stay under 100 %: name the rung that went too high, not the Breach.
        Fault.NotAbove when p.Level == EscalationLevel.Breach =>
            $"{Field(p.Lower)}：须低于超时比例 100 %（现为 {Percent(p.LowerFraction)}）。",
        Fault.NotAbove => $"{Field(p.Level)}：须高于{Field(p.Lower)}（现为 {Percent(p.Fraction)}，{Field(p.Lower)}为 {Percent(p.LowerFraction)}）。",
        Fault.NoBreach => "超时比例：升级阶梯须含 100 % 的超时级别。",
        Fault.RenotifyNotPositive => "重复通知间隔：须大于 0。",
        Fault.NoRenotifyRecipients => "重复通知：须至少通知一类对象。",
        _ => throw new ArgumentOutOfRangeException(nameof(p), p.Fault, "Unknown ladder problem."),
    };

    private static string Field(EscalationLevel level) => level switch
    {
        EscalationLevel.Reminder => "提醒比例",
        EscalationLevel.Warning => "预警比例",
        EscalationLevel.Breach => "超时比例",
        _ => "升级阶梯",
    };

    private static string Percent(double fraction) =>
        double.IsFinite(fraction) ? (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %" : fraction.ToString(CultureInfo.InvariantCulture);
}
