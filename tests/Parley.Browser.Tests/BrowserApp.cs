using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Parley.Data.Access;
using Parley.Testing;

namespace Parley.Browser.Tests;

/// <summary>
/// Parley on a real loopback port (Kestrel, port 0) over a fresh SQLite file with the Berlin demo seeded, and a
/// fake clock at 16 Dec 2025 09:00 UTC — the morning after the Berlin round.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>
{
    private readonly SqliteTestDatabase _database;

    private BrowserApp(SqliteTestDatabase database) => _database = database;

    /// <summary>The app's clock.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 12, 16, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Starts a fresh app.</summary>
    public static async Task<BrowserApp> StartAsync()
    {
        var app = new BrowserApp(await SqliteTestDatabase.CreateMigratedAsync());
        app.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        app.Address = new Uri(addresses.First());
        return app;
    }

    /// <summary>The demo sign-in as <paramref name="account"/>, returning to <paramref name="returnUrl"/> (a path on this site).</summary>
    public Uri SignInUrl(string account, string returnUrl = "/") =>
        new(Address, $"/demo/sign-in/{Uri.EscapeDataString(account)}?returnUrl={Uri.EscapeDataString(returnUrl)}");

    /// <summary>
    /// An HTTP client for the REST API signed in as the demo account <paramref name="account"/> with a fresh personal API
    /// token (<c>Authorization: Bearer …</c>), as a script would be.
    /// </summary>
    public async Task<HttpClient> ApiClientAsync(string account = "mediator")
    {
        string secret;
        await using (var scope = Services.CreateAsyncScope())
            (_, secret) = await scope.ServiceProvider.GetRequiredService<TokenStore>().CreateAsync(account, "browser tests");
        var http = new HttpClient { BaseAddress = Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return http;
    }

    /// <summary>Makes the user named <paramref name="userName"/> an instance administrator (who may import new negotiations).</summary>
    public async Task MakeAdministratorAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ParleyUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"There is no user '{userName}'.");
        user.IsAdministrator = true;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded) throw new InvalidOperationException(string.Join("; ", updated.Errors.Select(e => e.Description)));
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Parley:Database", _database.Database);
        builder.UseSetting("Parley:Record:KeyFile", Path.Combine(Path.GetTempPath(), $"parley-browser-record-key-{Environment.ProcessId}.pem"));
        builder.UseSetting("Parley:SeedDemo", "true");
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
