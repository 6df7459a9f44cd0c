using GovNetOps.Domain.Sla;
using static GovNetOps.Tests.Domain.Fixtures;

namespace GovNetOps.Tests.Domain.Sla;

public class EscalationPolicyFacts
{
    [Fact]
    public void Default_IsInterpretation8Ladder()
    {
        var policy = EscalationPolicy.Default;

        Assert.Empty(policy.Rules);
        Assert.Empty(policy.Validate());
        Assert.Equal("Escalation", EscalationPolicy.SectionName);
        Assert.Equal(H(2), policy.RenotifyEvery);
        Assert.Equal(RecipientGroup.Leadership | RecipientGroup.OpsDutyOfficer | RecipientGroup.CarrierManager, policy.RenotifyRecipients);
        Assert.Collection(
            policy.Ladder,
            r => Assert.Equal((EscalationLevel.Reminder, 0.5, RecipientGroup.CarrierEngineers), (r.Level, r.Fraction, r.Recipients)),
            r => Assert.Equal((EscalationLevel.Warning, 0.8, RecipientGroup.OpsDutyOfficer | RecipientGroup.CarrierManager), (r.Level, r.Fraction, r.Recipients)),
            r => Assert.Equal((EscalationLevel.Breach, 1.0), (r.Level, r.Fraction)));
        Assert.True(policy.Ladder[2].Recipients.HasFlag(RecipientGroup.Leadership)); // 100 %: notify leadership
    }

    [Fact]
    public void Ladder_UsesConfiguredRules_WhenAnyConfigured()
    {
        var policy = new EscalationPolicy
        {
            Rules =
            [
                new() { Level = EscalationLevel.Breach, Fraction = 1.0, Recipients = RecipientGroup.Leadership },
                new() { Level = EscalationLevel.Warning, Fraction = 0.9, Recipients = RecipientGroup.OpsDutyOfficer },
            ],
        };

        Assert.Empty(policy.Validate());
        Assert.Equal([EscalationLevel.Warning, EscalationLevel.Breach], policy.Ladder.Select(r => r.Level));
    }

    public static TheoryData<EscalationPolicy, string> BadPolicies => new()
    {
        { Rules(new() { Level = EscalationLevel.Renotify, Fraction = 1.5, Recipients = RecipientGroup.Leadership }, Breach()), "Escalation:Rules:0:Level must be Reminder, Warning or Breach (was Renotify)" },
        { Rules(new() { Level = EscalationLevel.Reminder, Fraction = 0, Recipients = RecipientGroup.CarrierEngineers }, Breach()), "Escalation:Rules:0:Fraction must be a positive number (was 0)" },
        { Rules(new() { Level = EscalationLevel.Breach, Fraction = 0.9, Recipients = RecipientGroup.Leadership }), "Escalation:Rules:0:Fraction of the Breach rule must be 1.0 (was 0.9)" },
        { Rules(new() { Level = EscalationLevel.Reminder, Fraction = 0.5, Recipients = RecipientGroup.None }, Breach()), "Escalation:Rules:0:Recipients must name at least one group" },
        { Rules(Breach(), Breach()), "Escalation:Rules has more than one Breach rule" },
        { Rules(new() { Level = EscalationLevel.Warning, Fraction = 0.4, Recipients = RecipientGroup.OpsDutyOfficer }, new() { Level = EscalationLevel.Reminder, Fraction = 0.6, Recipients = RecipientGroup.CarrierEngineers }, Breach()), "Escalation:Rules Warning must come at a higher fraction than Reminder" },
        { Rules(new() { Level = EscalationLevel.Reminder, Fraction = 0.5, Recipients = RecipientGroup.CarrierEngineers }), "Escalation:Rules must contain a Breach rule at 1.0" },
        { new EscalationPolicy { RenotifyEvery = TimeSpan.Zero }, "Escalation:RenotifyEvery must be a positive duration (was 00:00:00)" },
        { new EscalationPolicy { RenotifyRecipients = RecipientGroup.None }, "Escalation:RenotifyRecipients must name at least one group" },
    };

    [Theory]
    [MemberData(nameof(BadPolicies))] // interpretation 8: the ladder is configuration, validated at start-up
    public void Validate_NamesTheProblem_WhenLadderInvalid(EscalationPolicy policy, string expected) =>
        Assert.Contains(expected, policy.Validate());

    private static EscalationRule Breach() => new() { Level = EscalationLevel.Breach, Fraction = 1.0, Recipients = RecipientGroup.Leadership };

    private static EscalationPolicy Rules(EscalationRule first, params EscalationRule[] rest) => new() { Rules = [first, .. rest] };
}
