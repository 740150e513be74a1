using System.Text.Json.Serialization;

namespace Parley.Data.Record;

/// <summary>The result of <see cref="RecordVerifier.VerifyAsync"/>: ok when no negotiation has a finding.</summary>
/// <param name="Negotiations">Each negotiation checked, by id (ordinal).</param>
/// <param name="Warnings">What could not be checked (e.g. signatures without a key); not findings.</param>
public sealed record RecordVerification(IReadOnlyList<NegotiationRecord> Negotiations, IReadOnlyList<string> Warnings)
{
    /// <summary>True when every tree, signature and stored row agrees with the record.</summary>
    [JsonPropertyOrder(-1)]
    public bool Ok => Negotiations.All(n => n.Findings.Count == 0);
}

/// <summary>One negotiation's record: its entries, its tree's root as recomputed, and what disagrees.</summary>
/// <param name="Id">The negotiation.</param>
/// <param name="Entries">Entries in its record (the tree size).</param>
/// <param name="Root">The tree's root recomputed from the entries, lower-case hex.</param>
/// <param name="Findings">Each disagreement, naming its place.</param>
public sealed record NegotiationRecord(string Id, long Entries, string Root, IReadOnlyList<RecordFinding> Findings);

/// <summary>
/// One disagreement: where (an entry of the record, a checkpoint, or a table and row) and what.
/// </summary>
/// <param name="Place">The place for people: <c>entry 12</c>, <c>table positions row (berlin-2025, p-3)</c>, <c>checkpoint at size 40</c>, <c>record head</c>.</param>
/// <param name="Message">What disagrees.</param>
/// <param name="Entry">The entry's index, when the place is an entry.</param>
/// <param name="Table">The table, when the place is a stored row (or a table's head).</param>
/// <param name="Row">The row's key, when the place is a stored row.</param>
public sealed record RecordFinding(
    string Place,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Entry = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Table = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Row = null)
{
    internal static RecordFinding AtEntry(long index, string message) => new($"entry {index}", message, Entry: index);

    internal static RecordFinding AtRow(string table, string key, string message)
    {
        var row = RowDigests.Readable(key);
        return new($"table {table} row {row}", message, Table: table, Row: row);
    }
}
