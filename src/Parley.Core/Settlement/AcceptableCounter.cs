using System.Numerics;

namespace Parley.Core.Settlement;

/// <summary>
/// Counts the permitted outcomes with uᵢ ≥ rᵢ for every party — compared exactly in double arithmetic on the utility
/// summed block by block from 0, as GENIUS does — without enumerating the space.
/// </summary>
/// <remarks>
/// Parties whose reservation is at or below the least utility any permitted outcome gives them impose nothing and
/// are dropped. With no party left the count is the product of the block sizes. Otherwise the blocks are split in two
/// halves of balanced size (meet in the middle). A pair (left, right) whose summed utilities clear every reservation by
/// more than δ = 1e-9 counts at once (one active party: sorted search; two: an offline sweep with a Fenwick tree;
/// more: all pairs); pairs within δ of a reservation are settled by recomputing their utilities in block order, so
/// the count equals the exact sequential-sum semantics. When a half exceeds <c>maxHalf</c> vectors (or, for three or
/// more active parties, the pairs exceed 64·<c>maxHalf</c>) the count is unknown and null is returned.
/// </remarks>
internal sealed class AcceptableCounter
{
    private const double Delta = 1e-9;
    private readonly AdditiveBlocks _blocks;
    private readonly int[] _active;
    private readonly double[] _need;
    private readonly List<int> _left = [];
    private readonly List<int> _right = [];

    private AcceptableCounter(AdditiveBlocks blocks, int[] active, double[] need)
    {
        _blocks = blocks;
        _active = active;
        _need = need;
    }

    public static BigInteger? Count(AdditiveBlocks blocks, IReadOnlyList<double> reservations, int maxHalf, CancellationToken ct = default)
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

            if (least < reservations[p] + Delta) active.Add(p);
        }

        if (active.Count == 0) return blocks.Blocks.Aggregate(BigInteger.One, (acc, b) => acc * b.Count);
        var counter = new AcceptableCounter(blocks, [.. active], [.. active.Select(p => reservations[p])]) { _ct = ct };
        double lp = 1, rp = 1;
        foreach (var b in Enumerable.Range(0, blocks.Blocks.Length).OrderByDescending(i => blocks.Blocks[i].Count))
        {
            if (lp <= rp) { counter._left.Add(b); lp *= blocks.Blocks[b].Count; }
            else { counter._right.Add(b); rp *= blocks.Blocks[b].Count; }
        }

        if (lp > maxHalf || rp > maxHalf) return null;
        if (active.Count > 2 && lp * rp > 64.0 * maxHalf) return null;
        var a = counter.Enumerate(counter._left);
        var c = counter.Enumerate(counter._right);
        return active.Count switch
        {
            1 => counter.CountOne(a, c),
            2 => counter.CountTwo(a, c),
            _ => counter.CountMany(a, c),
        };
    }

    private CancellationToken _ct;

    private double[] Enumerate(List<int> which)
    {
        var k = _active.Length;
        var acc = new List<double>(new double[k]);
        foreach (var b in which)
        {
            _ct.ThrowIfCancellationRequested();
            var block = _blocks.Blocks[b];
            var next = new List<double>(acc.Count * block.Count);
            for (var i = 0; i < acc.Count; i += k)
                for (var o = 0; o < block.Count; o++)
                    for (var j = 0; j < k; j++)
                        next.Add(acc[i + j] + block.Utilities[o * _blocks.Parties + _active[j]]);
            acc = next;
        }

        return [.. acc];
    }

    /// <summary>Recomputes the pair's utilities in block order and compares them exactly.</summary>
    private bool Exact(int leftIndex, int rightIndex)
    {
        var option = new int[_blocks.Blocks.Length];
        Decode(_left, leftIndex, option);
        Decode(_right, rightIndex, option);
        for (var j = 0; j < _active.Length; j++)
        {
            var u = 0.0;
            for (var b = 0; b < option.Length; b++) u += _blocks.Blocks[b].Utilities[option[b] * _blocks.Parties + _active[j]];
            if (!(u >= _need[j])) return false;
        }

        return true;
    }

    private void Decode(List<int> which, int index, int[] option)
    {
        for (var i = which.Count - 1; i >= 0; i--)
        {
            var count = _blocks.Blocks[which[i]].Count;
            option[which[i]] = index % count;
            index /= count;
        }
    }

    private BigInteger CountOne(double[] a, double[] c)
    {
        var order = Enumerable.Range(0, c.Length).OrderBy(i => c[i]).ToArray();
        var sorted = order.Select(i => c[i]).ToArray();
        BigInteger total = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var t = _need[0] - a[i];
            var lo = LowerBound(sorted, t - Delta);
            var hi = LowerBound(sorted, t + Delta);
            total += sorted.Length - hi;
            for (var k = lo; k < hi; k++)
                if (Exact(i, order[k])) total++;
        }

        return total;
    }

    private BigInteger CountTwo(double[] a, double[] c)
    {
        var na = a.Length / 2;
        var nc = c.Length / 2;
        var ys = Enumerable.Range(0, nc).Select(i => c[i * 2 + 1]).Distinct().OrderBy(y => y).ToArray();
        var byX = Enumerable.Range(0, nc).OrderByDescending(i => c[i * 2]).ToArray();
        var byY = Enumerable.Range(0, nc).OrderBy(i => c[i * 2 + 1]).ToArray();
        var xsAscending = byX.Reverse().Select(i => c[i * 2]).ToArray();
        var ysAscending = byY.Select(i => c[i * 2 + 1]).ToArray();
        var queries = Enumerable.Range(0, na).OrderByDescending(i => _need[0] - a[i * 2]).ToArray();
        var tree = new long[ys.Length + 1];
        BigInteger total = 0;
        var passed = 0;
        foreach (var i in queries)
        {
            double qx = _need[0] - a[i * 2], qy = _need[1] - a[i * 2 + 1];

            // Certain: x ≥ qx + δ and y ≥ qy + δ, by a sweep in decreasing x with a Fenwick tree over ranks of y.
            while (passed < byX.Length && c[byX[passed] * 2] >= qx + Delta)
            {
                for (var r = Array.BinarySearch(ys, c[byX[passed] * 2 + 1]) + 1; r <= ys.Length; r += r & -r) tree[r]++;
                passed++;
            }

            long below = 0;
            for (var r = LowerBound(ys, qy + Delta); r > 0; r -= r & -r) below += tree[r];
            total += passed - below;

            // Borderline in x (any y), then borderline in y with x certain: settled exactly.
            for (var k = LowerBound(xsAscending, qx - Delta); k < xsAscending.Length && xsAscending[k] < qx + Delta; k++)
                if (Exact(i, byX[byX.Length - 1 - k])) total++;
            for (var k = LowerBound(ysAscending, qy - Delta); k < ysAscending.Length && ysAscending[k] < qy + Delta; k++)
                if (c[byY[k] * 2] >= qx + Delta && Exact(i, byY[k])) total++;
        }

        return total;
    }

    private BigInteger CountMany(double[] a, double[] c)
    {
        var k = _active.Length;
        long total = 0;
        for (var i = 0; i < a.Length / k; i++)
        {
            if ((i & 1023) == 0) _ct.ThrowIfCancellationRequested();
            for (var j = 0; j < c.Length / k; j++)
            {
                var certain = true;
                var possible = true;
                for (var d = 0; d < k && possible; d++)
                {
                    var s = a[i * k + d] + c[j * k + d];
                    possible = s >= _need[d] - Delta;
                    certain &= s >= _need[d] + Delta;
                }

                if (certain || (possible && Exact(i, j))) total++;
            }
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
}
