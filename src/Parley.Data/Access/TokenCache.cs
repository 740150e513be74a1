using System.Collections.Concurrent;

namespace Parley.Data.Access;

/// <summary>
/// Token lookups remembered for a moment, so that a client sending the same token with every request is checked against
/// the database once per <see cref="Revalidate"/>, not once per request (the lookup was most of a cheap read's cost,
/// docs/benchmarks.md, "Under load"). A revocation through this process forgets everything at once; one made elsewhere
/// (another server node, the <c>parley</c> command) takes effect here within <see cref="Revalidate"/>. An expiry is
/// checked on every use. Only valid tokens are remembered: an unknown secret always goes to the database.
/// </summary>
/// <remarks>
/// Hand-written rather than <c>MemoryCache</c>: its age must run on the injected <see cref="TimeProvider"/>, and a
/// bounded dictionary of hashes is all it needs.
/// </remarks>
public sealed class TokenCache(TimeProvider clock)
{
    /// <summary>How long a lookup is trusted before the token is read again.</summary>
    public static readonly TimeSpan Revalidate = TimeSpan.FromSeconds(1);

    /// <summary>At most this many tokens are remembered; beyond, the cache starts again empty.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, (TokenMatch Match, DateTimeOffset ReadAt)> _entries = new(StringComparer.Ordinal);

    /// <summary>The lookup of the token with this secret hash, when it was read less than <see cref="Revalidate"/> ago.</summary>
    internal TokenMatch? Find(string hash) =>
        _entries.TryGetValue(hash, out var entry) && clock.GetUtcNow() - entry.ReadAt < Revalidate ? entry.Match : null;

    /// <summary>Remembers a valid token's lookup, read now.</summary>
    internal void Remember(string hash, TokenMatch match)
    {
        if (_entries.Count >= Capacity) _entries.Clear();
        _entries[hash] = (match, clock.GetUtcNow());
    }

    /// <summary>Forgets every lookup (a token was revoked).</summary>
    public void Forget() => _entries.Clear();
}
