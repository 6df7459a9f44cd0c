namespace GovNetOps.Domain.Common;

/// <summary>
/// Outcome of an expected rejection check (wrong state, wrong role, bad input).
/// Failures carry a Simplified Chinese message a person can act on; broken invariants throw instead.
/// </summary>
public class Result
{
    /// <summary>Creates a result; use <see cref="Ok()"/> or <see cref="Fail(string)"/>.</summary>
    protected Result(bool isSuccess, string? error)
    {
        IsSuccess = isSuccess;
        Error = error;
    }

    /// <summary>True when the operation was accepted.</summary>
    public bool IsSuccess { get; }

    /// <summary>The Chinese message explaining why the operation was refused; null on success.</summary>
    public string? Error { get; }

    /// <summary>A successful result.</summary>
    public static Result Ok() => new(true, null);

    /// <summary>A refused result with an actionable Chinese message.</summary>
    public static Result Fail(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new(false, error);
    }
}
