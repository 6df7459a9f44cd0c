namespace GovNetOps.Web.Features.Tickets.Intake;

/// <summary>The outcome of a report: the new ticket's number, or the messages per form field (and one for the whole form).</summary>
public sealed record IntakeResult(string? Number, IReadOnlyDictionary<string, string> Errors)
{
    /// <summary>The key of a message that concerns no single field.</summary>
    public const string FormKey = "";

    public bool IsSuccess => Number is not null;

    public static IntakeResult Fail(string message) => new(null, new Dictionary<string, string> { [FormKey] = message });

    /// <summary>All messages in one line (logs and tests).</summary>
    public string? Error => Errors.Count == 0 ? null : string.Join("；", Errors.Values);
}
