namespace GovNetOps.Domain.Sla;

/// <summary>One configured rung: at <see cref="Fraction"/> of a clock, notify <see cref="Recipients"/> (interpretation 8).</summary>
public sealed class EscalationRule
{
    /// <summary>The rung (Reminder, Warning or Breach; Renotify is generated from <see cref="EscalationPolicy.RenotifyEvery"/>).</summary>
    public EscalationLevel Level { get; set; }

    /// <summary>Fraction of the clock's allowance at which the rung fires (0.5 = 50 %); Breach is always 1.0.</summary>
    public double Fraction { get; set; }

    /// <summary>Who is notified.</summary>
    public RecipientGroup Recipients { get; set; }
}
