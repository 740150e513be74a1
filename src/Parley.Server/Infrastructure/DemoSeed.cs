using Parley.Core.Formats.Scenario;
using Parley.Data;

namespace Parley.Server.Infrastructure;

/// <summary>Migrates the database on start and, when it holds no negotiation, loads the Berlin demo with its demo accounts.</summary>
public static class DemoSeed
{
    /// <summary>The demo scenario shipped inside this assembly (scenarios/berlin-2025.yaml).</summary>
    public static string BerlinYaml()
    {
        using var stream = typeof(DemoSeed).Assembly.GetManifestResourceStream("berlin-2025.yaml")
            ?? throw new InvalidOperationException("The Berlin demo is not embedded in Parley.Server.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Creates or migrates the schema, then seeds the demo into an empty database.</summary>
    public static async Task PrepareAsync(IServiceProvider services, bool seedDemo, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        // Nodes starting together on one empty database take turns here, so exactly one loads the demo and the
        // others find it (check, then insert, under one lock).
        await using var turn = await ParleyDatabase.LockForSetupAsync(db, ct);
        await ParleyDatabase.MigrateAsync(db, ct);
        if (!seedDemo) return;
        var store = scope.ServiceProvider.GetRequiredService<NegotiationStore>();
        if ((await store.ListAsync(ct)).Count > 0)
        {
            // A database seeded before sign-in existed gets the demo accounts too.
            if (await store.ExistsAsync(Access.DemoAccounts.Negotiation, ct)) await Access.DemoAccounts.EnsureAsync(scope.ServiceProvider, ct);
            return;
        }
        var read = ScenarioReader.Read(BerlinYaml(), "berlin-2025.yaml");
        var demo = read.Negotiation ?? throw new InvalidOperationException(
            "The embedded Berlin demo does not read: " + string.Join("; ", read.Errors));
        // One import, one transaction: the negotiation, profiles, commitments, incidents and the draft framework.
        await store.ImportAsync(demo, read.Preferences, read.Guarantees, read.Drafts, "parley-demo", replace: false, ct);
        await Access.DemoAccounts.EnsureAsync(scope.ServiceProvider, ct);
    }
}
