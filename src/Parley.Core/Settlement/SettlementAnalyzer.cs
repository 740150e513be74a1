using System.Collections.Immutable;
using System.Numerics;

namespace Parley.Core.Settlement;

/// <summary>
/// Computes a <see cref="SettlementResult"/>: counts, the Pareto frontier of acceptable outcomes and the bargaining
/// points, exactly and without enumerating the space.
/// </summary>
/// <remarks>
/// <para>The problem is rewritten as independent blocks (<c>AdditiveBlocks</c>: issues linked by constraints or
/// interactions fused, red-lined options removed) and the frontier of all permitted outcomes is built block by block
/// with dominance pruning. The acceptable frontier is its rational part (a dominating outcome of a rational one is
/// itself rational), and every point is an argmax over acceptable outcomes that is attained on that frontier, so all
/// figures follow from it. The ideal point and opposition come from the full (not only rational) frontier.</para>
/// <para>When a layer outgrows <see cref="SettlementOptions.MaxFrontier"/> (two parties) or
/// <see cref="SettlementOptions.MaxFrontierMany"/> (more) the frontier is replaced by a
/// representative set: for every weight vector w = k/H with integers kᵢ ≥ 1 and Σkᵢ = H (H = parties +
/// <see cref="SettlementOptions.RepresentativeDivisions"/>), the outcome maximising Σ wᵢuᵢ block by block (first
/// option on ties) — each one Pareto-optimal — kept when acceptable. Its size bound is Π over blocks of the number of
/// non-dominated block options. Nash, egalitarian and utilitarian then come from the
/// <see cref="SettlementOptions.Solver"/> if one is given (utilitarian also without one when the unconstrained
/// maximiser of Σuᵢ is acceptable); Kalai–Smorodinsky and opposition need the whole frontier and stay null.</para>
/// </remarks>
public static class SettlementAnalyzer
{
    private static readonly BargainingSolution[] All =
        [BargainingSolution.Nash, BargainingSolution.KalaiSmorodinsky, BargainingSolution.Egalitarian, BargainingSolution.Utilitarian];

    /// <summary>Analyses <paramref name="problem"/>.</summary>
    /// <exception cref="OperationCanceledException"><see cref="SettlementOptions.Cancellation"/> was cancelled.</exception>
    public static SettlementResult Analyze(SettlementProblem problem, SettlementOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= new SettlementOptions();
        var reservations = problem.Profiles.Select(p => p.Reservation).ToImmutableArray();
        var parties = problem.Profiles.Select(p => p.Party).ToImmutableArray();
        var blocks = AdditiveBlocks.Build(problem, options.MaxBlockOptions);
        if (blocks is null) return SolverOnly(problem, options, parties, reservations);

        var ct = options.Cancellation;
        var frontier = AdditiveFrontier.Build(blocks, problem.PartyCount == 2 ? options.MaxFrontier : options.MaxFrontierMany, options.Progress, ct);
        var acceptable = AcceptableCounter.Count(blocks, reservations, options.MaxCountHalf, ct);
        ct.ThrowIfCancellationRequested();
        if (frontier.Final is not { } final) return Representative(problem, blocks, frontier, acceptable, options, parties, reservations);

        var n = problem.PartyCount;
        var issues = problem.Space.Issues.Length;
        var ideal = new double[n];
        Array.Fill(ideal, double.NegativeInfinity);
        for (var k = 0; k < final.Size; k++)
            for (var p = 0; p < n; p++) ideal[p] = Math.Max(ideal[p], final.U[k * n + p]);

        double? opposition = final.Size == 0 ? null : Enumerable.Range(0, final.Size).Min(k => BargainingRules.OppositionDistance(final.Vector(k), ideal));
        var rational = Enumerable.Range(0, final.Size).Where(k => BargainingRules.IsRational(final.Vector(k), reservations)).ToArray();
        var points = rational.Select(k => new FrontierPoint([.. final.Vector(k)], final.Count[k], frontier.Example(k, issues))).ToImmutableArray();
        var found = new Dictionary<BargainingSolution, BargainingPoint?>();
        foreach (var s in All)
        {
            var best = BargainingRules.Best(s, points.Length, i => [.. points[i].Utilities], reservations, ideal);
            found[s] = best < 0 ? null : new BargainingPoint(s, points[best].Utilities, points[best].Example);
        }

        return new SettlementResult
        {
            Parties = parties,
            Outcomes = problem.Space.Size,
            Acceptable = acceptable,
            Pareto = points,
            FrontierComplete = true,
            FrontierSizeBound = points.Length,
            Ideal = [.. ideal.Select(x => double.IsNegativeInfinity(x) ? 0 : x)],
            Reservations = reservations,
            Nash = found[BargainingSolution.Nash],
            KalaiSmorodinsky = found[BargainingSolution.KalaiSmorodinsky],
            Egalitarian = found[BargainingSolution.Egalitarian],
            Utilitarian = found[BargainingSolution.Utilitarian],
            Opposition = opposition,
        };
    }

