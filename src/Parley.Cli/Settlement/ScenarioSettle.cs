using System.Globalization;
using System.Text;
using Parley.Core.Formats.Scenario;
using Parley.Core.Settlement;
using Parley.Core.Talks;
using Parley.Application.Infrastructure;
using Parley.Application.Settlement;

namespace Parley.Cli.Settlement;

/// <summary>
/// <c>parley settle --scenario FILE [--as-of DATE] [--for PARTY] [--from PACKAGE] [--json]</c>. A file with errors:
/// every error on stderr, exit 1; any other bad input: one <c>error:</c> line, exit 2.
/// </summary>
internal static class ScenarioSettle
{
    public static int Run(string file, string? asOf, string? forParty, string? from, bool json, TextWriter output, TextWriter error)
    {
        string yaml;
        try
        {
            yaml = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"error: cannot read '{file}': {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}");
            return ExitCodes.Failure;
        }
        var read = ScenarioReader.Read(yaml, file);
        if (read.Negotiation is not { } negotiation)
        {
            foreach (var e in read.Errors) error.WriteLine(e);
            return ExitCodes.Problems;
        }
        DateTimeOffset? at = null;
        if (asOf is not null)
        {
            if (!AsOf.TryParse(asOf, out var instant, out var message))
            {
                error.WriteLine($"error: --as-of: {message}");
                return ExitCodes.Failure;
            }
            at = instant;
        }
        try
        {
            var request = new SettlementRequest(at, forParty, from);
            SettlementRun? run = null;
            SettleCommand.WithProgress(error, negotiation.Issues.Count >= 20 && read.Preferences.Count > 2, negotiation.Issues.Count,
                progress => run = NegotiationSettler.Run(negotiation, read.Preferences, request, progress));
            output.Write(json ? run!.Json() + "\n" : Text(run!));
            return ExitCodes.Ok;
        }
        catch (InvalidInputException e)
        {
            error.WriteLine($"error: --{(e.Field == "preferences" ? "scenario" : e.Field)}: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private static string Text(SettlementRun run)
    {
        var c = CultureInfo.InvariantCulture;
        var problem = run.Problem.Problem;
        var s = new StringBuilder();
        s.AppendLine(c, $"as of:             {(run.Context.AsOf is { } at ? at.ToString("yyyy-MM-dd HH:mm 'UTC'", c) : "all records, dates ignored")}");
        s.AppendLine(c, $"agreed (fixed):    {(run.Context.Fixed.Count == 0 ? "none" : string.Join(", ", run.Context.Fixed.Select(kv => kv.Key)))}");
        if (run.For is { } party)
        {
            var r = RedactedResult.For(run.Result, party);
            s.AppendLine(c, $"view:              {party} (its own utilities only)");
            s.AppendLine(c, $"outcomes:          {r.Outcomes}");
            s.AppendLine(c, $"acceptable:        {(r.Acceptable?.ToString(c) ?? "not counted")}");
            s.AppendLine(c, $"pareto:            {r.Pareto.Length} packages{(r.FrontierComplete ? "" : " (representative)")}");
            foreach (var (name, solution) in new[] { ("nash", BargainingSolution.Nash), ("kalai-smorodinsky", BargainingSolution.KalaiSmorodinsky), ("egalitarian", BargainingSolution.Egalitarian), ("utilitarian", BargainingSolution.Utilitarian) })
            {
                s.Append(c, $"{name + ":",-19}");
                s.AppendLine(r.Points.TryGetValue(solution, out var p) ? $"u = {p.OwnUtility.ToString("0.####", c)}  {Open(run, p.Outcome)}" : "none");
            }
            s.AppendLine(c, $"elapsed:           {run.ElapsedMs} ms");
            return s.ToString();
        }
        s.Append(SettlementText.Write(problem, run.Result, run.ElapsedMs));
        if (run.Context.TradesFrom is { } from)
        {
            s.AppendLine(c, $"trades from:       {Open(run, from)}");
            if (run.Context.Trades is not { Count: > 0 } trades) s.AppendLine("                   none");
            foreach (var t in run.Context.Trades ?? [])
            {
                var issues = problem.Space.Issues;
                s.AppendLine(c, $"  {problem.Profiles[t.PartyA].Party} concedes {issues[t.IssueX].Name}={issues[t.IssueX].Options[t.OptionX]}, " +
                    $"{problem.Profiles[t.PartyB].Party} concedes {issues[t.IssueY].Name}={issues[t.IssueY].Options[t.OptionY]}; " +
                    $"gains ({string.Join(", ", t.Gains.Select(g => g.ToString("+0.####;-0.####;0", c)))})");
            }
        }
        return s.ToString();
    }

    /// <summary>The package's choices on the issues that are not fixed.</summary>
    private static string Open(SettlementRun run, Outcome outcome)
    {
        var fixedIssues = run.Context.Fixed.Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        return string.Join("; ", run.Problem.Problem.Space.Describe(outcome).Where(kv => !fixedIssues.Contains(kv.Key)).Select(kv => $"{kv.Key}={kv.Value}"));
    }
}
