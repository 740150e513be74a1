using System.Collections.Immutable;
using System.Numerics;
using Google.OrTools.Sat;
using Parley.Core.Settlement;
using Parley.Core.Settlement.Nonlinear;

namespace Parley.Solver;

/// <summary>
/// The exact Pareto frontier of a two-party GENIUS nonlinear problem by CP-SAT, without enumerating the space
/// (10¹⁰ to 10⁵⁰ packages in the ANAC 2014 domains).
/// </summary>
/// <remarks>
/// <para>Model: one Boolean per option, exactly one per issue; per bound (issue, lo..hi) a Boolean equal to the sum of
/// its options' Booleans; per rectangle a Boolean equal to "inside the box" (AND of its bounds), negated for exclusive
/// rectangles; per party Fₚ = Σ cᵣ·appliesᵣ with cᵣ = the rectangle's utility · 10ᵏ and Uₚ = min(Fₚ, M·10ᵏ), k the
/// fewest decimals (at most 6) that make every utility and M of that party an integer — 0 for every shipped GENIUS
/// file, so the integers are the files' own numbers and the frontier is exact, not approximate.</para>
/// <para>Search (ε-constraint walk): maximise U₁·(range(U₂) + 1) + U₂, i.e. U₁ then U₂; record the package; add
/// U₂ ≥ its U₂ + 1; repeat until infeasible. Each package found is Pareto-optimal (whatever dominates it also meets
/// the constraint and is lexicographically larger) and every frontier vector is found (its U₂ lies in one of the
/// walk's windows, where it is the lexicographic maximum). A solve stopped by the cancellation token before proving
/// optimality ends the walk with <see cref="FrontierStatus.StoppedByBudget"/>; its unproven package is dropped. The
/// size bound is then the vectors found plus the integer values U₂ can still take (frontier vectors have distinct U₂).</para>
/// <para>After each vector (a₁, a₂) the walk also adds U₁ ≤ a₁ − 1 (a later frontier vector has a larger U₂, so a
/// smaller U₁). The LP relaxation is off (<c>linearization_level:0</c>): on the 30-issue ANAC domain it made the walk
/// 3–5× slower (17 s against 3.5–6 s at a load of 20–30 on 2 cores), the Boolean search proves these optima faster.</para>
/// </remarks>
public sealed class CpSatNonlinearFrontier : INonlinearFrontierSolver
{
    private readonly string _parameters;

    /// <summary>Creates the solver.</summary>
    /// <param name="workers">CP-SAT search workers; one is deterministic and, on 2-core machines, not slower.</param>
    /// <param name="extraParameters">More CP-SAT parameters in text form (for experiments), appended as given.</param>
    public CpSatNonlinearFrontier(int workers = 1, string? extraParameters = null)
    {
        if (workers < 1) throw new ArgumentException("At least one worker.", nameof(workers));
        _parameters = FormattableString.Invariant($"num_workers:{workers}, random_seed:1, linearization_level:0") + (string.IsNullOrWhiteSpace(extraParameters) ? "" : ", " + extraParameters);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The problem does not have exactly two parties.</exception>
    public NonlinearFrontier Frontier(NonlinearProblem problem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Profiles.Length != 2)
            throw new ArgumentException($"The exact nonlinear frontier is computed for two parties; this problem has {problem.Profiles.Length}.", nameof(problem));
        var model = new CpModel();
        var x = problem.Space.Issues.Select((issue, i) =>
        {
            var vars = Enumerable.Range(0, issue.Count).Select(o => model.NewBoolVar($"x{i}_{o}")).ToArray();
            model.AddExactlyOne(vars);
            return vars;
        }).ToArray();
        var bounds = new Dictionary<(int, int, int), BoolVar>();
        var u = problem.Profiles.Select((p, k) => Utility(model, x, bounds, p.Utility, k)).ToArray();
        var range2 = u[1].Domain.Max() - u[1].Domain.Min() + 1;
        model.Maximize(u[0] * range2 + u[1]);

        var found = new List<Outcome>();
        var calls = 0;
        var lastU2 = u[1].Domain.Min() - 1;
        while (true)
        {
            if (cancellationToken.IsCancellationRequested) return Stopped(found, u[1], lastU2, calls);
            var solver = new CpSolver { StringParameters = _parameters };
            CpSolverStatus status;
            using (cancellationToken.Register(solver.StopSearch)) status = solver.Solve(model);
            calls++;
            if (status == CpSolverStatus.Infeasible) return new NonlinearFrontier([.. found], FrontierStatus.Exact, found.Count, calls);
            if (status != CpSolverStatus.Optimal)
            {
                if (cancellationToken.IsCancellationRequested || status == CpSolverStatus.Feasible || status == CpSolverStatus.Unknown)
                    return Stopped(found, u[1], lastU2, calls);
                throw new InvalidOperationException($"CP-SAT answered {status} on the nonlinear frontier model.");
            }

            var outcome = new Outcome(x.Select(vars => Array.FindIndex(vars, v => solver.BooleanValue(v))));
            found.Add(outcome);
            lastU2 = solver.Value(u[1]);
            // The next frontier vector has a larger U₂, hence (not being dominated) a smaller U₁.
            model.Add(u[1] >= lastU2 + 1);
            model.Add(u[0] <= solver.Value(u[0]) - 1);
            model.ClearHints();
            for (var i = 0; i < x.Length; i++)
                for (var o = 0; o < x[i].Length; o++) model.AddHint(x[i][o], o == outcome[i]);
        }
    }

