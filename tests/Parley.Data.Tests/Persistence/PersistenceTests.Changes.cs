using Parley.Core;
using System.Text.Json;
using Parley.Core.Talks;
using Parley.Data.Tests.Support;
using Parley.Testing;

namespace Parley.Data.Tests.Persistence;

public abstract partial class PersistenceTests
{
    [Theory]
    [MemberData(nameof(ChangeCase.Actions), MemberType = typeof(ChangeCase))]
    public async Task Change_StoredNegotiation_PersistsLikeTheAggregate(string action)
    {
        var change = ChangeCase.All[action];
        await ImportAsync(Samples.Small());
        var expected = Samples.Small();
        change.InMemory(expected);

        Assert.True(await WithStore(s => change.Apply(s, "small", "mediator:alice")));

        Assert.Equal(Snapshot.Of(expected), Snapshot.Of(await LoadAsync("small")));
    }

    [Theory]
    [MemberData(nameof(ChangeCase.Actions), MemberType = typeof(ChangeCase))]
    public async Task Change_StoredNegotiation_AppendsHistoryWithActorAndRecordTime(string action)
    {
        var change = ChangeCase.All[action];
        await ImportAsync(Samples.Small());
        Clock.Advance(TimeSpan.FromMinutes(90));

        await WithStore(s => change.Apply(s, "small", "mediator:alice"));

        var history = await HistoryAsync("small");
        Assert.Equal(2, history.Count);
        var entry = history[1];
        Assert.Equal((action, change.ItemKind, change.ItemId), (entry.Action, entry.ItemKind, entry.ItemId));
        Assert.Equal("mediator:alice", entry.Actor);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 10, 30, 0, TimeSpan.Zero), entry.RecordedAt);
        Assert.Equal(1, entry.Index);
        Assert.Contains("\"rows\":[[", entry.Rows); // the row it wrote, digested
        using var json = JsonDocument.Parse(entry.Change);
        Assert.Contains($"\"{change.ItemId}\"", entry.Change);
        Assert.True((await VerifyAsync()).Ok);
    }

    [Theory]
    [MemberData(nameof(ChangeCase.Actions), MemberType = typeof(ChangeCase))]
    public async Task Change_BreakingRule_ThrowsAndWritesNothing(string action)
    {
        var change = ChangeCase.All[action];
        await ImportAsync(Samples.Small());
        var before = Snapshot.Of(await LoadAsync("small"));

        await using (var db = Open())
        {
            var store = new NegotiationStore(db, Clock);
            await Assert.ThrowsAsync<RuleRefusal>(() => change.Violate(store, "small", "mediator:alice"));
            // The same store stays usable: nothing of the refused change is left pending in it.
            Assert.True(await store.AddRoundAsync("small", new Round("after", "After", Samples.At(12, 30, 9, 1), Samples.At(12, 30, 9, 1), "", []), "mediator:alice"));
        }

        var expected = Samples.Small();
        expected.AddRound(new Round("after", "After", Samples.At(12, 30, 9, 1), Samples.At(12, 30, 9, 1), "", []));
        Assert.Equal(Snapshot.Of(expected), Snapshot.Of(await LoadAsync("small")));
        Assert.NotEqual(before, Snapshot.Of(expected));
        Assert.Equal(["negotiation.imported", "round.added"], (await HistoryAsync("small")).Select(h => h.Action));
    }

    [Theory]
    [MemberData(nameof(ChangeCase.Actions), MemberType = typeof(ChangeCase))]
    public async Task Change_UnknownNegotiation_ReturnsFalseAndWritesNothing(string action)
    {
        await ImportAsync(Samples.Small());

        Assert.False(await WithStore(s => ChangeCase.All[action].Apply(s, "nothing-here", "mediator:alice")));

        Assert.Equal(1, await HistoryCountAsync());
        Assert.False(await WithStore(s => s.ExistsAsync("nothing-here")));
    }

    [Fact]
    public async Task Change_BlankActor_IsRefusedBeforeAnythingIsWritten()
    {
        await ImportAsync(Samples.Small());

        await Assert.ThrowsAsync<ArgumentException>(() => WithStore(s => ChangeCase.All["round.added"].Apply(s, "small", " ")));

        Assert.Equal(1, await HistoryCountAsync());
    }
}
