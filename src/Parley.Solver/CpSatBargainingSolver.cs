using Google.OrTools.Sat;
using Parley.Core.Settlement;

namespace Parley.Solver;

/// <summary>
/// Nash, egalitarian and utilitarian points by CP-SAT, for any problem: constraints, interactions, any number of
/// parties, spaces far too large to enumerate.
/// </summary>
/// <remarks>
/// <para>Utilities are scaled to integers in units of 1/S (S = 10⁶ by default), so optimality holds up to the
/// rounding of the scaled sums (below ½ unit per term, i.e. (issues + interactions)·0.5·10⁻⁶ in utility).
/// Rationality uses the true double utility of each returned package: a package the rounding let through is cut off
/// (no-good) and the solve repeated.</para>
/// <para>Utilitarian maximises ΣUₚ (for additive problems the per-issue maximiser, when acceptable, is returned
/// without a solve — it is exactly optimal); egalitarian maximises t subject to t ≤ Uₚ − S·rₚ. Nash maximises Σ log(Uₚ − S·rₚ)
/// by outer approximation: each log is bounded above by tangents log a + (d − a)/a (integer-scaled, rounded up), a
/// geometric set of tangent points to start with and, after each solve, new tangents at the solution's gains; the
/// loop stops when the model's bound exceeds the best value found by at most (n + 1)·10⁻⁶ in Σ log (the resolution of the
/// integer log grid), so the product is optimal to a relative (n + 1)·10⁻⁶. If no acceptable package gives
/// every party a positive gain, every acceptable package has Nash product 0 and the utilitarian one is returned.</para>
/// </remarks>
public sealed class CpSatBargainingSolver : IBargainingSolver
{
    private const double LogScale = 1e6;
    private readonly double _scale;
    private readonly string _parameters;

    /// <summary>Creates a solver.</summary>
    /// <param name="scale">S, units per utility point.</param>
    /// <param name="workers">CP-SAT search workers; one is deterministic and, on the 2-core machines measured, also fastest.</param>
    /// <param name="timeLimitSeconds">Per solve; a solve that runs out of time without proof of optimality throws.</param>
    public CpSatBargainingSolver(double scale = 1e6, int workers = 1, double timeLimitSeconds = 60)
    {
        if (scale < 1) throw new ArgumentException("The scale must be at least 1.", nameof(scale));
        _scale = scale;
        _parameters = FormattableString.Invariant($"num_workers:{workers}, max_time_in_seconds:{timeLimitSeconds}, random_seed:1");
    }

    /// <inheritdoc />
    public IReadOnlySet<BargainingSolution> Supports { get; } =
        new HashSet<BargainingSolution> { BargainingSolution.Nash, BargainingSolution.Egalitarian, BargainingSolution.Utilitarian };

    /// <inheritdoc />
    public BargainingPoint? Solve(SettlementProblem problem, BargainingSolution solution, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return solution switch
        {
            BargainingSolution.Utilitarian => Linear(problem, solution, cancellationToken),
            BargainingSolution.Egalitarian => Linear(problem, solution, cancellationToken),
            BargainingSolution.Nash => Nash(problem, cancellationToken),
            _ => throw new ArgumentException($"{solution} needs the whole frontier; CP-SAT does not compute it.", nameof(solution)),
        };
    }

    private BargainingPoint? Linear(SettlementProblem problem, BargainingSolution solution, CancellationToken ct)
    {
        var m = new SatModel(problem, _scale);
        if (solution == BargainingSolution.Utilitarian && problem.IsAdditive)
        {
            // Without interactions or constraints Σuₚ separates by issue: the per-issue maximiser is the exact
            // optimum whenever it is acceptable, and no solve is needed.
            var greedy = m.GreedyStart();
            var u = problem.Utilities(greedy);
            if (problem.IsFeasible(greedy) && BargainingRules.IsRational(u, [.. problem.Profiles.Select(p => p.Reservation)]))
                return new BargainingPoint(solution, [.. u], greedy);
        }

        m.RequireRational();
        if (solution == BargainingSolution.Utilitarian) m.Model.Maximize(LinearExpr.Sum(m.Utilities));
        else
        {
            var gaps = Enumerable.Range(0, problem.PartyCount).Select(p => (Lo: m.Utilities[p].Domain.Min() - m.Scaled(problem.Profiles[p].Reservation), Hi: m.Utilities[p].Domain.Max() - m.Scaled(problem.Profiles[p].Reservation))).ToArray();
            var t = m.Model.NewIntVar(gaps.Min(g => g.Lo), gaps.Max(g => g.Hi), "t");
            for (var p = 0; p < problem.PartyCount; p++) m.Model.Add(t <= m.Utilities[p] - m.Scaled(problem.Profiles[p].Reservation));
            m.Model.Maximize(t);
        }

        m.Hint(m.GreedyStart());

        return SolveRational(m, solution, ct);
    }

