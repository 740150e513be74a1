using Parley.Core.Settlement;

namespace Parley.Core.Tests.Settlement;

/// <summary>
/// The test oracle: enumerates every outcome and applies the definitions literally, pairwise dominance and all.
/// Never used by the product.
/// </summary>
internal static class BruteForce
{
    public sealed record Result(
        long Outcomes,
        long Acceptable,
        List<(double[] U, long Count, Outcome Example)> Pareto,
        double[] Ideal,
        double? Opposition,
        Dictionary<BargainingSolution, double?> Objectives);

    public static IEnumerable<Outcome> Enumerate(OutcomeSpace space)
    {
        var digits = new int[space.Issues.Length];
        while (true)
        {
            yield return new Outcome(digits);
            var k = digits.Length - 1;
            while (k >= 0 && ++digits[k] == space.Issues[k].Count) digits[k--] = 0;
            if (k < 0) yield break;
        }
    }

    public static Result Solve(SettlementProblem problem)
    {
        var n = problem.PartyCount;
        var reservations = problem.Profiles.Select(p => p.Reservation).ToArray();
        var all = Enumerate(problem.Space).ToList();
        var permitted = all.Where(problem.IsFeasible).Select(o => (O: o, U: problem.Utilities(o))).ToList();
        var acceptable = permitted.Where(x => BargainingRules.IsRational(x.U, reservations)).ToList();
        var ideal = Enumerable.Range(0, n).Select(p => permitted.Count == 0 ? 0 : permitted.Max(x => x.U[p])).ToArray();

        var optimal = acceptable.Where(x => !acceptable.Any(y => UtilityVectors.Dominates(y.U, x.U))).ToList();
        var pareto = new List<(double[] U, long Count, Outcome Example)>();
        foreach (var x in optimal)
        {
            var i = pareto.FindIndex(p => UtilityVectors.Equal(p.U, x.U));
            if (i < 0) pareto.Add((x.U, 1, x.O));
            else pareto[i] = (pareto[i].U, pareto[i].Count + 1, pareto[i].Example);
        }

        var objectives = new Dictionary<BargainingSolution, double?>();
        foreach (var s in Enum.GetValues<BargainingSolution>())
        {
            var candidates = s == BargainingSolution.KalaiSmorodinsky ? optimal : acceptable;
            objectives[s] = candidates.Count == 0 ? null : candidates.Max(x => BargainingRules.Objective(s, x.U, reservations, ideal));
        }

        double? opposition = permitted.Count == 0 ? null : permitted.Min(x => BargainingRules.OppositionDistance(x.U, ideal));
        return new Result(all.Count, acceptable.Count, pareto, ideal, opposition, objectives);
    }
}
