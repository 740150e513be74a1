using Parley.Core.Talks;
using Parley.Data.Tests.Support;
using Parley.Testing;

namespace Parley.Data.Tests.Persistence;

public abstract partial class PersistenceTests
{
    /// <summary>Import plus three changes: four entries, sequences 1–4.</summary>
    private async Task FourEntriesAsync()
    {
        await ImportAsync(Samples.Small());
        foreach (var action in new[] { "position.recorded", "proposal.responded", "round.added" })
        {
            Clock.Advance(TimeSpan.FromMinutes(5));
            await WithStore(s => ChangeCase.All[action].Apply(s, "small", "analyst"));
        }
    }

    [Fact]
    public async Task History_ImportAndChanges_ListsEntriesInOrderChainedByHash()
    {
        await FourEntriesAsync();

        var history = await HistoryAsync("small");

        Assert.Equal([1L, 2, 3, 4], history.Select(h => h.Sequence));
        Assert.Equal(["negotiation.imported", "position.recorded", "proposal.responded", "round.added"], history.Select(h => h.Action));
        Assert.Equal(new string('0', 64), history[0].PreviousHash);
        for (var i = 1; i < history.Count; i++) Assert.Equal(history[i - 1].Hash, history[i].PreviousHash);
        Assert.All(history, h => Assert.Matches("^[0-9a-f]{64}$", h.Hash));
        Assert.Equal(history.Select(h => h.RecordedAt).Order(), history.Select(h => h.RecordedAt));
    }

    [Fact]
    public async Task History_OtherNegotiation_IsNotListed()
    {
        await ImportAsync(Samples.Small("one"));
        await ImportAsync(Samples.Small("two"));

        Assert.Equal(["one"], (await HistoryAsync("one")).Select(h => h.NegotiationId));
        Assert.Equal(2, (await HistoryAsync("two")).Single().Sequence);
    }

    [Fact]
    public async Task VerifyHistory_Untouched_IsIntact()
    {
        await FourEntriesAsync();

        Assert.Equal(HistoryVerification.Intact(4), await VerifyAsync());
    }

    [Fact]
    public async Task VerifyHistory_Empty_IsIntact()
    {
        Assert.Equal(HistoryVerification.Intact(0), await VerifyAsync());
    }

    [Theory]
    [InlineData("UPDATE history SET actor = 'mallory' WHERE sequence = 2", 2)]
    [InlineData("UPDATE history SET change = 'forged' WHERE sequence = 3", 3)]
    [InlineData("UPDATE history SET action = 'position.withdrawn' WHERE sequence = 1", 1)]
    [InlineData("DELETE FROM history WHERE sequence = 2", 2)]
    [InlineData("DELETE FROM history WHERE sequence = 4", 4)]
    [InlineData("DELETE FROM history", 1)]
    public async Task VerifyHistory_TamperedLog_ReportsWhereItBreaks(string tamper, long brokenAt)
    {
        await FourEntriesAsync();

        await ExecuteSqlAsync(tamper);
        var verdict = await VerifyAsync();

        Assert.False(verdict.IsIntact);
        Assert.Equal(brokenAt, verdict.BrokenAt);
        Assert.False(string.IsNullOrWhiteSpace(verdict.Problem));
    }

    [Fact]
    public async Task History_ParallelWriters_KeepOneChainAndLoseNoUpdate()
    {
        const int writers = 8;
        var parties = Enumerable.Range(1, writers).Select(i => $"p{i}").ToArray();
        var n = new Negotiation("crowd", "Crowded talks");
        n.AddParty(new Party("chair", "Chair", [PartyRole.Mediator]));
        foreach (var p in parties) n.AddParty(new Party(p, p.ToUpperInvariant(), [PartyRole.Principal]));
        n.AddIssue(new Issue("x", "X", "", 1, [new Option("a", "A"), new Option("b", "B")]));
        n.AddProposal(new Proposal("offer", "chair", "Offer", new Dictionary<string, string> { ["x"] = "a" }, parties, Samples.At(12, 1, 9, 0)));
        await ImportAsync(n);

        // Each writer answers the same proposal (one row rewritten by all) and records a position (a new row each).
        var start = new TaskCompletionSource();
        var tasks = parties.Select((p, i) => Task.Run(async () =>
        {
            await start.Task;
            await WithStore(s => s.RespondAsync("crowd", "offer", new Response(p, ResponseKind.Accept, Samples.At(12, 2, 9, 0).AddMinutes(i)), p));
            return await WithStore(s => s.RecordPositionAsync("crowd",
                new Position($"pos-{p}", p, "x", Samples.At(12, 3, 9, 0), new Dictionary<string, Stance> { ["a"] = Stance.Acceptable }), p));
        })).ToArray();
        start.SetResult();
        Assert.All(await Task.WhenAll(tasks), Assert.True);

        var loaded = (await LoadAsync("crowd"))!;
        Assert.Equal(parties.Order(), loaded.FindProposal("offer")!.Responses.Select(r => r.Party).Order());
        Assert.Equal(writers, loaded.Positions.Count);
        Assert.Equal(Core.Talks.ProposalState.Accepted, loaded.FindProposal("offer")!.StateAsOf(Samples.At(12, 31, 0, 0))!.Value.State);
        Assert.Equal(Enumerable.Range(1, 1 + 2 * writers).Select(i => (long)i), (await HistoryAsync("crowd")).Select(h => h.Sequence));
        Assert.Equal(HistoryVerification.Intact(1 + 2 * writers), await VerifyAsync());
    }

    [Fact]
    public async Task Change_WhileAnotherWriteIsOpen_WaitsForItsCommit()
    {
        await ImportAsync(Samples.Small());
        await using var holder = Open();
        var holding = await holder.BeginWriteAsync(CancellationToken.None);

        // On the thread pool: Microsoft.Data.Sqlite waits for a lock synchronously, inside the async call.
        var waiting = Task.Run(() => WithStore(s => ChangeCase.All["round.added"].Apply(s, "small", "second")));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(waiting.IsCompleted, "A second writer went ahead while the writer lock was held.");

        await holding.CommitAsync();
        await holding.DisposeAsync();
        Assert.True(await waiting);
        Assert.Equal(2, await HistoryCountAsync());
    }
}
