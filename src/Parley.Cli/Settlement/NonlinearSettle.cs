using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Core.Settlement;
using Parley.Core.Settlement.Nonlinear;
using Parley.Solver;
using Parley.Application.Settlement;

namespace Parley.Cli.Settlement;

/// <summary>
/// <c>parley settle --genius</c> on a nonlinear (hyperRectangle) folder: the exact frontier by CP-SAT within the time
/// budget, the usual figures, how complete the frontier is, and how GENIUS's own <c>pareto.xml</c> compares.
/// </summary>
internal static class NonlinearSettle
{
    public static string Run(GeniusFolder folder, TimeSpan budget, bool json)
    {
        var problem = folder.Nonlinear!;
        using var cts = new CancellationTokenSource(budget);
        var watch = Stopwatch.StartNew();
        var result = NonlinearAnalyzer.Analyze(problem, new CpSatNonlinearFrontier(), cts.Token);
        watch.Stop();
        var carrier = Carrier(problem);
        var checks = folder.Reference is { } reference ? ReferenceComparison.Compare(reference, result.Result.Pareto) : (IReadOnlyList<ReferenceCheck>?)null;
        if (json)
        {
            var node = JsonNode.Parse(SettlementJson.Write(carrier, result.Result, watch.ElapsedMilliseconds))!.AsObject();
            node["frontierStatus"] = Status(result.Status);
            node["solverCalls"] = result.SolverCalls;
            node["discountFactors"] = new JsonArray([.. problem.Profiles.Select(p => p.DiscountFactor is { } d ? JsonValue.Create(d) : null)]);
            node["reference"] = checks is null ? null : Reference(folder.ReferenceFile!, checks);
            return WithFolderFacts(node, folder) + "\n";
        }

        var c = CultureInfo.InvariantCulture;
        var text = new System.Text.StringBuilder(SettlementText.Write(carrier, result.Result, watch.ElapsedMilliseconds));
        text.AppendLine(c, $"frontier:          {(result.Status == FrontierStatus.Exact
            ? $"exact ({result.SolverCalls} CP-SAT calls)"
            : $"stopped by the {budget.TotalSeconds:0.###} s budget after {result.SolverCalls} CP-SAT calls; {result.Result.Pareto.Length} vectors proven, at most {result.Result.FrontierSizeBound}")}");
        if (problem.Profiles.Any(p => p.DiscountFactor is not null))
            text.AppendLine(c, $"discount factors:  {string.Join(", ", problem.Profiles.Select(p => p.DiscountFactor?.ToString("0.###", c) ?? "none"))} (reported, not applied)");
        if (checks is not null)
        {
            var (m, d, u) = Counts(checks);
            text.AppendLine(c, $"GENIUS {folder.ReferenceFile}: {checks.Count} points: {m} matched by Parley, {d} dominated by a Parley vector, {u} not reached");
            foreach (var k in checks.Where(k => k.Standing != ReferenceStanding.Matched))
                text.AppendLine(c, $"  ({string.Join(", ", k.Reference.Select(x => x.ToString("0.######", c)))}) {(k.By is { } by ? $"dominated by ({string.Join(", ", by.Utilities.Select(x => x.ToString("0.######", c)))})" : "not reached")}");
        }

        return text.ToString();
    }

    /// <summary>Adds the folder's warnings and notes to a settlement JSON text.</summary>
    public static string WithFolderFacts(string json, GeniusFolder folder) => WithFolderFacts(JsonNode.Parse(json)!.AsObject(), folder);

    private static string WithFolderFacts(JsonObject node, GeniusFolder folder)
    {
        node["warnings"] = new JsonArray([.. folder.Warnings.Select(w => new JsonObject
        {
            ["file"] = w.File, ["line"] = w.Line, ["column"] = w.Column, ["message"] = w.Message,
        })]);
        node["notes"] = new JsonArray([.. folder.Notes.Select(n => JsonValue.Create(n))]);
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static JsonObject Reference(string file, IReadOnlyList<ReferenceCheck> checks)
    {
        var (m, d, u) = Counts(checks);
        return new JsonObject
        {
            ["file"] = file,
            ["points"] = checks.Count,
            ["matched"] = m,
            ["dominated"] = d,
            ["unmatched"] = u,
            ["checks"] = new JsonArray([.. checks.Select(k => new JsonObject
            {
                ["reference"] = new JsonArray([.. k.Reference.Select(x => JsonValue.Create(x))]),
                ["standing"] = k.Standing.ToString().ToLowerInvariant(),
                ["by"] = k.By is { } by ? new JsonArray([.. by.Utilities.Select(x => JsonValue.Create(x))]) : null,
            })]),
        };
    }

    private static (int Matched, int Dominated, int Unmatched) Counts(IReadOnlyList<ReferenceCheck> checks) =>
        (checks.Count(k => k.Standing == ReferenceStanding.Matched), checks.Count(k => k.Standing == ReferenceStanding.Dominated),
         checks.Count(k => k.Standing == ReferenceStanding.Unmatched));

    private static string Status(FrontierStatus s) => s == FrontierStatus.Exact ? "exact" : "stopped-by-budget";

    /// <summary>
    /// A linear problem over the same space and parties whose only use is to name packages and parties in the shared
    /// JSON and text writers (its utilities are zero and never read).
    /// </summary>
    private static SettlementProblem Carrier(NonlinearProblem problem) =>
        new(problem.Space, problem.Profiles.Select(p => new PreferenceProfile(p.Party,
            new UtilityFunction(problem.Space.Issues.Select(_ => 0.0), problem.Space.Issues.Select(i => Enumerable.Repeat(0.0, i.Count))), p.Reservation)));
}
