using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Rows;

namespace Parley.Data.Configurations;

internal sealed class StatementRowConfiguration : IEntityTypeConfiguration<StatementRow>
{
    public void Configure(EntityTypeBuilder<StatementRow> b)
    {
        ItemRowMapping.Item(b, "statements");
        b.Property(r => r.Speaker).Key();
    }
}
