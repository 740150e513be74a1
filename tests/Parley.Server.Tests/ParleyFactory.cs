using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Parley.Core.Access;
using Parley.Data;
using Parley.Data.Access;

namespace Parley.Server.Tests;

/// <summary>
/// A fresh Parley app over the given database, with a fake clock set to 16 Dec 2025 09:00 UTC. <see cref="WebApplicationFactory{T}.CreateClient()"/>
/// gives a client signed in (API token) as <see cref="DefaultUser"/>, an instance administrator who is the mediator of
/// the Berlin demo when it is loaded — what the API tests before sign-in assumed of every caller. <see cref="ClientAs"/>
/// gives a client for any member.
/// </summary>
public sealed class ParleyFactory(string database, bool seedDemo = true, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>The user of <see cref="WebApplicationFactory{T}.CreateClient()"/>.</summary>
    public const string DefaultUser = "test-mediator";

    /// <summary>The demo negotiation.</summary>
    public const string Demo = "berlin-2025";

    /// <summary>The checkpoint key of every app of this test run (outside any database, as an instance keeps it).</summary>
    public static readonly string RecordKeyFile = Path.Combine(Path.GetTempPath(), $"parley-test-record-key-{Environment.ProcessId}.pem");

    /// <summary>The app's clock.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 12, 16, 9, 0, 0, TimeSpan.Zero));

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Parley:Database", database);
        builder.UseSetting("Parley:SeedDemo", seedDemo.ToString());
        builder.UseSetting("Parley:Record:KeyFile", RecordKeyFile);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    /// <inheritdoc />
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        var token = Task.Run(() => EnsureUserAsync(DefaultUser, administrator: true, seedDemo ? (Demo, MemberRole.Mediator, null) : null)).GetAwaiter().GetResult();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>
    /// A client signed in with an API token as <paramref name="user"/> (created when missing), holding
    /// <paramref name="role"/> [for <paramref name="party"/>] in <paramref name="negotiation"/> when a role is given.
    /// </summary>
    public HttpClient ClientAs(string user, MemberRole? role = null, string? party = null, string negotiation = Demo, bool administrator = false)
    {
        var client = CreateDefaultClient();
        var token = Task.Run(() => EnsureUserAsync(user, administrator, role is { } r ? (negotiation, r, party) : null)).GetAwaiter().GetResult();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client with no credentials.</summary>
    public HttpClient Anonymous()
    {
        var client = CreateDefaultClient(); // which signs in as the default user (ConfigureClient): undo that
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>The signed-in principal of <paramref name="user"/> as the web app's circuits see it (created as an administrator when missing).</summary>
    public async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(string user)
    {
        await EnsureUserAsync(user, administrator: true, null);
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ParleyUser>>();
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ParleyUser>>().CreateAsync((await users.FindByNameAsync(user))!);
    }

    /// <summary>Creates <paramref name="user"/> if missing, grants the membership if given, and returns a new API token for it.</summary>
    public async Task<string> EnsureUserAsync(string user, bool administrator, (string Negotiation, MemberRole Role, string? Party)? membership)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ParleyUser>>();
        if (await users.FindByNameAsync(user) is not { } found)
        {
            var created = await users.CreateAsync(new ParleyUser { UserName = user, IsAdministrator = administrator });
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        else if (found.IsAdministrator != administrator)
        {
            found.IsAdministrator = administrator;
            await users.UpdateAsync(found);
        }
        if (membership is var (negotiation, role, party) && await scope.ServiceProvider.GetRequiredService<NegotiationStore>().ExistsAsync(negotiation))
            await scope.ServiceProvider.GetRequiredService<MembershipStore>().GrantAsync(negotiation, user, role, party, "test-setup");
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<TokenStore>().CreateAsync(user, "tests");
        return secret;
    }
}
