using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GovNetOps.Tests.Support;

/// <summary>Keeps every log line the app writes, so a test can prove that a refusal was logged,
/// and a test that times out can say what the app was doing (<see cref="Tail"/>).</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new SinkLogger(this, categoryName);

    /// <summary>The last <paramref name="count"/> lines at <paramref name="minimum"/> or above, one per line.</summary>
    public string Tail(int count = 40, LogLevel minimum = LogLevel.Information) =>
        string.Join(Environment.NewLine, Lines.Where(l => l.Level >= minimum).TakeLast(count)
            .Select(l => $"  {l.At:HH:mm:ss.fff} {l.Level} {l.Category}: {l.Message}{(l.Exception is null ? "" : $" [{l.Exception}]")}"));

    public void Dispose()
    {
    }

    public sealed record LogLine(string Category, LogLevel Level, string Message, string? Exception = null)
    {
        public DateTimeOffset At { get; } = TimeProvider.System.GetUtcNow();
    }

    private static string Describe(Exception exception) =>
        exception.InnerException is null ? $"{exception.GetType().Name}: {exception.Message}"
            : $"{exception.GetType().Name}: {exception.Message} <- {Describe(exception.InnerException)}";

    private sealed class SinkLogger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink._lines.Enqueue(new LogLine(category, logLevel, formatter(state, exception), exception is null ? null : Describe(exception)));
    }
}
