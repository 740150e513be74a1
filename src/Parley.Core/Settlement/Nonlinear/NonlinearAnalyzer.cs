using System.Collections.Immutable;
using System.Numerics;

namespace Parley.Core.Settlement.Nonlinear;

/// <summary>Whether a computed frontier is the whole frontier.</summary>
public enum FrontierStatus
{
    /// <summary>Every Pareto-optimal utility vector was found and proven so.</summary>
    Exact,

    /// <summary>The time budget (cancellation) stopped the search: every listed vector is Pareto-optimal, some may be missing.</summary>
    StoppedByBudget,
}

/// <summary>
/// The Pareto frontier of all packages (reservations ignored) as found by an <see cref="INonlinearFrontierSolver"/>:
/// one package per distinct utility vector, every one Pareto-optimal.
/// </summary>
/// <param name="Outcomes">One package per frontier vector, in any order.</param>
/// <param name="Status">Exact, or stopped by the budget.</param>
/// <param name="SizeBound">An upper bound on the number of distinct frontier vectors (equal to the count when exact).</param>
/// <param name="SolverCalls">How many optimisation calls were made.</param>
public sealed record NonlinearFrontier(ImmutableArray<Outcome> Outcomes, FrontierStatus Status, BigInteger SizeBound, int SolverCalls);

/// <summary>Finds the Pareto frontier of a nonlinear problem (implemented with CP-SAT in Parley.Solver).</summary>
public interface INonlinearFrontierSolver
{
    /// <summary>
    /// The frontier of all packages of <paramref name="problem"/> (reservations ignored). When
    /// <paramref name="cancellationToken"/> is cancelled the search stops and what was proven so far is returned with
    /// <see cref="FrontierStatus.StoppedByBudget"/>; nothing is thrown.
    /// </summary>
    NonlinearFrontier Frontier(NonlinearProblem problem, CancellationToken cancellationToken = default);
}

/// <summary>A nonlinear settlement: the figures in the shape of <see cref="SettlementResult"/> and how complete they are.</summary>
/// <param name="Result">Frontier (rational part), ideal point, bargaining points and opposition; <c>Acceptable</c> is not counted (null).</param>
/// <param name="Status">Whether the frontier is exact; when stopped by the budget the bargaining points are the best among the vectors found.</param>
/// <param name="SolverCalls">How many optimisation calls the frontier took.</param>
public sealed record NonlinearResult(SettlementResult Result, FrontierStatus Status, int SolverCalls);

/// <summary>
/// Turns a nonlinear frontier into a <see cref="NonlinearResult"/> with the definitions of docs/settlement.md: the
/// acceptable frontier is the rational part (uᵢ ≥ rᵢ, exact double comparison) of the frontier of all packages;
/// idealᵢ = max uᵢ over that whole frontier (= over all packages); Nash, Kalai–Smorodinsky, egalitarian and utilitarian
/// by <see cref="BargainingRules"/> over the acceptable frontier in canonical order (u₁ descending, then u₂ …);
/// opposition = min over the whole frontier of ‖1 − u/ideal‖₂. Every one of these is attained on the frontier, so they
/// are exact when the frontier is.
/// </summary>
public static class NonlinearAnalyzer
{
    private static readonly BargainingSolution[] All =
        [BargainingSolution.Nash, BargainingSolution.KalaiSmorodinsky, BargainingSolution.Egalitarian, BargainingSolution.Utilitarian];

    /// <summary>Computes the frontier with <paramref name="solver"/> and summarises it.</summary>
    public static NonlinearResult Analyze(NonlinearProblem problem, INonlinearFrontierSolver solver, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(solver);
        return Summarise(problem, solver.Frontier(problem, cancellationToken));
    }

    /// <summary>Summarises a frontier found for <paramref name="problem"/>.</summary>
    public static NonlinearResult Summarise(NonlinearProblem problem, NonlinearFrontier frontier)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(frontier);
        var n = problem.Profiles.Length;
        var vectors = new List<(double[] U, Outcome X)>();
        foreach (var x in frontier.Outcomes)
        {
            var u = problem.Utilities(x);
            if (!vectors.Any(v => UtilityVectors.Equal(v.U, u))) vectors.Add((u, x));
        }

        vectors.Sort((a, b) => UtilityVectors.CompareDescending(a.U, b.U));
        var ideal = new double[n];
        for (var p = 0; p < n; p++) ideal[p] = vectors.Count == 0 ? 0 : vectors.Max(v => v.U[p]);
        var reservations = problem.Reservations;
        var points = vectors.Where(v => BargainingRules.IsRational(v.U, reservations))
            .Select(v => new FrontierPoint([.. v.U], null, v.X)).ToImmutableArray();
        var found = new Dictionary<BargainingSolution, BargainingPoint?>();
        foreach (var s in All)
        {
            var best = BargainingRules.Best(s, points.Length, i => [.. points[i].Utilities], reservations, ideal);
            found[s] = best < 0 ? null : new BargainingPoint(s, points[best].Utilities, points[best].Example);
        }

        var exact = frontier.Status == FrontierStatus.Exact;
        var result = new SettlementResult
        {
            Parties = [.. problem.Profiles.Select(p => p.Party)],
            Outcomes = problem.Space.Size,
            Acceptable = null,
            Pareto = points,
            FrontierComplete = exact,
            FrontierSizeBound = exact ? points.Length : frontier.SizeBound,
            Ideal = [.. ideal],
            Reservations = reservations,
            Nash = found[BargainingSolution.Nash],
            KalaiSmorodinsky = found[BargainingSolution.KalaiSmorodinsky],
            Egalitarian = found[BargainingSolution.Egalitarian],
            Utilitarian = found[BargainingSolution.Utilitarian],
            Opposition = exact && vectors.Count > 0 ? vectors.Min(v => BargainingRules.OppositionDistance(v.U, ideal)) : null,
        };
        return new NonlinearResult(result, frontier.Status, frontier.SolverCalls);
    }
}
