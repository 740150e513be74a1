using System.Globalization;
using Parley.Data.Record;
using Parley.Data.Rows;
using Parley.Data.Tests.Support;
using Parley.Testing;

namespace Parley.Data.Tests.RecordTampering;

// Random edits of the database, each on a fresh copy of the rich world: every one must be found, at its place.
public abstract partial class RecordTamperTests
{
    /// <summary>Overrides the seed of the random edits (default <see cref="DefaultSeed"/>).</summary>
    public const string SeedVariable = "PARLEY_TAMPER_SEED";

    /// <summary>Overrides the number of random edits per provider (default <see cref="DefaultTrials"/>).</summary>
    public const string TrialsVariable = "PARLEY_TAMPER_TRIALS";

    private const int DefaultSeed = 20261203;
    private const int DefaultTrials = 60;

    /// <summary>Draws for one table before the test gives up: a table whose every edit the database refuses is a broken test.</summary>
    private const int AttemptsPerTrial = 200;

    /// <summary>The record's own tables, mutated besides every covered one.</summary>
    private static readonly Type[] RecordTables = [typeof(HistoryRow), typeof(RecordHeadRow), typeof(CheckpointRow), typeof(HistoryHeadRow)];

    [Fact]
    public async Task World_EveryCoveredTableHoldsRowsOfBerlin_AndTheRecordVerifies()
    {
        await BuildWorldAsync();

        var counts = await RowCountsAsync(Berlin);
        var verdict = await VerifyAsync();

        Assert.Equal(StateTables.Rows.Length, counts.Count);
        Assert.True(counts.All(c => c.Value > 0), "Empty for Berlin: " + string.Join(", ", counts.Where(c => c.Value == 0).Select(c => c.Key)));
        Assert.True(verdict.Ok, Describe(verdict));
        Assert.Equal([Berlin, Second], verdict.Negotiations.Select(n => n.Id));
        Assert.Empty(verdict.Warnings);
        foreach (var n in verdict.Negotiations) Assert.Equal((await HistoryAsync(n.Id)).Count, n.Entries);
    }

