using System.Collections;

namespace Parley.Core.Talks;

/// <summary>
/// A list that only grows, kept in chunks of <see cref="ChunkSize"/> items so that a <see cref="Copy"/> shares every full
/// chunk with the list it copies: copying n items costs O(n / <see cref="ChunkSize"/>) plus the last, partial chunk,
/// instead of O(n). A negotiation is copied for every change made to it (and each viewer's view with it); with thousands
/// of statements, copying them whole was a large-object array per copy, and those drove the server's full garbage
/// collections under writes (docs/benchmarks.md, "Under load").
/// </summary>
/// <remarks>
/// A full chunk is never written again, by this list or by a copy; the spine (the array of chunks) and the partial chunk
/// are each list's own. So a list that is no longer changed may be read by any number of threads while copies of it grow.
/// </remarks>
public sealed class AppendOnlyList<T> : IReadOnlyList<T> where T : class
{
    /// <summary>Items per full chunk (a chunk of references is then 8 KB, far below the large-object heap).</summary>
    public const int ChunkSize = 1 << Shift;

    private const int Shift = 10;
    private const int Mask = ChunkSize - 1;

    // Chunks 0 .. full-1 hold ChunkSize items each and are shared with copies; the one after, when there is one, is partial
    // (it grows by doubling up to ChunkSize, so a short list stays small) and is this list's own.
    private T[][] _chunks;
    private int _count;

    /// <summary>An empty list.</summary>
    public AppendOnlyList() => _chunks = [];

    private AppendOnlyList(T[][] chunks, int count)
    {
        _chunks = chunks;
        _count = count;
    }

    /// <inheritdoc />
    public int Count => _count;

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not below <see cref="Count"/>.</exception>
    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index), index, $"must be below {_count}");
            return _chunks[index >> Shift][index & Mask];
        }
    }

    /// <summary>Adds <paramref name="item"/> at the end.</summary>
    public void Add(T item)
    {
        int chunk = _count >> Shift, at = _count & Mask;
        if (chunk == _chunks.Length) Array.Resize(ref _chunks, Math.Max(4, _chunks.Length * 2));
        var items = _chunks[chunk];
        if (items is null || at == items.Length)
        {
            // A new chunk, or the partial one doubled (it is this list's own: no copy shares a partial chunk).
            var grown = new T[Math.Min(ChunkSize, Math.Max(4, at * 2))];
            if (items is not null) Array.Copy(items, grown, at);
            _chunks[chunk] = items = grown;
        }
        items[at] = item;
        _count++;
    }

    /// <summary>A list with the same items that grows on its own; it shares this one's full chunks.</summary>
    public AppendOnlyList<T> Copy()
    {
        int full = _count >> Shift, rest = _count & Mask;
        var chunks = new T[full + (rest > 0 ? 1 : 0) + 1][];
        Array.Copy(_chunks, chunks, full);
        if (rest > 0) chunks[full] = _chunks[full][..rest];
        return new AppendOnlyList<T>(chunks, _count);
    }

    /// <summary>True when this list starts with exactly the items of <paramref name="prefix"/> (the same instances).</summary>
    public bool StartsWith(AppendOnlyList<T> prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (_count < prefix._count) return false;
        for (var k = 0; k < prefix._count;)
        {
            int chunk = k >> Shift;
            // A full chunk both lists hold is the same items: skip it whole.
            if ((k & Mask) == 0 && k + ChunkSize <= prefix._count && ReferenceEquals(_chunks[chunk], prefix._chunks[chunk]))
            {
                k += ChunkSize;
                continue;
            }
            if (!ReferenceEquals(_chunks[chunk][k & Mask], prefix._chunks[chunk][k & Mask])) return false;
            k++;
        }
        return true;
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator()
    {
        for (var k = 0; k < _count; k++) yield return _chunks[k >> Shift][k & Mask];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
