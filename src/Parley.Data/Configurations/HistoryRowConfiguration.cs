using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Rows;

namespace Parley.Data.Configurations;

internal sealed class HistoryRowConfiguration : IEntityTypeConfiguration<HistoryRow>
{
    public void Configure(EntityTypeBuilder<HistoryRow> b)
    {
        // No foreign key to negotiations: the record outlives what it describes.
        b.ToTable("history");
        b.HasKey(h => h.Sequence);
        // Assigned under the writer lock as last + 1, so there are no gaps (an identity would leave some on rollback).
        b.Property(h => h.Sequence).ValueGeneratedNever();
        b.Property(h => h.NegotiationId).Key();
        b.Property(h => h.Actor).HasMaxLength(200);
        b.Property(h => h.Action).HasMaxLength(64);
        b.Property(h => h.ItemKind).HasMaxLength(32);
        b.Property(h => h.ItemId).Key();
        // Entries written before visibility was recorded are the mediator's.
        b.Property(h => h.Visibility).HasMaxLength(80).HasDefaultValue("mediator");
        b.Property(h => h.Rows).HasDefaultValue("");
        b.Property(h => h.Salt).HasMaxLength(64).IsFixedLength();
        b.Property(h => h.EntryHash).HasMaxLength(64).IsFixedLength().HasDefaultValue("");
        b.HasIndex(h => new { h.NegotiationId, h.LogIndex }).IsUnique();
    }
}

internal sealed class HistoryHeadRowConfiguration : IEntityTypeConfiguration<HistoryHeadRow>
{
    public void Configure(EntityTypeBuilder<HistoryHeadRow> b)
    {
        b.ToTable("history_head");
        b.HasKey(h => h.Id);
        b.Property(h => h.Id).ValueGeneratedNever();
    }
}

internal sealed class RecordHeadRowConfiguration : IEntityTypeConfiguration<RecordHeadRow>
{
    public void Configure(EntityTypeBuilder<RecordHeadRow> b)
    {
        b.ToTable("record_heads");
        b.HasKey(h => h.NegotiationId);
        b.Property(h => h.NegotiationId).Key();
        b.Property(h => h.Root).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class CheckpointRowConfiguration : IEntityTypeConfiguration<CheckpointRow>
{
    public void Configure(EntityTypeBuilder<CheckpointRow> b)
    {
        b.ToTable("checkpoints");
        b.HasKey(c => new { c.NegotiationId, c.TreeSize });
        b.Property(c => c.NegotiationId).Key();
    }
}
