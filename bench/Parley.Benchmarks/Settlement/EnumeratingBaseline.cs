using Parley.Core.Settlement;

namespace Parley.Benchmarks.Settlement;

/// <summary>
/// The baseline the research platforms use: enumerate every outcome, then filter. For two parties the filter is a
/// sort-and-sweep (O(N log N)); for more, a pairwise filter in order of Σu. It computes the same figures as the
/// engine (acceptable count, frontier, Nash, egalitarian, utilitarian) and exists only to be measured against.
/// </summary>
internal static class EnumeratingBaseline
{
    public static (long Acceptable, int Frontier, double Nash) Run(SettlementProblem problem)
    {
        var n = problem.PartyCount;
        var space = problem.Space;
        var r = problem.Profiles.Select(p => p.Reservation).ToArray();
        var digits = new int[space.Issues.Length];
        var all = new List<double[]>();
        long acceptable = 0;
        while (true)
        {
            var o = new Outcome(digits);
            if (problem.IsFeasible(o))
            {
                var u = problem.Utilities(o);
                if (BargainingRules.IsRational(u, r))
                {
                    acceptable++;
                    all.Add(u);
                }
            }

            var k = digits.Length - 1;
            while (k >= 0 && ++digits[k] == space.Issues[k].Count) digits[k--] = 0;
            if (k < 0) break;
        }

        var frontier = new List<double[]>();
        if (n == 2)
        {
            all.Sort((a, b) => UtilityVectors.CompareDescending(a, b));
            var best = double.NegativeInfinity;
            foreach (var u in all)
            {
                if (u[1] <= best + UtilityVectors.Tolerance) continue;
                frontier.Add(u);
                best = u[1];
            }
        }
        else
        {
            all.Sort((a, b) => b.Sum().CompareTo(a.Sum()));
            foreach (var u in all)
                if (!frontier.Any(f => UtilityVectors.Dominates(f, u) || UtilityVectors.Equal(f, u))) frontier.Add(u);
        }

        var nash = frontier.Count == 0 ? 0 : frontier.Max(u => BargainingRules.Objective(BargainingSolution.Nash, u, r, r));
        return (acceptable, frontier.Count, nash);
    }
}
