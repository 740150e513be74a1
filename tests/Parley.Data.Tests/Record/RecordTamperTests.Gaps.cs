using Parley.Data.Record;

namespace Parley.Data.Tests.RecordTampering;

// Edits an earlier RecordVerifier missed (found by the random edits): each must now be found at its place.
public abstract partial class RecordTamperTests
{
    [Fact]
    public async Task Tamper_EntryHashInUpperCase_IsFoundAtTheEntry()
    {
        await SmallWithRoundsAsync("r1", "r2");

        await ExecuteAsync("UPDATE history SET entry_hash = UPPER(entry_hash) WHERE negotiation_id = @p0 AND log_index = 1", Small);

        await AssertFoundAsync(f => f.Entry == 1);
    }

    [Fact]
    public async Task Tamper_SaltInUpperCase_IsFoundAtTheEntry()
    {
        await SmallWithRoundsAsync("r1", "r2");

        await ExecuteAsync("UPDATE history SET salt = UPPER(salt) WHERE negotiation_id = @p0 AND log_index = 1", Small);

        await AssertFoundAsync(f => f.Entry == 1);
    }

    [Fact]
    public async Task Tamper_SecondHistoryHeadRow_IsFound()
    {
        await SmallWithRoundsAsync("r1");

        await ExecuteAsync("INSERT INTO history_head (id, last_sequence) VALUES (2, 99)");

        await AssertFoundAsync(f => f.Place == "history head");
    }

    [Fact]
    public async Task Tamper_LiveEntryErasedAndItsRowDeleted_IsFoundAtTheEntry()
    {
        await SmallWithRoundsAsync("r1", "r2");

        // What Parley does only to a deleted negotiation's entries, done to one entry of live talks, with the row it wrote.
        await ExecuteAsync("UPDATE history SET salt = NULL, actor = '', item_id = '', change = '', rows = '' WHERE negotiation_id = @p0 AND log_index = 1", Small);
        await ExecuteAsync("DELETE FROM rounds WHERE negotiation_id = @p0 AND id = 'r1'", Small);

        await AssertFoundAsync(f => f.Entry == 1);
    }

    [Fact]
    public async Task Tamper_CheckpointMovedToANegotiationIdWithASpace_IsFoundNotThrown()
    {
        await SmallWithRoundsAsync("r1", "r2");
        await CheckpointAsync(Small);

        // No origin can hold a space (nor '+'): opening the note must be a finding, not an exception.
        await ExecuteAsync("UPDATE checkpoints SET negotiation_id = 'sm all' WHERE negotiation_id = @p0", Small);

        await AssertFoundAsync(f => f.Place == "checkpoint at size 3");
    }

    [Fact]
    public async Task Tamper_RowsFieldWithAKeyOfNumbers_IsFoundNotThrown()
    {
        await SmallWithRoundsAsync("r1", "r2");

        await ExecuteAsync("UPDATE history SET rows = @p0 WHERE negotiation_id = @p1 AND log_index = 1",
            """{"reset":[],"rows":[["rounds",[1,2],"ab"]]}""", Small);

        await AssertFoundAsync(f => f.Entry == 1);
    }

    private async Task AssertFoundAsync(Func<RecordFinding, bool> place)
    {
        var verdict = await VerifyAsync();
        Assert.False(verdict.Ok, "Not found.");
        Assert.True(verdict.Negotiations.SelectMany(n => n.Findings).Any(place), Describe(verdict));
    }
}
