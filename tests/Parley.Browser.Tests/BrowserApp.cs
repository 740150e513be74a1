using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
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

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Parley:Database", _database.Database);
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
