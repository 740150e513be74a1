using Google.OrTools.Sat;
using Parley.Core.Settlement;

namespace Parley.Solver;

/// <summary>
/// A settlement problem as a CP-SAT model: one Boolean per permitted option (exactly one per issue), constraints as
/// implications and exclusions, one Boolean per interacting pair (equal to the AND of its options), and per party an
/// integer Uₚ = Σ round(S·wᵢ·vᵢ)·x + Σ round(S·bonus)·y, utilities in units of 1/S.
/// </summary>
internal sealed class SatModel
{
    private readonly List<BoolVar[]> _x = [];

    public SatModel(SettlementProblem problem, double scale)
    {
        Problem = problem;
        Scale = scale;
        Model = new CpModel();
        var banned = new HashSet<OptionRef>(problem.Profiles.SelectMany(p => p.RedLines));
        for (var i = 0; i < problem.Space.Issues.Length; i++)
        {
            var vars = new BoolVar[problem.Space.Issues[i].Count];
            for (var o = 0; o < vars.Length; o++)
            {
                vars[o] = Model.NewBoolVar($"x{i}_{o}");
                if (banned.Contains(new OptionRef(i, o))) Model.Add(vars[o] == 0);
            }

            Model.AddExactlyOne(vars);
            _x.Add(vars);
        }

        foreach (var c in problem.Profiles.SelectMany(p => p.Constraints))
        {
            if (c.Kind == ConstraintKind.Requires) Model.AddImplication(X(c.If), X(c.Then));
            else Model.AddBoolOr([X(c.If).Not(), X(c.Then).Not()]);
        }

        var pairs = new Dictionary<(OptionRef, OptionRef), BoolVar>();
        Utilities = new IntVar[problem.PartyCount];
        for (var p = 0; p < problem.PartyCount; p++)
        {
            var f = problem.Profiles[p].Utility;
            var vars = new List<ILiteral>();
            var coefs = new List<long>();
            long lo = 0, hi = 0;
            for (var i = 0; i < _x.Count; i++)
            {
                var row = Enumerable.Range(0, _x[i].Length).Select(o => Scaled(f.Contribution(i, o))).ToArray();
                lo += row.Min();
                hi += row.Max();
                vars.AddRange(_x[i]);
                coefs.AddRange(row);
            }

            foreach (var t in f.Interactions)
            {
                var key = (t.First, t.Second);
                if (!pairs.TryGetValue(key, out var y))
                {
                    y = Model.NewBoolVar("y");
                    Model.AddBoolAnd([X(t.First), X(t.Second)]).OnlyEnforceIf(y);
                    Model.AddBoolOr([X(t.First).Not(), X(t.Second).Not()]).OnlyEnforceIf(y.Not());
                    pairs[key] = y;
                }

                var b = Scaled(t.Bonus);
                lo += Math.Min(b, 0);
                hi += Math.Max(b, 0);
                vars.Add(y);
                coefs.Add(b);
            }

            Utilities[p] = Model.NewIntVar(lo, hi, $"u{p}");
            Model.Add(Utilities[p] == LinearExpr.WeightedSum(vars, coefs));
            Terms = Math.Max(Terms, coefs.Count);
        }
    }

    public SettlementProblem Problem { get; }
    public double Scale { get; }
    public CpModel Model { get; }

    /// <summary>Uₚ in units of 1/S.</summary>
    public IntVar[] Utilities { get; }

    /// <summary>The most rounded terms in one party's sum: the rounding error of Uₚ is below Terms·½ units.</summary>
    public int Terms { get; private set; }

    public long Scaled(double value) => (long)Math.Round(value * Scale);

    public BoolVar X(OptionRef r) => _x[r.Issue][r.Option];

    /// <summary>Uₚ ≥ the scaled reservation minus the rounding slack; the true check is done on the returned package.</summary>
    public void RequireRational()
    {
        for (var p = 0; p < Problem.PartyCount; p++)
            Model.Add(Utilities[p] >= (long)Math.Ceiling(Problem.Profiles[p].Reservation * Scale - Terms * 0.5));
    }

    public Outcome Read(CpSolver solver) =>
        new(_x.Select(vars => Array.FindIndex(vars, v => solver.BooleanValue(v))));

    /// <summary>Forbids exactly this package (a no-good cut), used when its true utility misses a reservation.</summary>
    public void Exclude(Outcome outcome) =>
        Model.AddBoolOr(_x.Select((vars, i) => (ILiteral)vars[outcome[i]].Not()));

    /// <summary>A starting point for the search: per issue, the permitted option with the largest Σₚ contribution (CP-SAT repairs it if it breaks a constraint).</summary>
    public Outcome GreedyStart()
    {
        var banned = new HashSet<OptionRef>(Problem.Profiles.SelectMany(p => p.RedLines));
        return new Outcome(Enumerable.Range(0, _x.Count).Select(i =>
        {
            var best = 0;
            var bestValue = double.NegativeInfinity;
            for (var o = 0; o < _x[i].Length; o++)
            {
                if (banned.Contains(new OptionRef(i, o))) continue;
                var v = Problem.Profiles.Sum(p => p.Utility.Contribution(i, o));
                if (v > bestValue) (best, bestValue) = (o, v);
            }

            return best;
        }));
    }

    public void Hint(Outcome outcome)
    {
        Model.ClearHints();
        for (var i = 0; i < _x.Count; i++)
            for (var o = 0; o < _x[i].Length; o++) Model.AddHint(_x[i][o], o == outcome[i]);
    }
}
