using Parley.Core.Settlement;

namespace Parley.Core.Tests.Settlement;

/// <summary>Seeded random problems for the oracle comparisons; values on a coarse grid so that ties are common.</summary>
internal static class RandomProblems
{
    public static SettlementProblem Create(
        int seed, int parties, int issues, int maxOptions,
        bool reservations = true, int redLines = 0, int constraints = 0, int interactions = 0, bool coarse = true)
    {
        var rng = new Random(seed);
        var space = new OutcomeSpace(Enumerable.Range(0, issues).Select(i =>
            SettlementIssue.Discrete($"I{i}", Enumerable.Range(0, rng.Next(2, maxOptions + 1)).Select(o => $"o{o}"))));
        double Value() => coarse ? rng.Next(0, 5) / 4.0 : rng.NextDouble();
        OptionRef AnyOption(int issue) => new(issue, rng.Next(space.Issues[issue].Count));
        (int, int) TwoIssues()
        {
            var a = rng.Next(issues);
            var b = (a + 1 + rng.Next(issues - 1)) % issues;
            return (a, b);
        }

        var profiles = new List<PreferenceProfile>();
        for (var p = 0; p < parties; p++)
        {
            var weights = Enumerable.Range(0, issues).Select(_ => coarse ? rng.Next(1, 4) / 6.0 : rng.NextDouble()).ToArray();
            var values = space.Issues.Select(i => Enumerable.Range(0, i.Count).Select(_ => Value()).ToArray()).ToArray();
            var terms = new List<Interaction>();
            for (var t = 0; t < interactions; t++)
            {
                var (a, b) = TwoIssues();
                terms.Add(new Interaction(AnyOption(a), AnyOption(b), (rng.Next(0, 5) - 2) / 8.0));
            }

            var lines = Enumerable.Range(0, redLines).Select(_ => AnyOption(rng.Next(issues))).ToList();
            var conds = new List<CrossIssueConstraint>();
            for (var c = 0; c < constraints; c++)
            {
                var (a, b) = TwoIssues();
                conds.Add(new CrossIssueConstraint(rng.Next(2) == 0 ? ConstraintKind.Requires : ConstraintKind.Excludes, AnyOption(a), AnyOption(b)));
            }

            var rv = reservations ? rng.Next(0, 4) / 10.0 * weights.Sum() : 0;
            profiles.Add(new PreferenceProfile($"P{p}", new UtilityFunction(weights, values, terms), rv, lines, conds));
        }

        return new SettlementProblem(space, profiles);
    }
}
