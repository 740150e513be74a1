using Microsoft.EntityFrameworkCore;
using Parley.Core.Formats.Scenario;
using Parley.Core.Guarantees;
using Parley.Data.Tests.Support;

namespace Parley.Data.Tests.Persistence;

/// <summary>A scenario import stores the negotiation, its profiles and its Guarantees sections in one transaction.</summary>
public abstract partial class PersistenceTests
{
    private static ScenarioGuarantees TruceWithReport(params CommitmentEvent[] events) => new(
        [new Prohibition("truce", "Truce", ["ru"], [new ConductRule("any", ["Battles"])])],
        events.Length > 0 ? events : [new LifecycleEvent("truce", LifecycleAction.EnterIntoForce, T0.AddDays(-1), "signed")],
        [Report("a", 50, 36, T0), Report("b", 50.001, 36.001, T0.AddMinutes(10))]);

    [Fact]
    public async Task ImportScenario_WithGuarantees_StoresThemWithTheNegotiation()
    {
        var outcome = await WithStore(s => s.ImportAsync(Samples.Small(), [], TruceWithReport(), "importer", replace: false));

        Assert.Equal(ImportOutcome.Created, outcome);
        var back = await WithGuarantees(g => g.ScenarioAsync("small"));
        Assert.Equal("truce", Assert.Single(back.Commitments).Id);
        Assert.Equal(LifecycleAction.EnterIntoForce, Assert.IsType<LifecycleEvent>(Assert.Single(back.Events)).Action);
        Assert.Equal(["a", "b"], back.Incidents.Select(i => i.Id));
        Assert.Equal(["negotiation.imported", "commitments.replaced", "incidents.imported"], (await HistoryAsync("small")).Select(h => h.Action));
    }

    [Fact]
    public async Task ImportScenario_GuaranteesTheStoreRefuses_StoresNoNegotiation()
    {
        var before = await HistoryCountAsync();
        var refused = TruceWithReport(new LifecycleEvent("no-such-commitment", LifecycleAction.EnterIntoForce, T0, "signed"));

        await Assert.ThrowsAsync<ArgumentException>(() => WithStore(s => s.ImportAsync(Samples.Small(), [], refused, "importer", replace: false)));

        Assert.Null(await LoadAsync("small"));
        Assert.Equal(before, await HistoryCountAsync());
        await using var db = Open();
        Assert.Equal(0, await db.Commitments.CountAsync() + await db.Incidents.CountAsync() + await db.Negotiations.CountAsync());
    }

    [Fact]
    public async Task ImportScenario_ReplaceWithRefusedGuarantees_KeepsTheStoredNegotiationAndGuarantees()
    {
        await WithStore(s => s.ImportAsync(Samples.Small(), [], TruceWithReport(), "importer", replace: false));
        var before = await HistoryCountAsync();
        var incidentTwice = new ScenarioGuarantees([], [], [Report("c", 50, 36, T0), Report("c", 51, 37, T0)]);

        await Assert.ThrowsAsync<ArgumentException>(() => WithStore(s => s.ImportAsync(Samples.Small(), [], incidentTwice, "importer", replace: true)));

        Assert.NotNull(await LoadAsync("small"));
        var kept = await WithGuarantees(g => g.ScenarioAsync("small"));
        Assert.Equal(["truce"], kept.Commitments.Select(c => c.Id));
        Assert.Equal(["a", "b"], kept.Incidents.Select(i => i.Id));
        Assert.Equal(before, await HistoryCountAsync());
    }
}
