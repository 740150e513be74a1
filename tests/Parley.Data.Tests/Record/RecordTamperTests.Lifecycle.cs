using Parley.Data.Record;

namespace Parley.Data.Tests.RecordTampering;

// The record across a negotiation's life: a database from before the record is brought into it, and a deletion erases
// the entries' contents but not the tree.
public abstract partial class RecordTamperTests
{
    [Fact]
    public async Task Upgrade_OldDatabase_EntriesBecomeATreeSealedWithEveryStoredRow()
    {
        await BuildWorldAsync();
        var actions = new Dictionary<string, string[]>
        {
            [Berlin] = (await HistoryAsync(Berlin)).Select(h => h.Action).ToArray(),
            [Second] = (await HistoryAsync(Second)).Select(h => h.Action).ToArray(),
        };
        // As the old chain left it: no entry hashes, salts, rows, tree heads or checkpoints.
        await ExecuteAsync("UPDATE history SET entry_hash = '', salt = NULL, rows = ''");
        await ExecuteAsync("DELETE FROM record_heads");
        await ExecuteAsync("DELETE FROM checkpoints");

        await using (var db = Open()) await ParleyDatabase.MigrateAsync(db);
        var verdict = await VerifyAsync();

        Assert.True(verdict.Ok, Describe(verdict));
        string[] tables;
        await using (var db = Open()) tables = [.. StateTables.All(db).Select(t => t.Name).Order(StringComparer.Ordinal)];
        foreach (var (id, before) in actions)
        {
            var history = await HistoryAsync(id);
            Assert.Equal(before.Append(RecordUpgrade.SealedAction), history.Select(h => h.Action));
            Assert.Equal(Enumerable.Range(0, history.Count).Select(i => (long)i), history.Select(h => h.Index));
            Assert.All(history, h => Assert.Equal(RecordEntry.EntryHash(h, h.Salt!).ToString(), h.EntryHash));
            Assert.All(history.SkipLast(1), h => Assert.Equal("", h.Rows));
            var seal = RecordedRows.Parse(history[^1].Rows)!;
            Assert.Equal(tables, seal.Resets);
            Assert.All(seal.Rows, r => Assert.NotNull(r.Digest));
            var stored = (await RowCountsAsync(id)).Where(c => c.Value > 0).OrderBy(c => c.Key, StringComparer.Ordinal);
            Assert.Equal(stored, seal.Rows.GroupBy(r => r.Table).Select(g => KeyValuePair.Create(g.Key, (long)g.Count())).OrderBy(c => c.Key, StringComparer.Ordinal));
        }

        var party = (string)(await WithDb(db => Sql.ScalarAsync(db, "SELECT id FROM parties WHERE negotiation_id = @p0 ORDER BY ordinal LIMIT 1", Berlin)))!;
        await ExecuteAsync("UPDATE parties SET name = @p0 WHERE negotiation_id = @p1 AND id = @p2", "Forged", Berlin, party);
        var edited = await VerifyAsync();
        var finding = Assert.Single(edited.Negotiations.SelectMany(n => n.Findings));
        Assert.Equal(("parties", $"({Berlin}, {party})"), (finding.Table, finding.Row));
    }

    [Fact]
    public async Task Delete_EntriesErasedButTheirHashesKept_TheTreeAndASavedCheckpointStillVerify()
    {
        await BuildWorldAsync();
        var saved = (await CheckpointAsync(Berlin))!;
        var before = await HistoryAsync(Berlin);

        Assert.True(await WithStore(s => s.DeleteAsync(Berlin, "admin")));
        var after = await HistoryAsync(Berlin);
        var verdict = await VerifyAsync();
        var withSaved = await VerifyAsync(savedCheckpoint: saved.Note);

        Assert.True(verdict.Ok, Describe(verdict));
        Assert.True(withSaved.Ok, Describe(withSaved));
        Assert.Equal(before.Count, saved.TreeSize);
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Equal(before.Select(e => (e.Sequence, e.Index, e.EntryHash)), after.Take(before.Count).Select(e => (e.Sequence, e.Index, e.EntryHash)));
        Assert.All(after.Take(before.Count), e => Assert.Equal((true, "", "", "", ""), (e.IsErased, e.Actor, e.ItemId, e.Change, e.Rows)));
        Assert.Equal(("negotiation.deleted", "admin", false), (after[^1].Action, after[^1].Actor, after[^1].IsErased));
        Assert.All(await RowCountsAsync(Berlin), c => Assert.Equal(0, c.Value));
        Assert.Equal(after.Count, Assert.Single(verdict.Negotiations, n => n.Id == Berlin).Entries);
    }
}
