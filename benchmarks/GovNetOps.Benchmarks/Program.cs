namespace GovNetOps.Benchmarks;

/// <summary>One console app, one subcommand per benchmark:
/// <c>dotnet run -c Release --project benchmarks/GovNetOps.Benchmarks -- &lt;name&gt;</c>.
/// (Not top-level statements: the app under test already owns the global <c>Program</c>.)</summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args) => args.FirstOrDefault() switch
    {
        "escalation" => await EscalationLatencyBenchmark.RunAsync(args[1..]),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("usage: dotnet run -c Release --project benchmarks/GovNetOps.Benchmarks -- escalation [--tickets 500] [--window 60] [--lead-in 15]");
        return 2;
    }
}
