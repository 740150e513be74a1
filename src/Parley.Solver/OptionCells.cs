using Parley.Core.Settlement.Nonlinear;

namespace Parley.Solver;

/// <summary>
/// The options of each issue grouped into cells: two options share a cell when every effective bound of every
/// rectangle (of every party) holds for both or for neither. Every rectangle applies to a package exactly when it applies
/// to the package with any option replaced by another of its cell, so every utility is constant over a cell and the
/// frontier can be searched over cells (one option per cell stands for it: the lowest).
/// </summary>
/// <remarks>
/// A bound is effective when it excludes some option of its issue; one covering the whole issue always holds and is
/// dropped with no effect. On the ANAC 2014 50-issue domain (S-1NAGUNL-255) this leaves 1–9 cells per issue, 10³¹·⁵
/// cell packages instead of 10⁵⁰; an issue no effective bound names is one cell.
/// </remarks>
internal sealed class OptionCells
{
    private readonly int[][] _cellOf;
    private readonly int[][] _representative;

    /// <summary>Groups the options of <paramref name="optionCounts"/>.Length issues by the effective bounds of <paramref name="rectangles"/>.</summary>
    public OptionCells(IReadOnlyList<int> optionCounts, IEnumerable<HyperRectangle> rectangles)
    {
        var sides = optionCounts.Select(_ => new HashSet<(int Min, int Max)>()).ToArray();
        foreach (var r in rectangles)
            foreach (var b in r.Bounds)
                if (IsEffective(b, optionCounts[b.Issue])) sides[b.Issue].Add((b.MinOption, Math.Min(b.MaxOption, optionCounts[b.Issue] - 1)));
        _cellOf = new int[optionCounts.Count][];
        _representative = new int[optionCounts.Count][];
        for (var i = 0; i < optionCounts.Count; i++)
        {
            var list = sides[i].ToArray();
            var signatures = new Dictionary<string, int>();
            var representatives = new List<int>();
            _cellOf[i] = new int[optionCounts[i]];
            for (var o = 0; o < optionCounts[i]; o++)
            {
                var option = o;
                var signature = string.Concat(list.Select(s => s.Min <= option && option <= s.Max ? '1' : '0'));
                if (!signatures.TryGetValue(signature, out var cell))
                {
                    cell = representatives.Count;
                    signatures.Add(signature, cell);
                    representatives.Add(o);
                }

                _cellOf[i][o] = cell;
            }

            _representative[i] = [.. representatives];
        }
    }

    /// <summary>The number of issues.</summary>
    public int Issues => _cellOf.Length;

    /// <summary>The number of cells of issue <paramref name="issue"/> (1 when no effective bound names it).</summary>
    public int Count(int issue) => _representative[issue].Length;

    /// <summary>The number of options of issue <paramref name="issue"/>.</summary>
    public int OptionCount(int issue) => _cellOf[issue].Length;

    /// <summary>The lowest option of the cell, which stands for all of it.</summary>
    public int Representative(int issue, int cell) => _representative[issue][cell];

    /// <summary>The cells whose options lie in the bound (every option of a cell lies in it or none does).</summary>
    public int[] CellsIn(IssueBound bound)
    {
        var hi = Math.Min(bound.MaxOption, _cellOf[bound.Issue].Length - 1);
        return [.. Enumerable.Range(bound.MinOption, Math.Max(0, hi - bound.MinOption + 1)).Select(o => _cellOf[bound.Issue][o]).Distinct().Order()];
    }

    /// <summary>True when the bound excludes some option of its issue (one covering them all always holds).</summary>
    public static bool IsEffective(IssueBound bound, int options) => bound.MinOption > 0 || bound.MaxOption < options - 1;
}
