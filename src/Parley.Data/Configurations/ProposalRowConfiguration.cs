using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Rows;

namespace Parley.Data.Configurations;

internal sealed class ProposalRowConfiguration : IEntityTypeConfiguration<ProposalRow>
{
    public void Configure(EntityTypeBuilder<ProposalRow> b)
    {
        ItemRowMapping.Item(b, "proposals");
        b.Property(r => r.Author).Key();
        b.Property(r => r.Title).HasMaxLength(500);
    }
}
