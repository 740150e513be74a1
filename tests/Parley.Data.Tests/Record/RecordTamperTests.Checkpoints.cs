using Parley.Core.Record;
using Parley.Core.Talks;
using Parley.Data.Record;
using Parley.Data.Tests.Support;

namespace Parley.Data.Tests.RecordTampering;

// Someone who can rewrite the whole database can make the record agree with itself again; only a checkpoint kept
// outside it (as a delegation keeps one) shows what was cut back or rewritten.
public abstract partial class RecordTamperTests
{
    private const string Small = "small";

    [Fact]
    public async Task SavedCheckpoint_TreeCutBackBelowItAndMadeConsistent_IsReportedAsRemoved()
    {
        await SmallWithRoundsAsync("r1", "r2");
        var saved = (await CheckpointAsync(Small))!;
        await SmallWithRoundsAsync("r3");
        Assert.True((await VerifyAsync(savedCheckpoint: saved.Note)).Ok);

        // Back to the import alone: the rounds go with the entries that added them, and the heads agree again.
        await ExecuteAsync("DELETE FROM rounds WHERE negotiation_id = @p0", Small);
        await ExecuteAsync("DELETE FROM history WHERE negotiation_id = @p0 AND log_index >= 1", Small);
        await ExecuteAsync("DELETE FROM checkpoints WHERE negotiation_id = @p0 AND tree_size > 1", Small);
        await RecomputeHeadsAsync(Small);
        var alone = await VerifyAsync();
        var withSaved = await VerifyAsync(savedCheckpoint: saved.Note);

        Assert.Equal(3, saved.TreeSize);
        Assert.True(alone.Ok, Describe(alone));
        var finding = Assert.Single(withSaved.Negotiations.SelectMany(n => n.Findings));
        Assert.Equal("saved checkpoint", finding.Place);
        Assert.Contains("it signed 3 entries but the record has 1", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavedCheckpoint_EarlyEntryRewrittenAndRehashed_OnlyTheSavedCheckpointShowsIt()
    {
        await SmallWithRoundsAsync("r1", "r2");
        var saved = (await CheckpointAsync(Small))!;
        await SmallWithRoundsAsync("r3");
        var entry = (await HistoryAsync(Small))[1];

        // Entry 1 now says someone else added the round: a new entry hash, a new root, no checkpoint to contradict it.
        var forged = RecordEntry.EntryHash(entry with { Actor = "mallory" }, entry.Salt!).ToString();
        await ExecuteAsync("UPDATE history SET actor = @p0, entry_hash = @p1 WHERE sequence = @p2", "mallory", forged, entry.Sequence);
        await ExecuteAsync("DELETE FROM checkpoints WHERE negotiation_id = @p0", Small);
        await RecomputeHeadsAsync(Small);
        var alone = await VerifyAsync();
        var withSaved = await VerifyAsync(savedCheckpoint: saved.Note);

        Assert.Equal("mallory", (await HistoryAsync(Small))[1].Actor);
        Assert.True(alone.Ok, Describe(alone)); // why delegations keep checkpoints
        var finding = Assert.Single(withSaved.Negotiations.SelectMany(n => n.Findings));
        Assert.Equal("saved checkpoint", finding.Place);
        Assert.Contains("not consistent", finding.Message, StringComparison.Ordinal);
    }

    /// <summary>Imports <see cref="Samples.Small"/> the first time, then adds one round per id (one entry each, by "analyst").</summary>
    private async Task SmallWithRoundsAsync(params string[] rounds)
    {
        if (!await WithStore(s => s.ExistsAsync(Small))) await WithStore(s => s.ImportAsync(Samples.Small(Small), "importer", replace: false));
        foreach (var id in rounds)
        {
            Clock.Advance(TimeSpan.FromMinutes(5));
            var at = Clock.GetUtcNow();
            Assert.True(await WithStore(s => s.AddRoundAsync(Small, new Round(id, "Round " + id, at, at, "Geneva", []), "analyst")));
        }
    }

    /// <summary>What a careful attacker does last: the negotiation's tree head recomputed from the entry hashes left, and the log's head.</summary>
    private async Task RecomputeHeadsAsync(string negotiation)
    {
        await using var db = Open();
        var hashes = await Sql.QueryAsync(db, "SELECT entry_hash FROM history WHERE negotiation_id = @p0 ORDER BY log_index", negotiation);
        var frontier = hashes.Aggregate(MerkleFrontier.Empty, (f, h) => f.Append(RecordEntry.Leaf(Hash32.Parse((string)h[0]!))));
        Assert.Equal(1, await Sql.ExecuteAsync(db, "UPDATE record_heads SET size = @p0, root = @p1, frontier = @p2 WHERE negotiation_id = @p3",
            frontier.Size, frontier.Root().ToString(), frontier.Serialize(), negotiation));
        Assert.Equal(1, await Sql.ExecuteAsync(db, "UPDATE history_head SET last_sequence = (SELECT MAX(sequence) FROM history)"));
    }
}