    private BargainingPoint? SolveRational(SatModel m, BargainingSolution solution, CancellationToken ct)
    {
        var reservations = m.Problem.Profiles.Select(p => p.Reservation).ToArray();
        while (true)
        {
            var status = Run(m, out var solver, ct);
            if (status is CpSolverStatus.Infeasible) return null;
            if (status is not CpSolverStatus.Optimal) throw new TimeoutException($"CP-SAT stopped with status {status} before proving optimality.");
            var outcome = m.Read(solver);
            var u = m.Problem.Utilities(outcome);
            if (BargainingRules.IsRational(u, reservations)) return new BargainingPoint(solution, [.. u], outcome);
            m.Exclude(outcome);
        }
    }

    /// <summary>One CP-SAT solve that stops its search when <paramref name="ct"/> is cancelled, and then throws.</summary>
    private CpSolverStatus Run(SatModel m, out CpSolver solver, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var cp = new CpSolver { StringParameters = _parameters };
        CpSolverStatus status;
        using (ct.Register(cp.StopSearch)) status = cp.Solve(m.Model);
        ct.ThrowIfCancellationRequested();
        solver = cp;
        return status;
    }

    private BargainingPoint? Nash(SettlementProblem problem, CancellationToken cancellationToken)
    {
        var m = new SatModel(problem, _scale);
        m.RequireRational();
        var n = problem.PartyCount;
        var gains = new IntVar[n];
        var logs = new IntVar[n];
        var maxGain = new long[n];
        for (var p = 0; p < n; p++)
        {
            var r = m.Scaled(problem.Profiles[p].Reservation);
            maxGain[p] = Math.Max(1, m.Utilities[p].Domain.Max() - r);
            gains[p] = m.Model.NewIntVar(1, maxGain[p], $"d{p}");
            m.Model.Add(gains[p] == m.Utilities[p] - r);
            logs[p] = m.Model.NewIntVar((long)Math.Floor(LogScale * Math.Log(1 / _scale)) - 1, (long)Math.Ceiling(LogScale * Math.Log(maxGain[p] / _scale)) + 1, $"l{p}");
            for (var a = (double)maxGain[p]; a >= 1; a /= 2) Tangent(m, logs[p], gains[p], (long)Math.Ceiling(a));
        }

        m.Model.Maximize(LinearExpr.Sum(logs));
        m.Hint(m.GreedyStart());
        Outcome? best = null;
        var bestValue = double.NegativeInfinity;
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var status = Run(m, out var solver, cancellationToken);
            if (status is CpSolverStatus.Infeasible)
                return best is null ? Fallback(problem, cancellationToken) : Point(problem, best);
            if (status is not CpSolverStatus.Optimal) throw new TimeoutException($"CP-SAT stopped with status {status} before proving optimality.");
            var outcome = m.Read(solver);
            var u = problem.Utilities(outcome);
            if (!BargainingRules.IsRational(u, problem.Profiles.Select(p => p.Reservation).ToArray()))
            {
                m.Exclude(outcome);
                continue;
            }

            var d = Enumerable.Range(0, n).Select(p => solver.Value(gains[p])).ToArray();
            var value = d.Sum(x => Math.Log(x / _scale));
            if (value > bestValue)
            {
                bestValue = value;
                best = outcome;
            }

            // The log grid has 1/T resolution and each tangent is rounded up by under one unit, so the bound can
            // only be trusted to n + 1 units.
            if (solver.ObjectiveValue / LogScale - bestValue <= (n + 1) / LogScale) break;
            for (var p = 0; p < n; p++) Tangent(m, logs[p], gains[p], d[p]);
            m.Hint(outcome);
        }

        return best is null ? Fallback(problem, cancellationToken) : Point(problem, best);
    }

    /// <summary>Adds L ≤ T·(log(a/S) + (d − a)/a), multiplied by a: a·L − T·d ≤ ⌈a·T·(log(a/S) − 1)⌉.</summary>
    private void Tangent(SatModel m, IntVar log, IntVar gain, long a)
    {
        var rhs = (long)Math.Ceiling(a * LogScale * (Math.Log(a / _scale) - 1));
        m.Model.Add(a * log - (long)LogScale * gain <= rhs);
    }

    private BargainingPoint? Fallback(SettlementProblem problem, CancellationToken ct) =>
        Linear(problem, BargainingSolution.Utilitarian, ct) is { } u ? new BargainingPoint(BargainingSolution.Nash, u.Utilities, u.Outcome) : null;

    private static BargainingPoint Point(SettlementProblem problem, Outcome outcome) =>
        new(BargainingSolution.Nash, [.. problem.Utilities(outcome)], outcome);
}
