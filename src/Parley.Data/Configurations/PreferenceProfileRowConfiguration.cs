using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Rows;

namespace Parley.Data.Configurations;

internal sealed class PreferenceProfileRowConfiguration : IEntityTypeConfiguration<PreferenceProfileRow>
{
    public void Configure(EntityTypeBuilder<PreferenceProfileRow> b)
    {
        ItemRowMapping.Item(b, "preference_profiles");
        // Configured from this side so the negotiation row needs no list of profiles; deleting it deletes them.
        b.HasOne<NegotiationRow>().WithMany().HasForeignKey(r => r.NegotiationId).OnDelete(DeleteBehavior.Cascade);
    }
}