    private static SettlementResult Representative(
        SettlementProblem problem, AdditiveBlocks blocks, AdditiveFrontier frontier, BigInteger? acceptable,
        SettlementOptions options, ImmutableArray<string> parties, ImmutableArray<double> reservations)
    {
        var n = problem.PartyCount;
        var ideal = new double[n];
        for (var p = 0; p < n; p++)
        {
            var w = new double[n];
            w[p] = 1;
            ideal[p] = problem.Utilities(WeightedBest(problem, blocks, w))[p];
        }

        var reps = new List<FrontierPoint>();
        foreach (var w in WeightGrid(n, n + options.RepresentativeDivisions))
        {
            options.Cancellation.ThrowIfCancellationRequested();
            var outcome = WeightedBest(problem, blocks, w);
            var u = problem.Utilities(outcome);
            if (!BargainingRules.IsRational(u, reservations) || reps.Any(r => UtilityVectors.Equal(r.Utilities.AsSpan(), u))) continue;
            reps.Add(new FrontierPoint([.. u], null, outcome));
        }

        reps.Sort((a, b) => UtilityVectors.CompareDescending(a.Utilities.AsSpan(), b.Utilities.AsSpan()));
        BargainingPoint? Solve(BargainingSolution s) =>
            options.Solver is { } solver && solver.Supports.Contains(s) ? solver.Solve(problem, s, options.Cancellation) : null;
        var utilitarian = Solve(BargainingSolution.Utilitarian);
        if (utilitarian is null)
        {
            var outcome = WeightedBest(problem, blocks, Enumerable.Repeat(1.0, n).ToArray());
            var u = problem.Utilities(outcome);
            if (BargainingRules.IsRational(u, reservations)) utilitarian = new BargainingPoint(BargainingSolution.Utilitarian, [.. u], outcome);
        }

        return new SettlementResult
        {
            Parties = parties,
            Outcomes = problem.Space.Size,
            Acceptable = acceptable,
            Pareto = [.. reps],
            FrontierComplete = false,
            FrontierSizeBound = frontier.SizeBound,
            Ideal = [.. ideal],
            Reservations = reservations,
            Nash = Solve(BargainingSolution.Nash),
            Egalitarian = Solve(BargainingSolution.Egalitarian),
            Utilitarian = utilitarian,
        };
    }

    private static SettlementResult SolverOnly(SettlementProblem problem, SettlementOptions options, ImmutableArray<string> parties, ImmutableArray<double> reservations)
    {
        BargainingPoint? Solve(BargainingSolution s) =>
            options.Solver is { } solver && solver.Supports.Contains(s) ? solver.Solve(problem, s, options.Cancellation) : null;
        return new SettlementResult
        {
            Parties = parties,
            Outcomes = problem.Space.Size,
            Acceptable = null,
            Pareto = [],
            FrontierComplete = false,
            FrontierSizeBound = problem.Space.Size,
            Ideal = [],
            Reservations = reservations,
            Nash = Solve(BargainingSolution.Nash),
            Egalitarian = Solve(BargainingSolution.Egalitarian),
            Utilitarian = Solve(BargainingSolution.Utilitarian),
        };
    }

    /// <summary>Per block, the first option maximising Σ wᵢuᵢ.</summary>
    private static Outcome WeightedBest(SettlementProblem problem, AdditiveBlocks blocks, double[] w)
    {
        var n = problem.PartyCount;
        var choices = new int[problem.Space.Issues.Length];
        for (var b = 0; b < blocks.Blocks.Length; b++)
        {
            var block = blocks.Blocks[b];
            var best = 0;
            var bestValue = double.NegativeInfinity;
            for (var k = 0; k < block.Count; k++)
            {
                var v = 0.0;
                for (var p = 0; p < n; p++) v += w[p] * block.Utilities[k * n + p];
                if (v > bestValue + 1e-12) (best, bestValue) = (k, v);
            }

            blocks.Apply(b, best, choices);
        }

        return new Outcome(choices);
    }

    private static IEnumerable<double[]> WeightGrid(int n, int h)
    {
        var k = new int[n];
        IEnumerable<double[]> Rec(int i, int left)
        {
            if (i == n - 1)
            {
                k[i] = left;
                yield return [.. k.Select(x => (double)x / h)];
                yield break;
            }

            for (var v = 1; v <= left - (n - 1 - i); v++)
            {
                k[i] = v;
                foreach (var w in Rec(i + 1, left - v)) yield return w;
            }
        }

        return Rec(0, h);
    }
}
