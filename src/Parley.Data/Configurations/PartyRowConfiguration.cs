using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Rows;

namespace Parley.Data.Configurations;

internal sealed class PartyRowConfiguration : IEntityTypeConfiguration<PartyRow>
{
    public void Configure(EntityTypeBuilder<PartyRow> b)
    {
        ItemRowMapping.Item(b, "parties");
        b.Property(r => r.Name).HasMaxLength(500);
    }
}