    [Fact]
    public async Task RandomEdit_AnyTableOfStateOrRecord_IsFoundAtItsPlace()
    {
        var seed = Setting(SeedVariable, DefaultSeed);
        var random = new Random(seed);
        var tamperer = new Tamperer(random);
        await BuildWorldAsync();
        TamperTable[] tables;
        await using (var db = Open())
            tables = [.. StateTables.Rows.Concat(RecordTables).Select(t => TamperTable.Of(db.Model.FindEntityType(t)!))];
        // Every table in each round, in a random order: the trials reach all of them.
        var trials = Math.Max(Setting(TrialsVariable, DefaultTrials), tables.Length);
        var schedule = Enumerable.Range(0, (trials + tables.Length - 1) / tables.Length)
            .SelectMany(_ => tables.OrderBy(_ => random.Next())).Take(trials).ToArray();
        Output.WriteLine($"{GetType().Name}: seed {seed} ({SeedVariable}), {trials} trials ({TrialsVariable}) over {tables.Length} tables");

        var mutated = new Dictionary<string, int>(StringComparer.Ordinal);
        var refused = 0;
        var missed = new List<string>();
        TestDatabase? copy = null;
        try
        {
            for (var trial = 0; trial < schedule.Length; trial++)
            {
                var table = schedule[trial];
                Tampering? done = null;
                for (var attempt = 0; done is null; attempt++)
                {
                    Assert.True(attempt < AttemptsPerTrial, $"The database refused {AttemptsPerTrial} edits of {table.Name} in a row.");
                    copy ??= await CopyAsync(Database);
                    await using var db = copy.Open();
                    (done, var refusal) = await tamperer.TryAsync(db, table, KindsFor(table));
                    if (done is not null) break;
                    refused++;
                    Output.WriteLine($"  refused: {refusal}");
                }
                var (found, report) = await FindAsync(copy!, done!);
                Output.WriteLine($"  trial {trial}: {done} → {(found ? "found" : "MISSED")}");
                if (!found) missed.Add($"trial {trial} (seed {seed}): {done}\n{report}");
                mutated[table.Name] = mutated.GetValueOrDefault(table.Name) + 1;
                await copy!.DisposeAsync();
                copy = null;
            }
        }
        finally
        {
            if (copy is not null) await copy.DisposeAsync();
        }

        Output.WriteLine($"{trials - missed.Count} of {trials} edits found, {refused} refused by the database; per table: " +
                         string.Join(", ", mutated.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key} {m.Value}")));
        Assert.True(missed.Count == 0, $"{missed.Count} of {trials} edits not found at their place (seed {seed}):\n" + string.Join("\n", missed));
        Assert.Equal(tables.Select(t => t.Name).Order(StringComparer.Ordinal), mutated.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Changes three times as often as deletions and copies, with one exception: a stored checkpoint is not deleted: it is
    /// evidence of what was signed, and its absence proves nothing (a tree cut back under a checkpoint is caught by the
    /// copies kept outside, SavedCheckpoint_…).
    /// </summary>
    private static IReadOnlyList<MutationKind> KindsFor(TamperTable table) =>
        table.RowType == typeof(CheckpointRow) ? [MutationKind.Change, MutationKind.Change, MutationKind.Change, MutationKind.Duplicate]
        : [MutationKind.Change, MutationKind.Change, MutationKind.Change, MutationKind.Delete, MutationKind.Duplicate];

    /// <summary>Verifies the damaged copy: found when a finding names the place; a verifier that throws has found nothing.</summary>
    private static async Task<(bool Found, string Report)> FindAsync(TestDatabase copy, Tampering done)
    {
        try
        {
            var verdict = await VerifyAsync(copy);
            return (!verdict.Ok && IsNamed(done, verdict), Describe(verdict));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or System.Text.Json.JsonException)
        {
            return (false, $"  the verifier threw {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Whether a finding names the place of the mutation.</summary>
    private static bool IsNamed(Tampering t, RecordVerification verdict)
    {
        var findings = verdict.Negotiations.SelectMany(n => n.Findings.Select(f => (Negotiation: n.Id, Finding: f))).ToArray();
        if (StateTables.Rows.Contains(t.Table.RowType))
        {
            var rows = new[] { Readable(t.Key), Readable(t.NewKey) };
            return findings.Any(x => x.Finding.Table == t.Table.Name && rows.Contains(x.Finding.Row));
        }
        if (t.Table.RowType == typeof(HistoryHeadRow)) // missing sequences, or entries beyond the head
            return findings.Any(x => x.Finding.Place.StartsWith("sequence", StringComparison.Ordinal) || x.Finding.Place == "history head"
                                     || x.Finding.Message.Contains("outside the log", StringComparison.Ordinal));
        var negotiations = t.Values("negotiation_id").Select(v => (string)v!).ToArray();
        var mine = findings.Where(x => negotiations.Contains(x.Negotiation)).Select(x => x.Finding).ToArray();
        if (t.Table.RowType == typeof(RecordHeadRow)) return mine.Any(f => f.Place == "record head");
        if (t.Table.RowType == typeof(CheckpointRow))
            return mine.Any(f => t.Values("tree_size").Any(s => f.Place == $"checkpoint at size {Convert.ToInt64(s, CultureInfo.InvariantCulture)}"));
        var indices = t.Values("log_index").Select(i => (long?)Convert.ToInt64(i, CultureInfo.InvariantCulture)).ToArray();
        return mine.Any(f => indices.Contains(f.Entry) || f.Place == "record head")
               || findings.Any(x => x.Finding.Place.StartsWith("sequence", StringComparison.Ordinal));
    }

    /// <summary>A key as findings name rows: <c>(berlin-2025, ua)</c>.</summary>
    private static string Readable(IReadOnlyList<object?> key) =>
        "(" + string.Join(", ", key.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))) + ")";

    private static int Setting(string variable, int fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
