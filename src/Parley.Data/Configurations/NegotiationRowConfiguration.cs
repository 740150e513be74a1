using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Rows;

namespace Parley.Data.Configurations;

internal sealed class NegotiationRowConfiguration : IEntityTypeConfiguration<NegotiationRow>
{
    public void Configure(EntityTypeBuilder<NegotiationRow> b)
    {
        b.ToTable("negotiations");
        b.HasKey(n => n.Id);
        b.Property(n => n.Id).Key();
        b.Property(n => n.Title).HasMaxLength(500);
        // Deleting a negotiation deletes its items in the database (one statement, same transaction).
        b.HasMany(n => n.Parties).WithOne().HasForeignKey(r => r.NegotiationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(n => n.Issues).WithOne().HasForeignKey(r => r.NegotiationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(n => n.Statements).WithOne().HasForeignKey(r => r.NegotiationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(n => n.Positions).WithOne().HasForeignKey(r => r.NegotiationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(n => n.Proposals).WithOne().HasForeignKey(r => r.NegotiationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(n => n.Agreements).WithOne().HasForeignKey(r => r.NegotiationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(n => n.Rounds).WithOne().HasForeignKey(r => r.NegotiationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(n => n.WorkingGroups).WithOne().HasForeignKey(r => r.NegotiationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(n => n.Contingencies).WithOne().HasForeignKey(r => r.NegotiationId).OnDelete(DeleteBehavior.Cascade);
    }
}
