namespace Parley.Core.Settlement;

/// <summary>
/// The exact Pareto frontier of an additive problem, built block by block with dominance pruning.
/// </summary>
/// <remarks>
/// Because u(x) = Σ_b u_b(x_b), an outcome whose restriction to the first k blocks is dominated there is dominated
/// in full (swap in the dominating prefix). So layer k+1 = non-dominated(layer k ⊕ options of block k+1), where each
/// block's own options are first reduced to its non-dominated ones. Counts multiply along the way and add up where
/// vectors coincide within ε, so every final vector knows how many outcomes reach it. Work and memory grow with the
/// frontier's size, never with the size of the space. Two parties use an O(N log m) merge-and-sweep; more parties a
/// sum-ordered pairwise filter.
/// </remarks>
internal sealed class AdditiveFrontier
{
    private readonly AdditiveBlocks _blocks;
    private readonly List<(int[] Parent, int[] Option)> _trail = [];
    private readonly List<int[]> _keptOptions = [];

    private AdditiveFrontier(AdditiveBlocks blocks) => _blocks = blocks;

    /// <summary>The final layer in canonical order (u₁ descending, then u₂ …), or null when it outgrew the limit.</summary>
    public FrontierLayer? Final { get; private set; }

    /// <summary>Π over blocks of the number of non-dominated block options: an upper bound on the frontier's size.</summary>
    public System.Numerics.BigInteger SizeBound { get; private set; } = System.Numerics.BigInteger.One;

    /// <summary>Builds the frontier; gives up (Final = null) once a layer holds more than <paramref name="maxFrontier"/> vectors.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled (checked after each block).</exception>
    public static AdditiveFrontier Build(AdditiveBlocks blocks, int maxFrontier, Action<int, int>? progress = null, CancellationToken ct = default)
    {
        var f = new AdditiveFrontier(blocks);
        f.Run(maxFrontier, progress, ct);
        return f;
    }

    private void Run(int maxFrontier, Action<int, int>? progress, CancellationToken ct)
    {
        var n = _blocks.Parties;
        var pruned = new List<FrontierLayer>();
        for (var b = 0; b < _blocks.Blocks.Length; b++)
        {
            ct.ThrowIfCancellationRequested();
            var blockFrontier = PruneBlock(_blocks.Blocks[b]);
            pruned.Add(blockFrontier);
            SizeBound *= blockFrontier.Size;
        }

        var current = new FrontierLayer(n, 1);
        current.Add(new double[n], 1, -1, -1);
        for (var b = 0; b < pruned.Count; b++)
        {
            ct.ThrowIfCancellationRequested();
            var options = pruned[b];
            _keptOptions.Add(options.Option[..options.Size]);
            var next = n == 2 ? StepTwo(current, options) : StepMany(current, options, maxFrontier);
            if (next is null || next.Size > maxFrontier) return;
            current = next;
            _trail.Add((current.Parent[..current.Size], current.Option[..current.Size]));
            progress?.Invoke(b + 1, pruned.Count);
        }

        var order = Enumerable.Range(0, current.Size).ToArray();
        var layer = current;
        Array.Sort(order, (a, c) => UtilityVectors.CompareDescending(layer.Vector(a), layer.Vector(c)));
        current.Permute(order);
        _trail[^1] = (current.Parent[..current.Size], current.Option[..current.Size]);
        Final = current;
    }

    /// <summary>The choices of one outcome reaching final entry <paramref name="entry"/>.</summary>
    public Outcome Example(int entry, int issues)
    {
        var choices = new int[issues];
        for (var b = _trail.Count - 1; b >= 0; b--)
        {
            var (parent, option) = _trail[b];
            _blocks.Apply(b, _keptOptions[b][option[entry]], choices);
            entry = parent[entry];
        }

        return new Outcome(choices);
    }

