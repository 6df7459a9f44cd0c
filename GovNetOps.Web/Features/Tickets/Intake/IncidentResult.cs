namespace GovNetOps.Web.Features.Tickets.Intake;

/// <summary>The outcome of an incident report: the incident's number and its tickets' numbers (one per site, in the
/// order picked), or the messages per form field (nothing was created then).</summary>
public sealed record IncidentResult(string? IncidentNumber, IReadOnlyList<string> Numbers, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsSuccess => IncidentNumber is not null;

    public static IncidentResult Fail(string message) => new(null, [], new Dictionary<string, string> { [IntakeResult.FormKey] = message });

    public static IncidentResult Fail(IReadOnlyDictionary<string, string> errors) => new(null, [], errors);

    /// <summary>All messages in one line (logs and tests).</summary>
    public string? Error => Errors.Count == 0 ? null : string.Join("；", Errors.Values);
}
