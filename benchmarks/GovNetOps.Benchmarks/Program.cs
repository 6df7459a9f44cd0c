namespace GovNetOps.Benchmarks;

// Not top-level statements: those would declare a global `Program` hiding the Web app's, which WebApplicationFactory needs.
internal static class BenchmarkProgram
{
    /// <summary>One subcommand per benchmark; each prints its figures and how it was run.</summary>
    public static async Task<int> Main(string[] args) => args.FirstOrDefault() switch
    {
        "tickets" => await TicketsBenchmark.RunAsync(args[1..]),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("usage: dotnet run -c Release --project benchmarks/GovNetOps.Benchmarks -- <benchmark> [options]");
        Console.Error.WriteLine("  tickets [--tickets N] [--iterations N]   intake and ticket-list latency over N historical tickets (default 100000, 200)");
        return 2;
    }
}
