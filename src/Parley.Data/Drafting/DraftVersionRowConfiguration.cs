using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Core.Drafting;
using Parley.Data.Configurations;
using Parley.Data.Rows;

namespace Parley.Data.Drafting;

internal sealed class DraftVersionRowConfiguration : IEntityTypeConfiguration<DraftVersionRow>
{
    public void Configure(EntityTypeBuilder<DraftVersionRow> b)
    {
        b.ToTable("draft_versions");
        b.HasKey(r => new { r.NegotiationId, r.Draft, r.Version });
        b.Property(r => r.NegotiationId).Key();
        b.Property(r => r.Draft).Key();
        b.Property(r => r.Version).HasMaxLength(DraftVersion.MaxLabelLength);
        b.Property(r => r.Author).HasMaxLength(DraftVersion.MaxAuthorLength);
        b.Property(r => r.Format).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(r => new { r.NegotiationId, r.Draft, r.Ordinal }).IsUnique();
        // Drafts belong to their negotiation: deleting (or replacing) it deletes them, in the same statement.
        b.HasOne<NegotiationRow>().WithMany().HasForeignKey(r => r.NegotiationId).OnDelete(DeleteBehavior.Cascade);
    }
}
