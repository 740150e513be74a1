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
/// <para>Model, over cells (<see cref="OptionCells"/>: options no effective bound tells apart, among which every
/// utility is constant): one Boolean per cell, exactly one per issue (none for an issue of one cell); per effective
/// bound a literal for "inside" (a cell's Boolean, its negation, or a Boolean equal to the sum of its cells); per
/// rectangle a literal for "applies" (below); per party Fₚ = Σ coefficients·Booleans with cᵣ = the rectangle's
/// utility · 10ᵏ and Uₚ = min(Fₚ, M·10ᵏ), k the fewest decimals (at most 6) that make every utility and M of that
/// party an integer — 0 for every shipped GENIUS file, so the integers are the files' own numbers and the frontier is
/// exact, not approximate. A package found is reported with the lowest option of each chosen cell. In a pairwise
/// problem the cells another cell beats for both parties whatever the other issues hold are fixed to false
/// (<see cref="DominatedCells"/>; every frontier vector keeps a package without them).</para>
/// <para>Search (ε-constraint walk): maximise U₁·(range(U₂) + 1) + U₂, i.e. U₁ then U₂; record the package; add
/// U₂ ≥ its U₂ + 1; repeat until infeasible. Each package found is Pareto-optimal (whatever dominates it also meets
/// the constraint and is lexicographically larger) and every frontier vector is found (its U₂ lies in one of the
/// walk's windows, where it is the lexicographic maximum). A solve stopped by the cancellation token before proving
/// optimality ends the walk with <see cref="FrontierStatus.StoppedByBudget"/>; its unproven package is dropped. The
/// size bound is then the vectors found plus the integer values U₂ can still take (frontier vectors have distinct U₂).</para>
/// <para>After each vector (a₁, a₂) the walk also adds U₁ ≤ a₁ − 1 (a later frontier vector has a larger U₂, so a
/// smaller U₁), and hints the next solve with the best solution any solve has reported so far (optimal or on the way)
/// that meets the new bounds — every variable of it, so that CP-SAT starts from its objective. CP-SAT's full LP
/// relaxation (<c>linearization_level:2</c>) proves the optima of pairwise models (every rectangle with at most two
/// effective sides, as in the 50-issue ANAC domain), without the cuts CP-SAT would add to it (<c>cut_level:0</c>: on
/// that walk they cost more than they prune) and with every constraint in it from the start
/// (<c>add_lp_constraints_lazily:false</c>, about 15 % less time). On S-1NAGUNL-255 (169 vectors, 170 solves) the process spent 10.0–11.2 s
/// of CPU with cuts, cell hints and every cell; 4.7–5.9 s without cuts; 2.0–2.4 s with dominated cells out and whole
/// hints; 1.7–1.9 s with the LP's constraints from the start (docs/benchmarks.md runs F, F′). For boxes of up to four sides (30/40 issues) the Boolean search without LP
/// (level 0) is faster. Presolve and symmetry detection are off: the cell model is already compact and is
/// solved once per vector. None of this changes the frontier, only the time.</para>
/// </remarks>
public sealed class CpSatNonlinearFrontier : INonlinearFrontierSolver
{
    private readonly int _workers;
    private readonly string? _extraParameters;

    /// <summary>Creates the solver.</summary>
    /// <param name="workers">CP-SAT search workers; one is deterministic and, on 2-core machines, not slower.</param>
    /// <param name="extraParameters">More CP-SAT parameters in text form (for experiments), appended as given; a
    /// <c>linearization_level</c> or <c>cut_level</c> among them replaces the one chosen from the problem's shape.</param>
    public CpSatNonlinearFrontier(int workers = 1, string? extraParameters = null)
    {
        if (workers < 1) throw new ArgumentException("At least one worker.", nameof(workers));
        _workers = workers;
        _extraParameters = string.IsNullOrWhiteSpace(extraParameters) ? null : extraParameters;
    }

