using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace GovNetOps.Web.Infrastructure.Jobs;

/// <summary>Hangfire's log provider is process-wide (a static), but each app has its own logger factory. With
/// more than one app in a process (the tests) the provider can point at an app already disposed, and then every
/// job creation in the others failed with ObjectDisposedException ('LoggerFactory'): catch-up steps were lost
/// and a failed sweep enqueue stopped the host. Logging through a disposed factory is now a no-op instead.</summary>
internal sealed class TolerantLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try { return new TolerantLog(_inner.GetLogger(name)); }
        catch (ObjectDisposedException) { return NoLog.Instance; }
    }

    private sealed class TolerantLog(ILog inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try { return inner.Log(logLevel, messageFunc, exception); }
            catch (ObjectDisposedException) { return false; }
        }
    }

    private sealed class NoLog : ILog
    {
        public static readonly NoLog Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
