using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Rows;

namespace Parley.Data.Configurations;

internal sealed class IssueRowConfiguration : IEntityTypeConfiguration<IssueRow>
{
    public void Configure(EntityTypeBuilder<IssueRow> b)
    {
        ItemRowMapping.Item(b, "issues");
        b.Property(r => r.Title).HasMaxLength(500);
        b.Property(r => r.Category).HasMaxLength(200);
    }
}
