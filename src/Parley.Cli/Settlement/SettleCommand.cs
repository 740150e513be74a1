using Parley.Core.Formats;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parley.Core.Formats.Genius;
using Parley.Core.Settlement;
using Parley.Solver;
using Spectre.Console;
using Parley.Application.Settlement;

namespace Parley.Cli.Settlement;

/// <summary>
/// <c>parley settle</c>: counts, Pareto frontier and bargaining points of a GENIUS domain (<c>--genius</c>) or of a
/// scenario file's negotiation and preference profiles (<c>--scenario</c>).
/// </summary>
public static class SettleCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var genius = new Option<string?>("--genius") { Description = "Folder of a GENIUS domain: one domain XML and profile XMLs." };
        var scenario = new Option<string?>("--scenario") { Description = "A scenario file with a 'preferences' section." };
        var profiles = new Option<string?>("--profiles") { Description = "GENIUS: comma-separated profile files (default: the first two profiles in file-name order)." };
        var asOf = new Option<string?>("--as-of") { Description = "Scenario: read the talks as of this date; issues agreed by then are fixed." };
        var forParty = new Option<string?>("--for") { Description = "Scenario: the redacted view for one party (packages and its own utilities only)." };
        var from = new Option<string?>("--from") { Description = "Scenario: suggest trades from this package: issue=option and proposal ids, comma-separated (the rest from the Nash package)." };
        var json = new Option<bool>("--json") { Description = "Write the result as JSON." };
        var realPoints = new Option<int>("--real-points") { Description = "GENIUS: points a real issue is cut into (bounds included).", DefaultValueFactory = _ => 11 };
        var budget = new Option<double>("--budget") { Description = "GENIUS nonlinear: seconds the exact frontier may take; when spent, the vectors proven so far are reported as incomplete.", DefaultValueFactory = _ => 60 };
        var command = new Command("settle", "Which packages every party could accept, which are efficient, and the fair points.")
        {
            genius, scenario, profiles, asOf, forParty, from, json, realPoints, budget,
        };
        command.SetAction(parse =>
        {
            var (g, s) = (parse.GetValue(genius), parse.GetValue(scenario));
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if ((g is null) == (s is null))
            {
                error.WriteLine("error: give exactly one of --genius DIR or --scenario FILE");
                return ExitCodes.Failure;
            }
            if (g is not null)
            {
                foreach (var (name, given) in new[] { ("--as-of", parse.GetValue(asOf)), ("--for", parse.GetValue(forParty)), ("--from", parse.GetValue(from)) })
                    if (given is not null)
                    {
                        error.WriteLine($"error: {name} needs --scenario");
                        return ExitCodes.Failure;
                    }
                return Run(g, parse.GetValue(profiles)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    parse.GetValue(json), parse.GetValue(realPoints), parse.GetValue(budget), output, error);
            }
            if (parse.GetValue(profiles) is not null)
            {
                error.WriteLine("error: --profiles needs --genius (a scenario's profiles are its 'preferences' section)");
                return ExitCodes.Failure;
            }
            return ScenarioSettle.Run(s!, parse.GetValue(asOf), parse.GetValue(forParty), parse.GetValue(from), parse.GetValue(json), output, error);
        });
        return command;
    }

    private static int Run(string dir, string[]? profiles, bool json, int realPoints, double budget, TextWriter output, TextWriter error)
    {
        try
        {
            if (realPoints < 2) throw new SettleInputException("--real-points must be at least 2");
            if (!(budget > 0) || budget > 86_400) throw new SettleInputException("--budget must be a number of seconds above 0 (at most a day)");
            var folder = GeniusDirectory.Load(dir, profiles, new GeniusReadOptions { RealPoints = realPoints });
            foreach (var w in folder.Warnings) error.WriteLine(w.Describe(warning: true));
            foreach (var n in folder.Notes) error.WriteLine($"note: {n}");
            if (folder.Nonlinear is not null)
            {
                output.Write(NonlinearSettle.Run(folder, TimeSpan.FromSeconds(budget), json));
                return 0;
            }

            var problem = folder.Linear!;
            var watch = Stopwatch.StartNew();
            var result = Analyze(problem, error);
            watch.Stop();
            var text = json ? NonlinearSettle.WithFolderFacts(SettlementJson.Write(problem, result, watch.ElapsedMilliseconds), folder) + "\n" : SettlementText.Write(problem, result, watch.ElapsedMilliseconds);
            output.Write(text);
            return 0;
        }
        catch (Exception e) when (e is SettleInputException or SourceProblemException or IOException or UnauthorizedAccessException or ArgumentException or TimeoutException)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    private static SettlementResult Analyze(SettlementProblem problem, TextWriter error)
    {
        var options = new SettlementOptions { Solver = new CpSatBargainingSolver() };
        SettlementResult? result = null;
        WithProgress(error, problem.Space.Size >= 1_000_000, problem.Space.Issues.Length,
            progress => result = SettlementAnalyzer.Analyze(problem, options with { Progress = progress }));
        return result!;
    }

    /// <summary>
    /// Runs <paramref name="work"/> with a progress bar on stderr when it is a terminal and the work is large;
    /// piped output stays clean.
    /// </summary>
    internal static void WithProgress(TextWriter error, bool large, int steps, Action<Action<int, int>?> work)
    {
        var interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        if (!interactive || !large)
        {
            work(null);
            return;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress().Start(ctx =>
        {
            var task = ctx.AddTask("frontier", maxValue: steps);
            work((done, total) => { task.MaxValue = total; task.Value = done; });
        });
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
