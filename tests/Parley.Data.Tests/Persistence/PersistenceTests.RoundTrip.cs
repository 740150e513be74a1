using Microsoft.EntityFrameworkCore;
using Parley.Data.Tests.Support;
using Parley.Testing;

namespace Parley.Data.Tests.Persistence;

public abstract partial class PersistenceTests
{
    [Fact]
    public async Task Import_RichNegotiation_LoadsEqual()
    {
        var rich = Samples.Rich();

        Assert.Equal(ImportOutcome.Created, await ImportAsync(rich));
        var loaded = await LoadAsync(rich.Id);

        Assert.Equal(Snapshot.Of(rich), Snapshot.Of(loaded));
    }

    [Fact]
    public async Task Import_RichNegotiation_KeepsOffsetsAndPrivateVisibilities()
    {
        await ImportAsync(Samples.Rich());

        var loaded = (await LoadAsync("rich"))!;

        Assert.Equal(TimeSpan.FromHours(5.5), loaded.FindProposal("truce")!.Withdrawn!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(-3), loaded.Positions[2].ValidFrom.Offset);
        Assert.Equal(250, loaded.FindProposal("us-offer")!.Created.Millisecond);
        Assert.Equal("ua", loaded.FindProposal("truce")!.Visibility.Party);
        Assert.Equal(Core.Talks.VisibilityScope.Mediator, loaded.Rounds.Single(r => r.Id == "geneva").Visibility.Scope);
    }

    [Fact]
    public async Task Import_Existing_WithoutReplace_ReturnsAlreadyExistsAndWritesNothing()
    {
        await ImportAsync(Samples.Small("talks"));
        var before = Snapshot.Of(await LoadAsync("talks"));

        var outcome = await ImportAsync(Samples.Rich("talks"), replace: false);

        Assert.Equal(ImportOutcome.AlreadyExists, outcome);
        Assert.Equal(before, Snapshot.Of(await LoadAsync("talks")));
        Assert.Single(await HistoryAsync("talks"));
    }

    [Fact]
    public async Task Import_Existing_WithReplace_ReplacesWholeNegotiation()
    {
        await ImportAsync(Samples.Rich("talks"));
        var small = Samples.Small("talks");

        var outcome = await ImportAsync(small, "editor", replace: true);

        Assert.Equal(ImportOutcome.Replaced, outcome);
        Assert.Equal(Snapshot.Of(small), Snapshot.Of(await LoadAsync("talks")));
        Assert.Equal(["negotiation.imported", "negotiation.replaced"], (await HistoryAsync("talks")).Select(h => h.Action));
    }

    [Fact]
    public async Task Load_Unknown_ReturnsNull()
    {
        await ImportAsync(Samples.Small());

        Assert.Null(await LoadAsync("nothing-here"));
        Assert.False(await WithStore(s => s.ExistsAsync("nothing-here")));
        Assert.True(await WithStore(s => s.ExistsAsync("small")));
    }

    [Fact]
    public async Task List_TwoNegotiations_ReturnsIdsTitlesAndCounts()
    {
        await ImportAsync(Samples.Small("b-small"));
        await ImportAsync(Samples.Rich("a-rich"));

        var list = await WithStore(s => s.ListAsync());

        Assert.Equal(
            [
                new NegotiationSummary("a-rich", "Berlin talks (test)", 4, 3, 3, 3, 2, 2, 2, 2, 2),
                new NegotiationSummary("b-small", "Small talks", 3, 1, 1, 0, 1, 0, 0, 0, 0),
            ],
            list);
    }

    [Fact]
    public async Task Delete_Existing_RemovesEveryItemAndKeepsHistory()
    {
        await ImportAsync(Samples.Rich("gone"));
        await ImportAsync(Samples.Rich("kept"));

        Assert.True(await WithStore(s => s.DeleteAsync("gone", "admin")));

        Assert.Null(await LoadAsync("gone"));
        await using (var db = Open())
        {
            Assert.Equal(0, await db.Positions.CountAsync(p => p.NegotiationId == "gone"));
            Assert.Equal(0, await db.Proposals.CountAsync(p => p.NegotiationId == "gone"));
            Assert.Equal(3, await db.Positions.CountAsync(p => p.NegotiationId == "kept"));
        }
        Assert.Equal(["negotiation.imported", "negotiation.deleted"], (await HistoryAsync("gone")).Select(h => h.Action));
        Assert.Equal(Snapshot.Of(Samples.Rich("kept")), Snapshot.Of(await LoadAsync("kept")));
    }

    [Fact]
    public async Task Delete_Unknown_ReturnsFalseAndWritesNoHistory()
    {
        await ImportAsync(Samples.Small());

        Assert.False(await WithStore(s => s.DeleteAsync("nothing-here", "admin")));
        Assert.Equal(1, await HistoryCountAsync());
    }

    [Fact]
    public async Task Import_Deleted_CanBeImportedAgain()
    {
        await ImportAsync(Samples.Rich("again"));
        await WithStore(s => s.DeleteAsync("again", "admin"));

        Assert.Equal(ImportOutcome.Created, await ImportAsync(Samples.Rich("again")));
        Assert.Equal(Snapshot.Of(Samples.Rich("again")), Snapshot.Of(await LoadAsync("again")));
    }

    [Fact]
    public async Task Load_RowEditedToBreakARule_ThrowsParleyDatabaseExceptionNotARuleViolation()
    {
        await ImportAsync(Samples.Rich());
        await ExecuteSqlAsync("UPDATE positions SET party = 'ghost' WHERE id = 'ua-territory-1'");

        var onLoad = await Assert.ThrowsAsync<ParleyDatabaseException>(() => LoadAsync("rich"));
        // A change must not blame the caller's item for the stored damage either.
        await Assert.ThrowsAsync<ParleyDatabaseException>(() => WithStore(s => s.AddRoundAsync("rich",
            new Core.Talks.Round("r", "R", Samples.At(12, 30, 9, 1), Samples.At(12, 30, 9, 1), "", []), "analyst")));

        Assert.Contains("'rich'", onLoad.Message);
        Assert.Contains("ghost", onLoad.Message);
    }
}
