using System.Collections.Immutable;

namespace Parley.Core.Settlement;

/// <summary>
/// A two-issue trade from a proposal: party A concedes on issue X and gains on issue Y, party B concedes on Y and
/// gains on X, both end better off and no other party ends worse off.
/// </summary>
/// <param name="PartyA">Concedes on <paramref name="IssueX"/>.</param>
/// <param name="PartyB">Concedes on <paramref name="IssueY"/>.</param>
/// <param name="IssueX">The first issue, moved to <paramref name="OptionX"/>.</param>
/// <param name="OptionX">The new option on X.</param>
/// <param name="IssueY">The second issue, moved to <paramref name="OptionY"/>.</param>
/// <param name="OptionY">The new option on Y.</param>
/// <param name="Result">The proposal with both moves applied.</param>
/// <param name="Gains">uₚ(result) − uₚ(proposal) per party.</param>
public sealed record TradeSuggestion(int PartyA, int PartyB, int IssueX, int OptionX, int IssueY, int OptionY, Outcome Result, ImmutableArray<double> Gains);

/// <summary>How the frontier moves when a problem changes (say a red line is lifted or added).</summary>
/// <param name="Before">The result before the change.</param>
/// <param name="After">The result after it.</param>
/// <param name="Gained">Frontier vectors after the change that were not there before (equality within ε).</param>
/// <param name="Lost">Frontier vectors before the change that are gone after it.</param>
public sealed record WhatIfResult(SettlementResult Before, SettlementResult After, ImmutableArray<FrontierPoint> Gained, ImmutableArray<FrontierPoint> Lost);

/// <summary>Moves from where the talks stand: improvements over a proposal, two-issue trades, what-if.</summary>
public static class SettlementMoves
{
    /// <summary>
    /// The acceptable frontier vectors that are at least as good as <paramref name="proposal"/> for every party and
    /// better (by more than ε) for one — the efficient Pareto improvements, in the frontier's order. Exhaustive when
    /// <paramref name="result"/>'s frontier is complete; otherwise drawn from its representative set.
    /// </summary>
    public static ImmutableArray<FrontierPoint> Improvements(SettlementProblem problem, SettlementResult result, Outcome proposal)
    {
        ArgumentNullException.ThrowIfNull(result);
        var u = problem.Utilities(proposal);
        return [.. result.Pareto.Where(f => UtilityVectors.Dominates(f.Utilities.AsSpan(), u))];
    }

    /// <summary>
    /// Two-issue trades from <paramref name="proposal"/>: for each pair of issues (X, Y) and ordered pair of parties
    /// (A, B), the option pair that maximises min(gain_A, gain_B) (ties: larger total gain, then lower option
    /// positions) among packages that every party permits, where A's weighted value on X falls and on Y rises, B's on
    /// Y falls and on X rises (each by more than ε), A and B gain more than ε overall (interactions included) and no
    /// party loses more than ε. Returned best first (min gain, then total gain, then issue and party positions),
    /// at most <paramref name="max"/>.
    /// </summary>
    public static ImmutableArray<TradeSuggestion> Trades(SettlementProblem problem, Outcome proposal, int max = 20)
    {
        ArgumentNullException.ThrowIfNull(problem);
        problem.Space.Check(proposal);
        const double eps = UtilityVectors.Tolerance;
        var n = problem.PartyCount;
        var issues = problem.Space.Issues;
        var before = problem.Utilities(proposal);
        var found = new List<(double Min, double Total, TradeSuggestion Trade)>();
        for (var x = 0; x < issues.Length; x++)
        for (var y = x + 1; y < issues.Length; y++)
        for (var a = 0; a < n; a++)
        for (var b = 0; b < n; b++)
        {
            if (a == b) continue;
            var fa = problem.Profiles[a].Utility;
            var fb = problem.Profiles[b].Utility;
            (double Min, double Total, TradeSuggestion Trade)? best = null;
            for (var ox = 0; ox < issues[x].Count; ox++)
            {
                if (ox == proposal[x]) continue;
                var aOnX = fa.Contribution(x, ox) - fa.Contribution(x, proposal[x]);
                var bOnX = fb.Contribution(x, ox) - fb.Contribution(x, proposal[x]);
                if (aOnX >= -eps || bOnX <= eps) continue;
                for (var oy = 0; oy < issues[y].Count; oy++)
                {
                    if (oy == proposal[y]) continue;
                    var aOnY = fa.Contribution(y, oy) - fa.Contribution(y, proposal[y]);
                    var bOnY = fb.Contribution(y, oy) - fb.Contribution(y, proposal[y]);
                    if (aOnY <= eps || bOnY >= -eps) continue;
                    var result = proposal.With(x, ox).With(y, oy);
                    if (!problem.IsFeasible(result)) continue;
                    var after = problem.Utilities(result);
                    var gains = after.Zip(before, (p, q) => p - q).ToArray();
                    if (gains[a] <= eps || gains[b] <= eps || gains.Any(g => g < -eps)) continue;
                    var min = Math.Min(gains[a], gains[b]);
                    var total = gains.Sum();
                    if (best is null || min > best.Value.Min + eps || (Math.Abs(min - best.Value.Min) <= eps && total > best.Value.Total + eps))
                        best = (min, total, new TradeSuggestion(a, b, x, ox, y, oy, result, [.. gains]));
                }
            }

            if (best is { } t) found.Add(t);
        }

        return [.. found
            .OrderByDescending(t => t.Min).ThenByDescending(t => t.Total)
            .ThenBy(t => t.Trade.IssueX).ThenBy(t => t.Trade.IssueY).ThenBy(t => t.Trade.PartyA).ThenBy(t => t.Trade.PartyB)
            .Take(max).Select(t => t.Trade)];
    }

    /// <summary>Analyses both problems and reports which frontier vectors appear and disappear.</summary>
    public static WhatIfResult WhatIf(SettlementProblem before, SettlementProblem after, SettlementOptions? options = null)
    {
        var b = SettlementAnalyzer.Analyze(before, options);
        var a = SettlementAnalyzer.Analyze(after, options);
        static bool In(FrontierPoint p, SettlementResult r) => r.Pareto.Any(q => UtilityVectors.Equal(q.Utilities.AsSpan(), p.Utilities.AsSpan()));
        return new WhatIfResult(b, a, [.. a.Pareto.Where(p => !In(p, b))], [.. b.Pareto.Where(p => !In(p, a))]);
    }

    /// <summary>What-if for lifting party <paramref name="party"/>'s red line on <paramref name="option"/>.</summary>
    public static WhatIfResult LiftRedLine(SettlementProblem problem, int party, OptionRef option, SettlementOptions? options = null) =>
        WhatIf(problem, problem.WithProfile(party, problem.Profiles[party].WithoutRedLine(option)), options);

    /// <summary>What-if for party <paramref name="party"/> adding a red line on <paramref name="option"/>.</summary>
    public static WhatIfResult AddRedLine(SettlementProblem problem, int party, OptionRef option, SettlementOptions? options = null) =>
        WhatIf(problem, problem.WithProfile(party, problem.Profiles[party].WithRedLine(option)), options);
}
