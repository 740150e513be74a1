using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Rows;

namespace Parley.Data.Configurations;

internal sealed class RoundRowConfiguration : IEntityTypeConfiguration<RoundRow>
{
    public void Configure(EntityTypeBuilder<RoundRow> b)
    {
        ItemRowMapping.Item(b, "rounds");
        b.Property(r => r.Title).HasMaxLength(500);
        b.Property(r => r.Venue).HasMaxLength(500);
    }
}