    private static NonlinearFrontier Stopped(List<Outcome> found, IntVar u2, long lastU2, int calls) =>
        new([.. found], FrontierStatus.StoppedByBudget, found.Count + new BigInteger(Math.Max(0, u2.Domain.Max() - lastU2)), calls);

    /// <summary>Uₚ = min(Σ cᵣ·appliesᵣ, M) in units of 10⁻ᵏ.</summary>
    private static IntVar Utility(CpModel model, BoolVar[][] x, Dictionary<(int, int, int), BoolVar> bounds, RectangleUtility f, int party)
    {
        var scale = Scale(f.Rectangles.Select(r => r.Utility).Append(f.MaxUtility));
        var literals = new List<ILiteral>();
        var coefs = new List<long>();
        long constant = 0, lo = 0, hi = 0;
        foreach (var r in f.Rectangles)
        {
            var c = (long)Math.Round(r.Utility * scale);
            if (c == 0) continue;
            var sides = r.Bounds.Where(b => b.MinOption > 0 || b.MaxOption < x[b.Issue].Length - 1).ToList();
            if (sides.Count == 0)
            {
                // The box is the whole space: inclusive always pays, exclusive never.
                if (r.Kind == RectangleKind.Inclusive) constant += c;
                continue;
            }

            literals.Add(Applies(model, r.Kind, c > 0, sides.Select(b => Bound(model, x, bounds, b)).ToArray()));
            coefs.Add(c);
            lo += Math.Min(c, 0);
            hi += Math.Max(c, 0);
        }

        var max = (long)Math.Round(f.MaxUtility * scale);
        var raw = model.NewIntVar(constant + lo, constant + hi, $"f{party}");
        model.Add(raw == LinearExpr.WeightedSum(literals, coefs) + constant);
        if (constant + hi <= max) return raw;
        var capped = model.NewIntVar(constant + lo, Math.Max(constant + lo, max), $"u{party}");
        model.AddMinEquality(capped, [raw, LinearExpr.Constant(max)]);
        return capped;
    }

    /// <summary>
    /// A literal that may stand for "the rectangle applies" in the sum: half-reified in the direction that matters —
    /// for a positive utility it can be true only when the rectangle applies, for a negative one it must be true when it
    /// does. Either way the model's Fₚ never overstates (positive) nor understates (negative) the truth for the chosen
    /// options, and at the lexicographic optimum it equals it (the search sets every literal it can in its favour).
    /// </summary>
    private static ILiteral Applies(CpModel model, RectangleKind kind, bool positive, BoolVar[] sides)
    {
        if (sides.Length == 1) return kind == RectangleKind.Inclusive ? sides[0] : sides[0].Not();
        var a = model.NewBoolVar("a");
        switch (kind, positive)
        {
            case (RectangleKind.Inclusive, true):
                foreach (var b in sides) model.AddImplication(a, b);
                break;
            case (RectangleKind.Inclusive, false):
                model.AddBoolOr(sides.Select(b => b.Not()).Append<ILiteral>(a));
                break;
            case (RectangleKind.Exclusive, true):
                model.AddBoolOr(sides.Select(b => b.Not())).OnlyEnforceIf(a);
                break;
            default:
                foreach (var b in sides) model.AddImplication(b.Not(), a);
                break;
        }

        return a;
    }

    private static BoolVar Bound(CpModel model, BoolVar[][] x, Dictionary<(int, int, int), BoolVar> bounds, IssueBound b)
    {
        var key = (b.Issue, b.MinOption, b.MaxOption);
        if (bounds.TryGetValue(key, out var v)) return v;
        v = model.NewBoolVar($"b{b.Issue}_{b.MinOption}_{b.MaxOption}");
        model.Add(v == LinearExpr.Sum(x[b.Issue][b.MinOption..(b.MaxOption + 1)]));
        bounds[key] = v;
        return v;
    }

    /// <summary>10ᵏ for the fewest decimals k ≤ 6 that make every number an integer (10⁶, rounded, when none does).</summary>
    internal static double Scale(IEnumerable<double> numbers)
    {
        var all = numbers.ToArray();
        for (var k = 0; k <= 6; k++)
        {
            var s = Math.Pow(10, k);
            if (all.All(v => Math.Abs(v * s - Math.Round(v * s)) <= 1e-9 * Math.Max(1, Math.Abs(v * s)))) return s;
        }

        return 1e6;
    }
}
