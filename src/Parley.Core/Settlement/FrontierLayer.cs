namespace Parley.Core.Settlement;

/// <summary>
/// A set of mutually non-dominated utility vectors (partial sums over the first blocks) with, for each, how many
/// partial outcomes reach it and a back-pointer (parent entry in the previous layer, block option) to one of them.
/// </summary>
internal sealed class FrontierLayer
{
    public FrontierLayer(int parties, int capacity)
    {
        Parties = parties;
        U = new double[Math.Max(capacity, 1) * parties];
        Count = new UInt128[Math.Max(capacity, 1)];
        Parent = new int[Math.Max(capacity, 1)];
        Option = new int[Math.Max(capacity, 1)];
    }

    public int Parties { get; }
    public int Size { get; private set; }
    public double[] U { get; private set; }
    public UInt128[] Count { get; private set; }
    public int[] Parent { get; private set; }
    public int[] Option { get; private set; }

    public ReadOnlySpan<double> Vector(int i) => U.AsSpan(i * Parties, Parties);

    public void Add(ReadOnlySpan<double> u, UInt128 count, int parent, int option)
    {
        if (Size == Count.Length) Grow();
        u.CopyTo(U.AsSpan(Size * Parties, Parties));
        Count[Size] = count;
        Parent[Size] = parent;
        Option[Size] = option;
        Size++;
    }

    public void AddCount(int i, UInt128 count) => Count[i] = checked(Count[i] + count);

    public void RemoveLast() => Size--;

    /// <summary>Keeps only the entries flagged alive, preserving order.</summary>
    public void Compact(bool[] alive)
    {
        var w = 0;
        for (var r = 0; r < Size; r++)
        {
            if (!alive[r]) continue;
            if (w != r)
            {
                Array.Copy(U, r * Parties, U, w * Parties, Parties);
                Count[w] = Count[r];
                Parent[w] = Parent[r];
                Option[w] = Option[r];
            }

            w++;
        }

        Size = w;
    }

    /// <summary>Reorders entries by <paramref name="order"/> (a permutation of 0…Size−1).</summary>
    public void Permute(int[] order)
    {
        var u = new double[Size * Parties];
        var c = new UInt128[Size];
        var p = new int[Size];
        var o = new int[Size];
        for (var i = 0; i < Size; i++)
        {
            Array.Copy(U, order[i] * Parties, u, i * Parties, Parties);
            c[i] = Count[order[i]];
            p[i] = Parent[order[i]];
            o[i] = Option[order[i]];
        }

        (U, Count, Parent, Option) = (u, c, p, o);
    }

    private void Grow()
    {
        var cap = Count.Length * 2;
        var u = U;
        Array.Resize(ref u, cap * Parties);
        U = u;
        var c = Count;
        Array.Resize(ref c, cap);
        Count = c;
        var p = Parent;
        Array.Resize(ref p, cap);
        Parent = p;
        var o = Option;
        Array.Resize(ref o, cap);
        Option = o;
    }
}
