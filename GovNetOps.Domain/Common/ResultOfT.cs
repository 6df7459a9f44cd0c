namespace GovNetOps.Domain.Common;

/// <summary>A <see cref="Result"/> that carries a value on success.</summary>
/// <typeparam name="T">Type of the value.</typeparam>
public sealed class Result<T> : Result
{
    private Result(bool isSuccess, T? value, string? error)
        : base(isSuccess, error) => Value = value;

    /// <summary>The value on success; default on failure.</summary>
    public T? Value { get; }

    /// <summary>A successful result holding <paramref name="value"/>.</summary>
    public static Result<T> Ok(T value) => new(true, value, null);

    /// <summary>A refused result with an actionable Chinese message.</summary>
    public static new Result<T> Fail(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new(false, default, error);
    }
}
