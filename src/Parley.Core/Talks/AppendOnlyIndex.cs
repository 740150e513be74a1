namespace Parley.Core.Talks;

/// <summary>
/// Items by id (ordinal), for a collection that only grows, such that a <see cref="Copy"/> shares most of the index with
/// the one it copies: the ids added since the last merge are the copy's own small table; the rest is one table shared by
/// every copy and never changed. A copy merges the two once its own table holds <see cref="MergeAt"/> ids, so that a
/// chain of copies — a negotiation copied for each change — costs O(<see cref="MergeAt"/>) per copy and O(n) once per
/// <see cref="MergeAt"/> additions, instead of O(n) per copy (<see cref="AppendOnlyList{T}"/> says why that matters).
/// </summary>
/// <remarks>An index no longer changed may be read by any number of threads while its copies grow.</remarks>
public sealed class AppendOnlyIndex<TValue> where TValue : class
{
    /// <summary>How many ids a copy's own table may hold before a copy of it merges them into a new shared table.</summary>
    public const int MergeAt = 1024;

    private static readonly Dictionary<string, TValue> Empty = new(StringComparer.Ordinal);

    private readonly Dictionary<string, TValue> _shared;
    private readonly Dictionary<string, TValue> _own;

    /// <summary>An empty index.</summary>
    public AppendOnlyIndex() : this(Empty, new Dictionary<string, TValue>(StringComparer.Ordinal))
    {
    }

    private AppendOnlyIndex(Dictionary<string, TValue> shared, Dictionary<string, TValue> own)
    {
        _shared = shared;
        _own = own;
    }

    /// <summary>How many ids the index holds.</summary>
    public int Count => _shared.Count + _own.Count;

    /// <summary>True when <paramref name="id"/> is indexed.</summary>
    public bool Contains(string id) => _own.ContainsKey(id) || _shared.ContainsKey(id);

    /// <summary>The item indexed under <paramref name="id"/>, or null.</summary>
    public TValue? Find(string id) => _own.GetValueOrDefault(id) ?? _shared.GetValueOrDefault(id);

    /// <summary>Indexes <paramref name="item"/> under <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentException">The id is already indexed.</exception>
    public void Add(string id, TValue item)
    {
        if (_shared.ContainsKey(id)) throw new ArgumentException($"'{id}' is already indexed", nameof(id));
        _own.Add(id, item);
    }

    /// <summary>An index with the same ids that grows on its own.</summary>
    public AppendOnlyIndex<TValue> Copy()
    {
        if (_own.Count < MergeAt) return new AppendOnlyIndex<TValue>(_shared, new Dictionary<string, TValue>(_own, StringComparer.Ordinal));
        var merged = new Dictionary<string, TValue>(_shared, StringComparer.Ordinal);
        foreach (var (id, item) in _own) merged.Add(id, item);
        return new AppendOnlyIndex<TValue>(merged, new Dictionary<string, TValue>(StringComparer.Ordinal));
    }
}
