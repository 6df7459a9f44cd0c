namespace GovNetOps.Benchmarks;

/// <summary>One console for the product's performance checks:
/// <c>dotnet run -c Release --project benchmarks/GovNetOps.Benchmarks -- &lt;name&gt; [options]</c>.
/// Not top-level statements: their generated <c>Program</c> would hide the web app's, which WebApplicationFactory needs.</summary>
public static class Benchmarks
{
    public static async Task<int> Main(string[] args)
    {
        var rest = args.Skip(1).ToArray();
        switch (args.FirstOrDefault())
        {
            case "tickets":
                return await TicketsBenchmark.RunAsync(rest);
            case "escalation":
                return await EscalationLatencyBenchmark.RunAsync(rest);
            case "reports":
                return await ReportsBenchmark.RunAsync(rest);
            case "board":
                return await BoardBenchmark.RunAsync(rest);
            case "board-floor":
                return await BoardFloorBenchmark.RunAsync(rest);
            case "registry-import":
                return await RegistryImportBenchmark.RunAsync(rest);
            case "board-browsers":
                // Internal: the browser side of "board", started by it as a child process.
                return await BoardBrowsers.RunAsync(rest);
            default:
                await Console.Error.WriteLineAsync("usage: dotnet run -c Release --project benchmarks/GovNetOps.Benchmarks -- <benchmark> [options]");
                await Console.Error.WriteLineAsync("  tickets [--tickets 100000] [--iterations 200]   intake and ticket-list latency over N historical tickets");
                await Console.Error.WriteLineAsync("  escalation [--tickets 500] [--window 60] [--lead-in 15]   lateness of response-breach escalations (recorded − due)");
                await Console.Error.WriteLineAsync("  escalation --provider postgresql --connection \"Host=…;Username=…\" [--instances 2]   the same on PostgreSQL, N instances sharing it");
                await Console.Error.WriteLineAsync("  escalation --rebuild 3000 [--provider postgresql …] [--instances 2]   start-up rebuild of the escalation schedule with N open tickets");
                await Console.Error.WriteLineAsync("  escalation --burst 100 [--lead-in 15]   N tickets with one report time: every step due at one instant (p50/p95/p99/max, early, duplicates)");
                await Console.Error.WriteLineAsync("  board [--boards 50] [--changes 100] [--idle-seconds 10] [--spacing-ms 500]   live board push latency, memory per board, idle CPU");
                await Console.Error.WriteLineAsync("  board-floor [--pages 50] [--seconds 20] [--still]   this machine's Chromium: CPU of one frame of a minimal page, the floor under the board's figures");
                await Console.Error.WriteLineAsync("  registry-import [--rows 500]   Excel import of the site list: check and import time (must be under 5 s)");
                await Console.Error.WriteLineAsync("  reports [--tickets 1000000] [--iterations 20]   the monthly report for last month over N historical tickets");
                return 2;
        }
    }
}
