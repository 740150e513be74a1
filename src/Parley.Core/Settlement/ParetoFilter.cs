namespace Parley.Core.Settlement;

/// <summary>
/// Keeps the non-dominated candidates (in the sense of <see cref="UtilityVectors"/>), merging candidates equal within
/// ε into the first one met and adding up their counts.
/// </summary>
internal static class ParetoFilter
{
    /// <summary>
    /// Two parties: a sweep over candidates given in non-increasing u₁ order. The kept entries form a staircase with
    /// u₁ falling and u₂ rising by more than ε at each step; a candidate is dropped (or merged) when the last kept
    /// entry reaches its u₂, and removes the tail entries it dominates from within ε of its u₁.
    /// </summary>
    public static void SweepTwo(FrontierLayer kept, double u1, double u2, UInt128 count, int parent, int option)
    {
        Span<double> c = [u1, u2];
        if (kept.Size > 0)
        {
            var last = kept.Size - 1;
            var lastU2 = kept.U[last * 2 + 1];
            if (lastU2 >= u2 - UtilityVectors.Tolerance)
            {
                if (UtilityVectors.Equal(kept.Vector(last), c)) kept.AddCount(last, count);
                return;
            }

            while (kept.Size > 0 && kept.U[(kept.Size - 1) * 2] <= u1 + UtilityVectors.Tolerance) kept.RemoveLast();
        }

        kept.Add(c, count, parent, option);
    }

    /// <summary>
    /// Any number of parties: candidates in non-increasing order of Σuᵢ (a dominating vector never has a sum lower
    /// by more than n·ε). Each candidate is compared with every kept entry; a kept one removes the earlier entries
    /// within n·ε of its sum that it dominates. Returns null as soon as more than <paramref name="limit"/> entries
    /// are kept (the pairwise work grows with the square of the frontier).
    /// </summary>
    public static FrontierLayer? FilterBySum(int parties, double[] u, UInt128[] count, int[] parent, int[] option, int[] order, int limit = int.MaxValue)
    {
        var kept = new FrontierLayer(parties, Math.Min(order.Length, 1024));
        var sums = new List<double>();
        var alive = new List<bool>();
        var slack = parties * UtilityVectors.Tolerance;
        foreach (var idx in order)
        {
            var c = u.AsSpan(idx * parties, parties);
            var sum = 0.0;
            foreach (var x in c) sum += x;
            var fate = 0; // 0 keep, 1 merged, 2 dominated
            for (var k = 0; k < kept.Size; k++)
            {
                if (!alive[k]) continue;
                var v = kept.Vector(k);
                if (UtilityVectors.Equal(v, c))
                {
                    kept.AddCount(k, count[idx]);
                    fate = 1;
                    break;
                }

                if (UtilityVectors.Dominates(v, c))
                {
                    fate = 2;
                    break;
                }
            }

            if (fate != 0) continue;
            for (var k = kept.Size - 1; k >= 0 && sums[k] <= sum + slack; k--)
                if (alive[k] && UtilityVectors.Dominates(c, kept.Vector(k))) alive[k] = false;
            kept.Add(c, count[idx], parent[idx], option[idx]);
            sums.Add(sum);
            alive.Add(true);
            if (kept.Size > limit) return null;
        }

        kept.Compact([.. alive]);
        return kept;
    }
}
