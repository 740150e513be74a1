using Parley.Data.Access;

namespace Parley.Data.Tests.Persistence;

/// <summary>
/// API tokens behind the server's <see cref="TokenCache"/>: a token read less than a second ago is not read again, yet a
/// revocation through the same server stops it at once, one made elsewhere within <see cref="TokenCache.Revalidate"/>, and
/// an expiry at its instant.
/// </summary>
public abstract partial class PersistenceTests
{
    private async Task<(TokenCache Cache, string Id, string Secret)> TokenOfAsync(string user, DateTimeOffset? expires = null)
    {
        await using (var db = Open())
        {
            db.Users.Add(new ParleyUser { Id = "user-" + user, UserName = user, NormalizedUserName = user.ToUpperInvariant(), SecurityStamp = user });
            await db.SaveChangesAsync();
        }
        await using var store = Open();
        var (id, secret) = await new TokenStore(store, Clock).CreateAsync(user, "script", expires: expires);
        return (new TokenCache(Clock), id, secret);
    }

    private async Task<ApiTokenOwner?> FindAsync(TokenCache cache, string secret)
    {
        await using var db = Open();
        return await new TokenStore(db, Clock, cache).FindAsync(secret);
    }

    [Fact]
    public async Task Token_RevokedThroughTheCachingServer_IsRefusedAtOnce()
    {
        var (cache, id, secret) = await TokenOfAsync("ua");
        Assert.Equal("ua", (await FindAsync(cache, secret))?.UserName);

        await using (var db = Open()) Assert.True(await new TokenStore(db, Clock, cache).RevokeAsync(id));

        Assert.Null(await FindAsync(cache, secret));
    }

    [Fact]
    public async Task Token_RevokedElsewhere_IsRefusedOnceTheCacheRevalidates()
    {
        var (cache, id, secret) = await TokenOfAsync("ua");
        Assert.NotNull(await FindAsync(cache, secret));

        await using (var elsewhere = Open()) Assert.True(await new TokenStore(elsewhere, Clock).RevokeAsync(id)); // another node, or the CLI
        Clock.Advance(TokenCache.Revalidate);

        Assert.Null(await FindAsync(cache, secret));
    }

    [Fact]
    public async Task Token_Cached_IsRefusedFromItsExpiry()
    {
        var expires = Clock.GetUtcNow().AddMinutes(5);
        var (cache, _, secret) = await TokenOfAsync("ua", expires);
        Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromMilliseconds(100));
        Assert.NotNull(await FindAsync(cache, secret)); // read now, remembered for a second

        Clock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Null(await FindAsync(cache, secret));
    }

    [Fact]
    public async Task Token_ReadLessThanASecondAgo_IsNotReadAgain()
    {
        var (cache, id, secret) = await TokenOfAsync("ua");
        Assert.NotNull(await FindAsync(cache, secret));
        // Revoked behind the cache's back: within the second the lookup is still the remembered one.
        await using (var elsewhere = Open()) Assert.True(await new TokenStore(elsewhere, Clock).RevokeAsync(id));
        Clock.Advance(TokenCache.Revalidate - TimeSpan.FromMilliseconds(1));

        Assert.Equal("ua", (await FindAsync(cache, secret))?.UserName);
    }
}