    private FrontierLayer PruneBlock(AdditiveBlocks.Block block)
    {
        var n = _blocks.Parties;
        var m = block.Count;
        var counts = Enumerable.Repeat(UInt128.One, m).ToArray();
        var idx = Enumerable.Range(0, m).ToArray();
        if (n == 2)
        {
            Array.Sort(idx, (a, c) => UtilityVectors.CompareDescending(block.Utilities.AsSpan(a * 2, 2), block.Utilities.AsSpan(c * 2, 2)));
            var kept = new FrontierLayer(2, m);
            foreach (var k in idx)
                ParetoFilter.SweepTwo(kept, block.Utilities[k * 2], block.Utilities[k * 2 + 1], 1, -1, k);
            return kept;
        }

        var sums = idx.Select(k => -Sum(block.Utilities.AsSpan(k * n, n))).ToArray();
        Array.Sort(sums, idx);
        return ParetoFilter.FilterBySum(n, block.Utilities, counts, new int[m], Enumerable.Range(0, m).ToArray(), idx)!;
    }

    private static FrontierLayer StepTwo(FrontierLayer f, FrontierLayer options)
    {
        // Each list f ⊕ bⱼ is in non-increasing u₁ order (adding a constant is monotone in IEEE arithmetic), so a
        // max-heap over one cursor per block option yields the union in non-increasing u₁ order for the sweep.
        var m = options.Size;
        if (m == 0 || f.Size == 0) return new FrontierLayer(2, 1);
        var pos = new int[m];
        var heap = new int[m];
        var key = new double[m];
        var size = 0;
        for (var j = 0; j < m; j++)
        {
            key[j] = f.U[0] + options.U[j * 2];
            heap[size++] = j;
            SiftUp(heap, key, size - 1);
        }

        var kept = new FrontierLayer(2, Math.Max(f.Size, 16));
        while (size > 0)
        {
            var j = heap[0];
            var i = pos[j];
            ParetoFilter.SweepTwo(kept, key[j], f.U[i * 2 + 1] + options.U[j * 2 + 1], checked(f.Count[i] * options.Count[j]), i, j);
            if (++pos[j] < f.Size)
            {
                key[j] = f.U[pos[j] * 2] + options.U[j * 2];
                SiftDown(heap, key, size, 0);
            }
            else
            {
                heap[0] = heap[--size];
                SiftDown(heap, key, size, 0);
            }
        }

        return kept;
    }

    private static void SiftUp(int[] heap, double[] key, int i)
    {
        while (i > 0)
        {
            var p = (i - 1) / 2;
            if (key[heap[p]] >= key[heap[i]]) return;
            (heap[p], heap[i]) = (heap[i], heap[p]);
            i = p;
        }
    }

    private static void SiftDown(int[] heap, double[] key, int size, int i)
    {
        while (true)
        {
            var l = 2 * i + 1;
            if (l >= size) return;
            var best = l + 1 < size && key[heap[l + 1]] > key[heap[l]] ? l + 1 : l;
            if (key[heap[i]] >= key[heap[best]]) return;
            (heap[i], heap[best]) = (heap[best], heap[i]);
            i = best;
        }
    }

    private static FrontierLayer? StepMany(FrontierLayer f, FrontierLayer options, int limit)
    {
        var n = f.Parties;
        var total = f.Size * options.Size;
        var u = new double[total * n];
        var count = new UInt128[total];
        var parent = new int[total];
        var option = new int[total];
        var sums = new double[total];
        var c = 0;
        for (var i = 0; i < f.Size; i++)
        {
            for (var j = 0; j < options.Size; j++, c++)
            {
                var s = 0.0;
                for (var p = 0; p < n; p++)
                {
                    var x = f.U[i * n + p] + options.U[j * n + p];
                    u[c * n + p] = x;
                    s += x;
                }

                sums[c] = -s;
                count[c] = checked(f.Count[i] * options.Count[j]);
                parent[c] = i;
                option[c] = j;
            }
        }

        var order = Enumerable.Range(0, total).ToArray();
        Array.Sort(sums, order);
        return ParetoFilter.FilterBySum(n, u, count, parent, option, order, limit);
    }

    private static double Sum(ReadOnlySpan<double> v)
    {
        var s = 0.0;
        foreach (var x in v) s += x;
        return s;
    }
}
