using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Rows;

namespace Parley.Data.Configurations;

internal sealed class PositionRowConfiguration : IEntityTypeConfiguration<PositionRow>
{
    public void Configure(EntityTypeBuilder<PositionRow> b)
    {
        ItemRowMapping.Item(b, "positions");
        b.Property(r => r.Party).Key();
        b.Property(r => r.Issue).Key();
        b.Property(r => r.Statement).Key();
        // "Where does party X stand on issue Y as of D" reads this index.
        b.HasIndex(r => new { r.NegotiationId, r.Issue, r.Party, r.ValidFrom });
    }
}
