using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Rows;

namespace Parley.Data.Configurations;

internal sealed class WorkingGroupRowConfiguration : IEntityTypeConfiguration<WorkingGroupRow>
{
    public void Configure(EntityTypeBuilder<WorkingGroupRow> b)
    {
        ItemRowMapping.Item(b, "working_groups");
        b.Property(r => r.Name).HasMaxLength(500);
        b.Property(r => r.Venue).HasMaxLength(500);
    }
}
