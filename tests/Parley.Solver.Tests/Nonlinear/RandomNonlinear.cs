using Parley.Core.Settlement;
using Parley.Core.Settlement.Nonlinear;

namespace Parley.Solver.Tests.Nonlinear;

/// <summary>Seeded small nonlinear problems (integer issues, inclusive and exclusive rectangles, negative utilities, a cap) and their brute-force frontier.</summary>
internal static class RandomNonlinear
{
    public static NonlinearProblem Create(int seed, int issues = 4, int maxValues = 4, int rectangles = 8, int maxSides = int.MaxValue)
    {
        var random = new Random(seed);
        var space = new OutcomeSpace(Enumerable.Range(0, issues).Select(i => SettlementIssue.Integer($"i{i}", 0, random.Next(1, maxValues))));
        NonlinearProfile Profile(string party)
        {
            var rs = new List<HyperRectangle>();
            for (var k = 0; k < rectangles; k++)
            {
                var picked = Enumerable.Range(0, issues).Where(_ => random.NextDouble() < 0.5).ToList();
                if (picked.Count == 0) picked.Add(random.Next(issues));
                if (picked.Count > maxSides) picked = [.. picked.Take(maxSides)];
                var bounds = picked.Select(i =>
                {
                    var a = random.Next(space.Issues[i].Count);
                    var b = random.Next(space.Issues[i].Count);
                    return new IssueBound(i, Math.Min(a, b), Math.Max(a, b));
                });
                var kind = random.NextDouble() < 0.25 ? RectangleKind.Exclusive : RectangleKind.Inclusive;
                rs.Add(new HyperRectangle(kind, random.Next(-15, 60), bounds));
            }

            var positive = rs.Where(r => r.Utility > 0).Sum(r => r.Utility);
            // Sometimes a maxutility below the largest possible sum, so the cap at 1 matters.
            var max = Math.Max(1, random.NextDouble() < 0.3 ? positive * 0.6 : positive);
            return new NonlinearProfile(party, new RectangleUtility(rs, max, issues), reservation: random.NextDouble() < 0.5 ? 0 : 0.2);
        }

        return new NonlinearProblem(space, [Profile("a"), Profile("b")]);
    }

    /// <summary>Every outcome of the space.</summary>
    public static IEnumerable<Outcome> All(OutcomeSpace space)
    {
        var choice = new int[space.Issues.Length];
        while (true)
        {
            yield return new Outcome(choice);
            var i = 0;
            while (i < choice.Length && ++choice[i] == space.Issues[i].Count) choice[i++] = 0;
            if (i == choice.Length) yield break;
        }
    }

    /// <summary>The distinct non-dominated vectors over every outcome (within ε), by pairwise comparison.</summary>
    public static List<double[]> Frontier(NonlinearProblem problem)
    {
        var vectors = new List<double[]>();
        foreach (var x in All(problem.Space))
        {
            var u = problem.Utilities(x);
            if (!vectors.Any(v => UtilityVectors.Equal(v, u))) vectors.Add(u);
        }

        return [.. vectors.Where(v => !vectors.Any(w => UtilityVectors.Dominates(w, v)))];
    }
}
