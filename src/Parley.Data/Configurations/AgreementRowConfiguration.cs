using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Rows;

namespace Parley.Data.Configurations;

internal sealed class AgreementRowConfiguration : IEntityTypeConfiguration<AgreementRow>
{
    public void Configure(EntityTypeBuilder<AgreementRow> b)
    {
        ItemRowMapping.Item(b, "agreements");
        b.Property(r => r.Issue).Key();
        b.Property(r => r.Option).Key();
        b.Property(r => r.Source).Key();
    }
}
