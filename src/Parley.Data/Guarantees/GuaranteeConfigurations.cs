using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Rows;

namespace Parley.Data.Guarantees;

internal static class GuaranteeColumns
{
    public const int IncidentIdLength = 128;
    public const int NameLength = 500;
}

internal sealed class IncidentRowConfiguration : IEntityTypeConfiguration<IncidentRow>
{
    public void Configure(EntityTypeBuilder<IncidentRow> b)
    {
        b.ToTable("incidents");
        b.HasKey(r => new { r.NegotiationId, r.Id });
        b.Property(r => r.NegotiationId).HasMaxLength(Configurations.ItemRowMapping.KeyLength);
        b.Property(r => r.Id).HasMaxLength(GuaranteeColumns.IncidentIdLength);
        b.Property(r => r.Precision).HasMaxLength(16);
        b.Property(r => r.State).HasMaxLength(16);
        b.Property(r => r.DuplicateOf).HasMaxLength(GuaranteeColumns.IncidentIdLength);
        foreach (var name in new[] { nameof(IncidentRow.Country), nameof(IncidentRow.Admin1), nameof(IncidentRow.Admin2),
                     nameof(IncidentRow.Admin3), nameof(IncidentRow.Place), nameof(IncidentRow.EventType), nameof(IncidentRow.SubEventType) })
            b.Property(name).HasMaxLength(GuaranteeColumns.NameLength);
        // The desk's pages (docs/guarantees.md, "The desk"): duplicate groups newest first, a group's members, and the
        // counts, through the first; the verification queue (oldest waiting first) and state filters through the second.
        // Each makes an import's inserts dearer (docs/benchmarks.md); no other index on the time. The foreign key is
        // covered by the key.
        b.HasIndex(r => new { r.NegotiationId, r.DuplicateOf, r.Start, r.Id }).HasDatabaseName("IX_incidents_groups");
        b.HasIndex(r => new { r.NegotiationId, r.State, r.Start, r.Id }).HasDatabaseName("IX_incidents_state");
        b.HasOne<NegotiationRow>().WithMany().HasForeignKey(r => r.NegotiationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncidentReviewRowConfiguration : IEntityTypeConfiguration<IncidentReviewRow>
{
    public void Configure(EntityTypeBuilder<IncidentReviewRow> b)
    {
        b.ToTable("incident_reviews");
        b.HasKey(r => new { r.NegotiationId, r.IncidentId, r.Step });
        b.Property(r => r.NegotiationId).HasMaxLength(Configurations.ItemRowMapping.KeyLength);
        b.Property(r => r.IncidentId).HasMaxLength(GuaranteeColumns.IncidentIdLength);
        b.Property(r => r.ToState).HasMaxLength(16);
        b.Property(r => r.Reviewer).HasMaxLength(200);
        b.Property(r => r.ResponsibleParty).HasMaxLength(Configurations.ItemRowMapping.KeyLength);
        b.HasOne<IncidentRow>().WithMany().HasForeignKey(r => new { r.NegotiationId, r.IncidentId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommitmentRowConfiguration : IEntityTypeConfiguration<CommitmentRow>
{
    public void Configure(EntityTypeBuilder<CommitmentRow> b)
    {
        b.ToTable("commitments");
        b.HasKey(r => new { r.NegotiationId, r.Id });
        b.Property(r => r.NegotiationId).HasMaxLength(Configurations.ItemRowMapping.KeyLength);
        b.Property(r => r.Id).HasMaxLength(Configurations.ItemRowMapping.KeyLength);
        b.Property(r => r.Kind).HasMaxLength(16);
        b.Property(r => r.Title).HasMaxLength(GuaranteeColumns.NameLength);
        b.HasOne<NegotiationRow>().WithMany().HasForeignKey(r => r.NegotiationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommitmentEventRowConfiguration : IEntityTypeConfiguration<CommitmentEventRow>
{
    public void Configure(EntityTypeBuilder<CommitmentEventRow> b)
    {
        b.ToTable("commitment_events");
        b.HasKey(r => new { r.NegotiationId, r.Sequence });
        b.Property(r => r.Sequence).ValueGeneratedNever();
        b.Property(r => r.NegotiationId).HasMaxLength(Configurations.ItemRowMapping.KeyLength);
        b.Property(r => r.CommitmentId).HasMaxLength(Configurations.ItemRowMapping.KeyLength);
        b.Property(r => r.LifecycleAction).HasMaxLength(16);
        b.Property(r => r.Performed).HasMaxLength(200);
        b.Property(r => r.Party).HasMaxLength(Configurations.ItemRowMapping.KeyLength);
        b.Property(r => r.IncidentId).HasMaxLength(GuaranteeColumns.IncidentIdLength);
        b.HasOne<CommitmentRow>().WithMany().HasForeignKey(r => new { r.NegotiationId, r.CommitmentId }).OnDelete(DeleteBehavior.Cascade);
    }
}
