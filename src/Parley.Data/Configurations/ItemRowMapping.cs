using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Rows;

namespace Parley.Data.Configurations;

/// <summary>The columns every item table shares: key (negotiation, id), ordinal, visibility as strings.</summary>
internal static class ItemRowMapping
{
    public const int KeyLength = 64;

    public static void Item<T>(EntityTypeBuilder<T> b, string table) where T : ItemRow
    {
        b.ToTable(table);
        b.HasKey(r => new { r.NegotiationId, r.Id });
        b.Property(r => r.NegotiationId).HasMaxLength(KeyLength);
        b.Property(r => r.Id).HasMaxLength(KeyLength);
        b.Property(r => r.VisibilityScope).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.VisibilityParty).HasMaxLength(KeyLength);
        b.HasIndex(r => new { r.NegotiationId, r.Ordinal }).IsUnique();
    }

    /// <summary>A column holding an item key (see <c>Parley.Core.Talks.Key</c>).</summary>
    public static PropertyBuilder<T> Key<T>(this PropertyBuilder<T> p) => p.HasMaxLength(KeyLength);
}