    /// <summary>
    /// The CP-SAT parameters for a problem: the full LP relaxation without cuts (level 2, cut level 0), every
    /// constraint in it from the start (not added lazily), when every rectangle has at most two effective sides, no LP
    /// (level 0) otherwise; presolve and symmetry detection off (the
    /// cell model is already compact, and the walk solves it once per frontier vector).
    /// </summary>
    internal string Parameters(bool pairwise)
    {
        var level = Given("linearization_level") ? "" : pairwise ? ", linearization_level:2" : ", linearization_level:0";
        var cuts = pairwise && !Given("cut_level") ? ", cut_level:0" : "";
        cuts += pairwise && !Given("add_lp_constraints_lazily") ? ", add_lp_constraints_lazily:false" : "";
        return FormattableString.Invariant($"num_workers:{_workers}, random_seed:1, cp_model_presolve:false, symmetry_level:0{level}{cuts}") + (_extraParameters is null ? "" : ", " + _extraParameters);

        bool Given(string name) => _extraParameters?.Contains(name, StringComparison.Ordinal) == true;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The problem does not have exactly two parties.</exception>
    public NonlinearFrontier Frontier(NonlinearProblem problem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Profiles.Length != 2)
            throw new ArgumentException($"The exact nonlinear frontier is computed for two parties; this problem has {problem.Profiles.Length}.", nameof(problem));
        var model = new CpModel();
        var cells = new OptionCells([.. problem.Space.Issues.Select(i => i.Count)], problem.Profiles.SelectMany(p => p.Utility.Rectangles));
        var parameters = Parameters(problem.Profiles.All(p => p.Utility.Rectangles.All(r => r.Bounds.Count(b => OptionCells.IsEffective(b, cells.OptionCount(b.Issue))) <= 2)));
        var x = Enumerable.Range(0, cells.Issues).Select(i =>
        {
            if (cells.Count(i) == 1) return [];
            var vars = Enumerable.Range(0, cells.Count(i)).Select(c => model.NewBoolVar($"x{i}_{c}")).ToArray();
            model.AddExactlyOne(vars);
            return vars;
        }).ToArray();
        var outOfPlay = DominatedCells.Find(cells, [.. problem.Profiles.Select(p => p.Utility)], [.. problem.Profiles.Select(p => UnitsOf(p.Utility))]);
        for (var i = 0; i < x.Length; i++)
            for (var c = 0; c < x[i].Length; c++)
                if (outOfPlay[i][c]) model.Add(x[i][c] == 0);
        var bounds = new Dictionary<(int, int, int), ILiteral>();
        var u = problem.Profiles.Select((p, k) => Utility(model, cells, x, bounds, p.Utility, k)).ToArray();
        var range2 = u[1].Domain.Max() - u[1].Domain.Min() + 1;
        model.Maximize(u[0] * range2 + u[1]);

        var found = new List<Outcome>();
        var calls = 0;
        var lastU2 = u[1].Domain.Min() - 1;
        var pool = new SolutionPool(u, model.Model.Variables.Count);
        while (true)
        {
            if (cancellationToken.IsCancellationRequested) return Stopped(found, u[1], lastU2, calls);
            var solver = new CpSolver { StringParameters = parameters };
            CpSolverStatus status;
            using (cancellationToken.Register(solver.StopSearch)) status = solver.Solve(model, pool);
            calls++;
            if (status == CpSolverStatus.Infeasible) return new NonlinearFrontier([.. found], FrontierStatus.Exact, found.Count, calls);
            if (status != CpSolverStatus.Optimal)
            {
                if (cancellationToken.IsCancellationRequested || status == CpSolverStatus.Feasible || status == CpSolverStatus.Unknown)
                    return Stopped(found, u[1], lastU2, calls);
                throw new InvalidOperationException($"CP-SAT answered {status} on the nonlinear frontier model.");
            }

            var chosen = x.Select(vars => vars.Length == 0 ? 0 : Array.FindIndex(vars, v => solver.BooleanValue(v))).ToArray();
            found.Add(new Outcome(chosen.Select((c, i) => cells.Representative(i, c))));
            lastU2 = solver.Value(u[1]);
            // The next frontier vector has a larger U₂, hence (not being dominated) a smaller U₁.
            model.Add(u[1] >= lastU2 + 1);
            var lastU1 = solver.Value(u[0]);
            model.Add(u[0] <= lastU1 - 1);
            model.ClearHints();
            var hint = pool.Best(lastU1 - 1, lastU2 + 1);
            if (hint is not null) model.Model.SolutionHint = hint;
        }
    }

