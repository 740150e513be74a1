using Parley.Core.Settlement.Nonlinear;

namespace Parley.Solver;

/// <summary>
/// Cells the frontier walk can leave out without losing a frontier vector, for problems whose rectangles each bound at
/// most two issues of several cells (pairwise, as in the ANAC 2014 50-issue domain; none is left out otherwise).
/// </summary>
/// <remarks>
/// <para>In a pairwise problem party p's Fₚ = cₚ + Σᵢ aₚᵢ(xᵢ) + Σ₍ᵢ,ⱼ₎ gₚᵢⱼ(xᵢ, xⱼ) over cells: a one-sided rectangle
/// adds its utility to the cells inside its bound, a two-sided one to the pairs of cells inside both bounds, and an
/// exclusive rectangle is its utility minus the inclusive one (it pays outside the box). Cell d of issue i
/// <em>dominates</em> cell c when swapping c for d never lowers any party's F, whatever the other issues' cells:
/// for every p, aₚᵢ(d) − aₚᵢ(c) + Σⱼ min over the cells y of j still in play of (gₚᵢⱼ(d, y) − gₚᵢⱼ(c, y)) ≥ 0.
/// Uₚ = min(Fₚ, M) is monotone in Fₚ, so swapping never lowers a utility either.</para>
/// <para>Cells are left out one at a time, each dominated by a cell still in play within the packages still in play;
/// then every package in play that uses the cell has a swapped twin in play at least as good for both parties, so a
/// frontier vector of the packages in play (itself, being Pareto-optimal, not strictly beaten) keeps a package with
/// exactly that vector. By induction the frontier vectors of what remains are those of the whole space. Two cells
/// that dominate each other (equal in every respect) lose the one examined first, never both: only a cell still in
/// play can dominate. On S-1NAGUNL-255 148 of 227 cells go (docs/benchmarks.md run F).</para>
/// </remarks>
internal static class DominatedCells
{
    /// <summary>Per issue and cell, true when the cell is left out; all false for a problem that is not pairwise.</summary>
    /// <param name="cells">The cells of the problem's issues.</param>
    /// <param name="utilities">The parties' functions.</param>
    /// <param name="scales">Per party the 10ᵏ its utilities are multiplied by (and rounded) in the model.</param>
    public static bool[][] Find(OptionCells cells, IReadOnlyList<RectangleUtility> utilities, IReadOnlyList<double> scales)
    {
        var n = cells.Issues;
        var parties = utilities.Count;
        var outOfPlay = Enumerable.Range(0, n).Select(i => new bool[cells.Count(i)]).ToArray();
        var unary = Enumerable.Range(0, parties).Select(_ => Enumerable.Range(0, n).Select(i => new long[cells.Count(i)]).ToArray()).ToArray();
        // Per issue its pairwise terms, each as (other issue, per party g(own cell, other cell)).
        var pairs = new Dictionary<(int, int), long[][,]>();
        for (var p = 0; p < parties; p++)
            foreach (var r in utilities[p].Rectangles)
            {
                var c = (long)Math.Round(r.Utility * scales[p]);
                if (c == 0) continue;
                var sides = Sides(cells, r, out var empty);
                if (empty) continue;
                var sign = r.Kind == RectangleKind.Inclusive ? c : -c; // an exclusive rectangle: c − c·[inside]
                if (sides.Count > 2) return outOfPlay;
                if (sides.Count == 1)
                    for (var x = 0; x < sides[0].Inside.Length; x++)
                        if (sides[0].Inside[x]) unary[p][sides[0].Issue][x] += sign;
                if (sides.Count != 2) continue;
                foreach (var (a, b) in new[] { (sides[0], sides[1]), (sides[1], sides[0]) })
                {
                    if (!pairs.TryGetValue((a.Issue, b.Issue), out var g))
                        pairs[(a.Issue, b.Issue)] = g = [.. Enumerable.Range(0, parties).Select(_ => new long[cells.Count(a.Issue), cells.Count(b.Issue)])];
                    for (var x = 0; x < a.Inside.Length; x++)
                        for (var y = 0; y < b.Inside.Length; y++)
                            if (a.Inside[x] && b.Inside[y]) g[p][x, y] += sign;
                }
            }

        var neighbours = Enumerable.Range(0, n).Select(i => pairs.Where(kv => kv.Key.Item1 == i).Select(kv => (Issue: kv.Key.Item2, G: kv.Value)).ToArray()).ToArray();
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i < n; i++)
                for (var c = 0; c < cells.Count(i); c++)
                    if (!outOfPlay[i][c] && Enumerable.Range(0, cells.Count(i)).Any(d => d != c && !outOfPlay[i][d] && Dominates(i, d, c)))
                        outOfPlay[i][c] = changed = true;
        }

        return outOfPlay;

        bool Dominates(int i, int d, int c) => Enumerable.Range(0, parties).All(p =>
            unary[p][i][d] - unary[p][i][c] + neighbours[i].Sum(e =>
                Enumerable.Range(0, cells.Count(e.Issue)).Where(y => !outOfPlay[e.Issue][y]).Min(y => e.G[p][d, y] - e.G[p][c, y])) >= 0);
    }

    /// <summary>
    /// The rectangle's sides on issues of several cells, each as the cells inside it; <paramref name="empty"/> when a
    /// side holds for no cell (the box is empty: the rectangle pays always or never, a constant). A side every cell
    /// meets is no side.
    /// </summary>
    private static List<(int Issue, bool[] Inside)> Sides(OptionCells cells, HyperRectangle r, out bool empty)
    {
        var sides = new List<(int, bool[])>();
        empty = false;
        foreach (var b in r.Bounds)
        {
            var inside = new bool[cells.Count(b.Issue)];
            foreach (var c in cells.CellsIn(b)) inside[c] = true;
            if (inside.All(v => v)) continue;
            if (!inside.Any(v => v)) { empty = true; break; }
            sides.Add((b.Issue, inside));
        }

        return sides;
    }
}
