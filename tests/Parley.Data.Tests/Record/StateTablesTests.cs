using Parley.Data.Record;
using Parley.Data.Rows;

namespace Parley.Data.Tests.RecordTampering;

/// <summary>The record covers every table of negotiation state: a new table must be listed as state or excluded with a reason.</summary>
public sealed class StateTablesTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void StateTables_EveryTableWithANegotiation_IsCoveredOrExcludedWithAReason(string provider)
    {
        // Building the model opens no connection.
        using var db = ParleyDatabase.Open(provider == "sqlite"
            ? Path.Combine(Path.GetTempPath(), "parley-model-only.db")
            : "Host=127.0.0.1;Database=parley_model_only");
        var withNegotiation = db.Model.GetEntityTypes()
            .Where(e => !e.IsOwned() && (e.ClrType == typeof(NegotiationRow) || e.FindProperty(nameof(ItemRow.NegotiationId)) is not null))
            .Select(e => e.ClrType).ToArray();

        var unlisted = withNegotiation.Except(StateTables.Rows).Except(StateTables.NotState.Keys).Select(t => t.Name);
        Assert.True(!unlisted.Any(), "Neither in StateTables.Rows nor in StateTables.NotState: " + string.Join(", ", unlisted));
        Assert.Empty(StateTables.Rows.Intersect(StateTables.NotState.Keys));
        Assert.Empty(StateTables.Rows.Concat(StateTables.NotState.Keys).Except(withNegotiation));
        Assert.All(StateTables.NotState.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
        Assert.Equal(StateTables.Rows.Length, StateTables.All(db).Select(t => t.Name).Distinct().Count());
    }
}