    /// <summary>
    /// Every solution CP-SAT reports on the way to an optimum, whole (every variable: cells, bound and rectangle
    /// literals, Fₚ and Uₚ, as the model states them, U never above the truth): a later window's best one is that
    /// solve's hint, a feasible starting point whose objective CP-SAT knows at once (a hint of the cells alone left the
    /// rectangle literals to the search, which started far below it).
    /// </summary>
    private sealed class SolutionPool(IntVar[] u, int variables) : CpSolverSolutionCallback
    {
        private readonly List<(long U1, long U2, long[] Values)> _solutions = [];

        public override void OnSolutionCallback()
        {
            var values = new long[variables];
            for (var v = 0; v < variables; v++) values[v] = SolutionIntegerValue(v);
            _solutions.Add((Value(u[0]), Value(u[1]), values));
        }

        /// <summary>The lexicographically best solution with U₁ ≤ <paramref name="maxU1"/> and U₂ ≥ <paramref name="minU2"/> as a hint, or null.</summary>
        public PartialVariableAssignment? Best(long maxU1, long minU2)
        {
            var best = _solutions.Where(s => s.U1 <= maxU1 && s.U2 >= minU2).OrderByDescending(s => s.U1).ThenByDescending(s => s.U2).Select(s => s.Values).FirstOrDefault();
            if (best is null) return null;
            var hint = new PartialVariableAssignment();
            hint.Vars.Add(Enumerable.Range(0, best.Length));
            hint.Values.Add(best);
            return hint;
        }
    }

    private static NonlinearFrontier Stopped(List<Outcome> found, IntVar u2, long lastU2, int calls) =>
        new([.. found], FrontierStatus.StoppedByBudget, found.Count + new BigInteger(Math.Max(0, u2.Domain.Max() - lastU2)), calls);

    /// <summary>Uₚ = min(Σ cᵣ·appliesᵣ, M) in units of 10⁻ᵏ.</summary>
    private static IntVar Utility(CpModel model, OptionCells cells, BoolVar[][] x, Dictionary<(int, int, int), ILiteral> bounds, RectangleUtility f, int party)
    {
        var scale = UnitsOf(f);
        var literals = new List<ILiteral>();
        var coefs = new List<long>();
        long constant = 0, lo = 0, hi = 0;
        foreach (var r in f.Rectangles)
        {
            var c = (long)Math.Round(r.Utility * scale);
            if (c == 0) continue;
            var sides = r.Bounds.Where(b => OptionCells.IsEffective(b, cells.OptionCount(b.Issue))).ToList();
            if (sides.Count == 0)
            {
                // The box is the whole space: inclusive always pays, exclusive never.
                if (r.Kind == RectangleKind.Inclusive) constant += c;
                continue;
            }

            literals.Add(Applies(model, r.Kind, c > 0, sides.Select(b => Bound(model, cells, x, bounds, b)).ToArray()));
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
    private static ILiteral Applies(CpModel model, RectangleKind kind, bool positive, ILiteral[] sides)
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

    /// <summary>"The option of the bound's issue lies in the bound": the sum of its cells' Booleans, or one of them (negated when the bound leaves out a single cell).</summary>
    private static ILiteral Bound(CpModel model, OptionCells cells, BoolVar[][] x, Dictionary<(int, int, int), ILiteral> bounds, IssueBound b)
    {
        var key = (b.Issue, b.MinOption, b.MaxOption);
        if (bounds.TryGetValue(key, out var v)) return v;
        var inside = cells.CellsIn(b);
        var all = x[b.Issue];
        if (inside.Length == 0)
        {
            var never = model.NewBoolVar($"b{b.Issue}_none");
            model.Add(never == 0);
            v = never;
        }
        else if (inside.Length == 1) v = all[inside[0]];
        else if (inside.Length == all.Length - 1) v = all[Enumerable.Range(0, all.Length).First(c => !inside.Contains(c))].Not();
        else
        {
            var sum = model.NewBoolVar($"b{b.Issue}_{b.MinOption}_{b.MaxOption}");
            model.Add(sum == LinearExpr.Sum(inside.Select(c => all[c])));
            v = sum;
        }

        bounds[key] = v;
        return v;
    }

    /// <summary>The 10ᵏ a party's utilities and M are multiplied by in the model.</summary>
    private static double UnitsOf(RectangleUtility f) => Scale(f.Rectangles.Select(r => r.Utility).Append(f.MaxUtility));

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
