using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Parley.Data.Access;
using Parley.Data.Drafting;
using Parley.Data.Guarantees;
using Parley.Data.Rows;

namespace Parley.Data.Record;

/// <summary>
/// The tables that hold a negotiation's state — everything a page or an engine reads — and so are covered by the record:
/// every row written is digested into the history entry that wrote it, and <see cref="RecordVerifier"/> checks every
/// stored row against those digests. A new table is either listed here or in <see cref="NotState"/> with the reason;
/// a test fails otherwise.
/// </summary>
internal static class StateTables
{
    /// <summary>The covered row types, in a fixed order (the order findings are reported in).</summary>
    public static readonly Type[] Rows =
    [
        typeof(NegotiationRow), typeof(PartyRow), typeof(IssueRow), typeof(StatementRow), typeof(PositionRow), typeof(ProposalRow),
        typeof(AgreementRow), typeof(RoundRow), typeof(WorkingGroupRow), typeof(ContingencyRow), typeof(PreferenceProfileRow),
        typeof(DraftVersionRow), typeof(IncidentRow), typeof(IncidentReviewRow), typeof(CommitmentRow), typeof(CommitmentEventRow),
        typeof(MembershipRow),
    ];

    /// <summary>Tables with a negotiation column that are not negotiation state, and why.</summary>
    public static readonly IReadOnlyDictionary<Type, string> NotState = new Dictionary<Type, string>
    {
        [typeof(HistoryRow)] = "the record itself (checked as trees)",
        [typeof(RecordHeadRow)] = "the trees' heads (checked against the recomputed trees)",
        [typeof(CheckpointRow)] = "signed checkpoints (checked by their signatures and against the trees)",
        [typeof(ApiTokenRow)] = "a user's credentials (a token limited to one negotiation), not the negotiation's content",
    };

    /// <summary>Every covered table as the model maps it.</summary>
    public static IReadOnlyList<StateTable> All(ParleyDbContext db) =>
        Rows.Select(t => StateTable.Of(db.Model.FindEntityType(t) ?? throw new InvalidOperationException($"{t.Name} is not mapped."))).ToArray();

    /// <summary>The covered table a tracked or mapped type belongs to, or null when it is not state.</summary>
    public static StateTable? Of(ParleyDbContext db, Type rowType) =>
        Array.IndexOf(Rows, rowType) < 0 ? null : StateTable.Of(db.Model.FindEntityType(rowType)!);
}

/// <summary>One covered table: its name, its columns (sorted), its key columns (in key order) and the column naming the negotiation.</summary>
internal sealed record StateTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IProperty> Key, string NegotiationColumn)
{
    // Column names are looked up in the model's annotations, which costs more than the rest of a small write's record:
    // each entity type's table is worked out once (a model lives as long as the process).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IEntityType, StateTable> Known = new();

    /// <summary>The covered table of <paramref name="type"/>, worked out once per model.</summary>
    public static StateTable Of(IEntityType type) => Known.GetValue(type, Build);

    private static StateTable Build(IEntityType type)
    {
        var table = type.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var columns = type.GetProperties().Select(p => p.GetColumnName(store)!).Order(StringComparer.Ordinal).ToArray();
        var key = type.FindPrimaryKey()!.Properties;
        var negotiation = type.ClrType == typeof(NegotiationRow) ? "id" : "negotiation_id";
        return new StateTable(table, columns, key.ToArray(), negotiation);
    }

    /// <summary>The key columns, in key order.</summary>
    public IEnumerable<string> KeyColumns => Key.Select(p => p.GetColumnName()!);
}
