using System.Numerics;

namespace Parley.Core.Settlement;

/// <summary>
/// Counts the feasible outcomes with uᵢ ≥ rᵢ − ε for every party, without enumerating the space.
/// </summary>
/// <remarks>
/// Parties whose reservation lies at or below the least utility any feasible outcome gives them impose nothing and
/// are dropped. With no party left the count is the product of the block sizes. Otherwise the blocks are split in two
/// halves of balanced size (meet in the middle); for one active party the right half is sorted and searched, for two
/// an offline sweep with a Fenwick tree counts dominance pairs in O(N log N), for more the half-pairs are tried
/// directly. When a half exceeds <c>maxHalf</c> vectors (or the pairs exceed <c>maxHalf</c>² / 16 for 3+ active
/// parties) the count is unknown and null is returned.
/// </remarks>
internal static class AcceptableCounter
{
    public static BigInteger? Count(AdditiveBlocks blocks, IReadOnlyList<double> reservations, int maxHalf)
    {
        var n = blocks.Parties;
        if (blocks.Blocks.Any(b => b.Count == 0)) return BigInteger.Zero;
        var active = new List<int>();
        for (var p = 0; p < n; p++)
        {
            var least = 0.0;
            foreach (var b in blocks.Blocks)
            {
                var min = double.MaxValue;
                for (var k = 0; k < b.Count; k++) min = Math.Min(min, b.Utilities[k * n + p]);
                least += min;
            }

            if (least < reservations[p] - UtilityVectors.Tolerance) active.Add(p);
        }

        var all = blocks.Blocks.Aggregate(BigInteger.One, (acc, b) => acc * b.Count);
        if (active.Count == 0) return all;

        // Split so the two halves' products are as even as possible (greedy on the running product).
        var left = new List<int>();
        var right = new List<int>();
        double lp = 1, rp = 1;
        foreach (var b in Enumerable.Range(0, blocks.Blocks.Length).OrderByDescending(i => blocks.Blocks[i].Count))
        {
            if (lp <= rp) { left.Add(b); lp *= blocks.Blocks[b].Count; }
            else { right.Add(b); rp *= blocks.Blocks[b].Count; }
        }

        if (lp > maxHalf || rp > maxHalf) return null;
        var a = Enumerate(blocks, left, active);
        var c = Enumerate(blocks, right, active);
        var need = active.Select(p => reservations[p] - UtilityVectors.Tolerance).ToArray();
        return active.Count switch
        {
            1 => CountOne(a, c, need[0]),
            2 => CountTwo(a, c, need),
            _ => (double)a.Length / active.Count * c.Length / active.Count <= (double)maxHalf * maxHalf / 16 ? CountMany(a, c, need) : null,
        };
    }

    private static double[] Enumerate(AdditiveBlocks blocks, List<int> which, List<int> active)
    {
        var k = active.Count;
        var acc = new List<double>(new double[k]);
        foreach (var b in which)
        {
            var block = blocks.Blocks[b];
            var next = new List<double>(acc.Count * block.Count);
            for (var i = 0; i < acc.Count; i += k)
                for (var o = 0; o < block.Count; o++)
                    for (var j = 0; j < k; j++)
                        next.Add(acc[i + j] + block.Utilities[o * blocks.Parties + active[j]]);
            acc = next;
        }

        return [.. acc];
    }

    private static BigInteger CountOne(double[] a, double[] c, double need)
    {
        Array.Sort(c);
        BigInteger total = 0;
        foreach (var x in a)
        {
            // Right values ≥ need − x.
            var lo = 0;
            var hi = c.Length;
            var t = need - x;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (c[mid] < t) lo = mid + 1; else hi = mid;
            }

            total += c.Length - lo;
        }

        return total;
    }

    private static BigInteger CountTwo(double[] a, double[] c, double[] need)
    {
        // Count pairs with a.x + c.x ≥ need₀ and a.y + c.y ≥ need₁: points c against queries q = need − a,
        // swept in decreasing x while a Fenwick tree over the ranks of c.y holds the points already passed.
        var na = a.Length / 2;
        var nc = c.Length / 2;
        var ys = Enumerable.Range(0, nc).Select(i => c[i * 2 + 1]).Distinct().OrderBy(y => y).ToArray();
        var points = Enumerable.Range(0, nc).OrderByDescending(i => c[i * 2]).ToArray();
        var queries = Enumerable.Range(0, na).Select(i => (X: need[0] - a[i * 2], Y: need[1] - a[i * 2 + 1])).OrderByDescending(q => q.X).ToArray();
        var tree = new long[ys.Length + 1];
        BigInteger total = 0;
        var passed = 0;
        var p = 0;
        foreach (var q in queries)
        {
            while (p < points.Length && c[points[p] * 2] >= q.X)
            {
                var r = Array.BinarySearch(ys, c[points[p] * 2 + 1]) + 1;
                for (; r <= ys.Length; r += r & -r) tree[r]++;
                passed++;
                p++;
            }

            // Points passed with y < q.Y: prefix up to the last rank below q.Y.
            var below = LowerBound(ys, q.Y);
            long less = 0;
            for (var r = below; r > 0; r -= r & -r) less += tree[r];
            total += passed - less;
        }

        return total;
    }

    private static int LowerBound(double[] sorted, double value)
    {
        var lo = 0;
        var hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }

        return lo;
    }

    private static BigInteger CountMany(double[] a, double[] c, double[] need)
    {
        var k = need.Length;
        long total = 0;
        for (var i = 0; i < a.Length; i += k)
        {
            for (var j = 0; j < c.Length; j += k)
            {
                var ok = true;
                for (var d = 0; d < k && ok; d++) ok = a[i + d] + c[j + d] >= need[d];
                if (ok) total++;
            }
        }

        return total;
    }
}
