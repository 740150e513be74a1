using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Rows;

namespace Parley.Data.Configurations;

internal sealed class ContingencyRowConfiguration : IEntityTypeConfiguration<ContingencyRow>
{
    public void Configure(EntityTypeBuilder<ContingencyRow> b)
    {
        ItemRowMapping.Item(b, "contingencies");
        b.Property(r => r.Owner).Key();
        b.Property(r => r.TriggerKind).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.TriggerProposal).Key();
        b.Property(r => r.TriggerBy).Key();
        b.Property(r => r.Statement).Key();
    }
}
