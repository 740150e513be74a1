using System.Diagnostics;
using Parley.Core.Formats.Genius;
using Parley.Core.Settlement.Nonlinear;
using Parley.Solver;

namespace Parley.Benchmarks.Settlement;

/// <summary>
/// `dotnet run -c Release -- frontier-cpu DOMAIN [RUNS] [EXTRA_CP_SAT_PARAMETERS]`: the exact nonlinear frontier of one
/// ANAC 2014 domain (as <see cref="NonlinearFrontierBenchmarks"/> reads it), timed by the process's CPU time
/// (<see cref="Process.TotalProcessorTime"/>) as well as wall time — on the shared machine CPU time is what one core
/// spends, whatever else runs. The first run is a warm-up of the JIT and OR-Tools' native library, reported apart.
/// </summary>
internal static class FrontierCpuRun
{
    public static int Run(string[] args)
    {
        var domain = args.Length > 1 ? args[1] : "S-1NAGUNL-255";
        var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
        var extra = args.Length > 3 ? args[3] : null;
        var problem = NonlinearFrontierBenchmarks.Load(domain);
        var solver = new CpSatNonlinearFrontier(extraParameters: extra);
        for (var run = 0; run <= runs; run++)
        {
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var frontier = solver.Frontier(problem);
            wall.Stop();
            process.Refresh();
            var spent = process.TotalProcessorTime - cpu;
            Console.WriteLine(FormattableString.Invariant(
                $"{domain} {(run == 0 ? "warm-up" : "run " + run)}: {spent.TotalSeconds:0.00} s CPU, {wall.Elapsed.TotalSeconds:0.00} s wall, {frontier.Outcomes.Length} vectors, {frontier.Status}, {frontier.SolverCalls} solves, vectors {Digest(problem, frontier)}, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        }

        return 0;
    }

    /// <summary>A short digest of the sorted utility vectors, to see that a change left the frontier as it was.</summary>
    private static string Digest(NonlinearProblem problem, NonlinearFrontier frontier)
    {
        var text = string.Join(";", frontier.Outcomes.Select(o => string.Join(",", problem.Utilities(o).Select(u => u.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))).Order(StringComparer.Ordinal));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..12];
    }
}
