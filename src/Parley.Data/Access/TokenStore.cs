using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Parley.Core;
using Parley.Data.Mapping;

namespace Parley.Data.Access;

/// <summary>A token as its owner lists it (never the secret).</summary>
public sealed record ApiTokenInfo(string Id, string Name, string? NegotiationId, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>A token that authenticated a request: its owner (id and sign-in name) and the negotiation it is limited to, if any.</summary>
public sealed record ApiTokenOwner(string TokenId, string UserId, string UserName, string? NegotiationId);

/// <summary>
/// Personal API tokens. A secret is <c>parley_</c> + 43 characters of base64url (256 random bits from the OS's
/// CSPRNG); only its SHA-256 is stored, so a database copy yields no usable token. A secret of that entropy needs no
/// slow password hash: a fast, unsalted digest is what GitHub and others store for such tokens. A server passes a
/// <see cref="TokenCache"/>, which spares the lookup of a token seen less than a second ago.
/// </summary>
public sealed class TokenStore(ParleyDbContext db, TimeProvider clock, TokenCache? cache = null)
{
    /// <summary>What every secret starts with (so scanners can find leaked ones).</summary>
    public const string Prefix = "parley_";

    /// <summary>Creates a token for the user named <paramref name="userName"/>; returns its id and the secret, shown once.</summary>
    /// <exception cref="RuleRefusal">A blank or over-long name; no such user or negotiation (<see cref="RefusalKind.NotFound"/>).</exception>
    public async Task<(string Id, string Secret)> CreateAsync(string userName, string name, string? negotiationId = null,
        DateTimeOffset? expires = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100) throw new RuleRefusal(nameof(name), "Name the token (at most 100 characters).");
        var normalized = userName.Trim().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedUserName == normalized).Select(u => u.Id).SingleOrDefaultAsync(ct)
            ?? throw new RuleRefusal("user", $"There is no user '{userName}'.", RefusalKind.NotFound);
        if (negotiationId is not null && !await db.Negotiations.AnyAsync(n => n.Id == negotiationId, ct))
            throw new RuleRefusal("negotiation", $"There is no negotiation '{negotiationId}'.", RefusalKind.NotFound);
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var id = Base64Url(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant().Replace('-', 'x').Replace('_', 'y');
        db.ApiTokens.Add(new ApiTokenRow
        {
            Id = id,
            UserId = userId,
            Name = name.Trim(),
            SecretHash = Hash(secret),
            NegotiationId = negotiationId,
            CreatedAt = Instants.ToMicroseconds(clock.GetUtcNow()),
            ExpiresAt = expires,
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return (id, secret);
    }

    /// <summary>The owner of a valid (not revoked, not expired) token with this secret, or null.</summary>
    public async Task<ApiTokenOwner?> FindAsync(string secret, CancellationToken ct = default)
    {
        if (!IsWellFormed(secret)) return null;
        var hash = Hash(secret);
        if (cache?.Find(hash) is { } known) return OwnerOf(known, clock);
        ct.ThrowIfCancellationRequested();
        var found = await HotQueries.For(db).Token(db, hash);
        if (found is not null) cache?.Remember(hash, found);
        return OwnerOf(found, clock);
    }

    /// <summary>
    /// What <see cref="FindAsync"/> would answer, when that is known without the database: a secret of the wrong shape
    /// (null), or one <paramref name="cache"/> remembers (its owner, or null when expired since). Every request with a
    /// token comes here, so a hit needs neither a database context nor a query (the cache spares the lookup for a token
    /// read less than <see cref="TokenCache.Revalidate"/> ago).
    /// </summary>
    public static bool Recall(TokenCache cache, TimeProvider clock, string secret, out ApiTokenOwner? owner)
    {
        owner = null;
        if (!IsWellFormed(secret)) return true;
        if (cache.Find(Hash(secret)) is not { } found) return false;
        owner = OwnerOf(found, clock);
        return true;
    }

    private static bool IsWellFormed(string secret) => secret.StartsWith(Prefix, StringComparison.Ordinal) && secret.Length <= 100;

    private static ApiTokenOwner? OwnerOf(TokenMatch? found, TimeProvider clock) =>
        found is null || found.ExpiresAt is { } expires && expires <= clock.GetUtcNow()
            ? null
            : new ApiTokenOwner(found.Id, found.UserId, found.UserName ?? found.UserId, found.NegotiationId);

    /// <summary>The tokens of the user named <paramref name="userName"/>, newest first.</summary>
    public async Task<IReadOnlyList<ApiTokenInfo>> ListAsync(string userName, CancellationToken ct = default)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        var rows = await db.ApiTokens.AsNoTracking().Join(db.Users.Where(u => u.NormalizedUserName == normalized), t => t.UserId, u => u.Id, (t, _) => t)
            .ToListAsync(ct);
        return rows.OrderByDescending(t => t.CreatedAt).Select(t => new ApiTokenInfo(t.Id, t.Name, t.NegotiationId, t.CreatedAt, t.ExpiresAt, t.RevokedAt)).ToArray();
    }

    /// <summary>Revokes a token by its id (of the user named <paramref name="userName"/>, when given). False when there is no such valid token.</summary>
    public async Task<bool> RevokeAsync(string id, string? userName = null, CancellationToken ct = default)
    {
        var normalized = userName?.Trim().ToUpperInvariant();
        var now = Instants.ToMicroseconds(clock.GetUtcNow());
        var tokens = db.ApiTokens.Where(t => t.Id == id && t.RevokedAt == null);
        if (normalized is not null) tokens = tokens.Where(t => db.Users.Any(u => u.Id == t.UserId && u.NormalizedUserName == normalized));
        var revoked = await tokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct) > 0;
        if (revoked) cache?.Forget();
        return revoked;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
