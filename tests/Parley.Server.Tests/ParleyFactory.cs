using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Parley.Server.Tests;

/// <summary>A fresh Parley app over the given database, with a fake clock set to 16 Dec 2025 09:00 UTC.</summary>
public sealed class ParleyFactory(string database, bool seedDemo = true) : WebApplicationFactory<Program>
{
    /// <summary>The app's clock.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 12, 16, 9, 0, 0, TimeSpan.Zero));

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Parley:Database", database);
        builder.UseSetting("Parley:SeedDemo", seedDemo.ToString());
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}
