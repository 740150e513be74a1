using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parley.Core.Formats.Genius;
using Parley.Core.Settlement;
using Parley.Solver;
using Spectre.Console;

namespace Parley.Cli.Settlement;

/// <summary><c>parley settle</c>: counts, Pareto frontier and bargaining points of a GENIUS domain.</summary>
public static class SettleCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var genius = new Option<string>("--genius") { Description = "Folder of a GENIUS domain: one domain XML and profile XMLs.", Required = true };
        var profiles = new Option<string?>("--profiles") { Description = "Comma-separated profile files (default: the first two profiles in file-name order)." };
        var json = new Option<bool>("--json") { Description = "Write the result as JSON." };
        var realPoints = new Option<int>("--real-points") { Description = "Points a real issue is cut into (bounds included).", DefaultValueFactory = _ => 11 };
        var command = new Command("settle", "Which packages every party could accept, which are efficient, and the fair points.")
        {
            genius, profiles, json, realPoints,
        };
        command.SetAction(parse => Run(
            parse.GetValue(genius)!,
            parse.GetValue(profiles)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            parse.GetValue(json),
            parse.GetValue(realPoints),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string dir, string[]? profiles, bool json, int realPoints, TextWriter output, TextWriter error)
    {
        try
        {
            if (realPoints < 2) throw new SettleInputException("--real-points must be at least 2");
            var problem = GeniusDirectory.Load(dir, profiles, new GeniusReadOptions { RealPoints = realPoints });
            var watch = Stopwatch.StartNew();
            var result = Analyze(problem, error);
            watch.Stop();
            output.Write(json ? SettlementJson.Write(problem, result, watch.ElapsedMilliseconds) + "\n" : SettlementText.Write(problem, result, watch.ElapsedMilliseconds));
            return 0;
        }
        catch (Exception e) when (e is SettleInputException or GeniusFormatException or IOException or UnauthorizedAccessException or ArgumentException or TimeoutException)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    private static SettlementResult Analyze(SettlementProblem problem, TextWriter error)
    {
        // A progress bar only when stderr is a terminal and the space is large; piped output stays clean.
        var interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        var options = new SettlementOptions { Solver = new CpSatBargainingSolver() };
        if (!interactive || problem.Space.Size < 1_000_000) return SettlementAnalyzer.Analyze(problem, options);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        SettlementResult? result = null;
        console.Progress().Start(ctx =>
        {
            var task = ctx.AddTask("frontier", maxValue: problem.Space.Issues.Length);
            result = SettlementAnalyzer.Analyze(problem, options with { Progress = (done, total) => { task.MaxValue = total; task.Value = done; } });
        });
        return result!;
    }
}

/// <summary>The plain-text form of a settlement result.</summary>
internal static class SettlementText
{
    public static string Write(SettlementProblem problem, SettlementResult r, long elapsedMs)
    {
        var c = CultureInfo.InvariantCulture;
        string V(IEnumerable<double> u) => "(" + string.Join(", ", u.Select(x => x.ToString("0.####", c))) + ")";
        var s = new System.Text.StringBuilder();
        s.AppendLine(c, $"parties:           {string.Join(", ", r.Parties)}");
        s.AppendLine(c, $"outcomes:          {r.Outcomes}");
        s.AppendLine(c, $"acceptable:        {(r.Acceptable?.ToString(c) ?? "not counted")}");
        s.AppendLine(c, $"pareto:            {r.Pareto.Length} distinct vectors{(r.FrontierComplete ? "" : $" (representative; at most {r.FrontierSizeBound})")}");
        foreach (var (name, p) in new[] { ("nash", r.Nash), ("kalai-smorodinsky", r.KalaiSmorodinsky), ("egalitarian", r.Egalitarian), ("utilitarian", r.Utilitarian) })
        {
            s.Append(c, $"{name + ":",-19}");
            s.AppendLine(p is null ? "none" : $"{V(p.Utilities)}  {string.Join("; ", problem.Space.Describe(p.Outcome).Select(kv => $"{kv.Key}={kv.Value}"))}");
        }

        s.AppendLine(c, $"opposition:        {(r.Opposition?.ToString("0.####", c) ?? "not computed")}");
        s.AppendLine(c, $"elapsed:           {elapsedMs} ms");
        return s.ToString();
    }
}
