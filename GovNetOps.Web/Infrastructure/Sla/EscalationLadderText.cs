using System.Text.Json;
using System.Text.Json.Serialization;
using GovNetOps.Domain.Sla;

namespace GovNetOps.Web.Infrastructure.Sla;

/// <summary>The stored form of a version's escalation ladder (<see cref="SlaPolicyVersionRecord.Escalation"/>): JSON with
/// levels and recipients by name and the interval as <c>hh:mm:ss</c>, e.g.
/// <c>{"Rules":[{"Level":"Reminder","Fraction":0.4,"Recipients":"CarrierEngineers"},…],"RenotifyEvery":"01:00:00",…}</c>.</summary>
public static class EscalationLadderText
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // Ladder and WarningFraction are derived from Rules: only what the admin set is stored.
        IgnoreReadOnlyProperties = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The text kept for a ladder.</summary>
    public static string Write(EscalationPolicy ladder)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        return JsonSerializer.Serialize(ladder, Json);
    }

    /// <summary>The ladder read back from <see cref="Write"/>'s text; throws <see cref="JsonException"/> on other text.</summary>
    public static EscalationPolicy Read(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return JsonSerializer.Deserialize<EscalationPolicy>(text, Json)
            ?? throw new JsonException("A stored escalation ladder is null.");
    }
}
