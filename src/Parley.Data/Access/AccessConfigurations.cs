using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Configurations;

namespace Parley.Data.Access;

internal sealed class MembershipRowConfiguration : IEntityTypeConfiguration<MembershipRow>
{
    public void Configure(EntityTypeBuilder<MembershipRow> b)
    {
        b.ToTable("memberships");
        b.HasKey(m => new { m.NegotiationId, m.UserId });
        b.Property(m => m.NegotiationId).Key();
        b.Property(m => m.UserId).HasMaxLength(450);
        b.Property(m => m.Role).HasMaxLength(16);
        b.Property(m => m.Party).HasMaxLength(64);
        b.Property(m => m.GrantedBy).HasMaxLength(200);
        b.HasOne<ParleyUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => m.UserId);
    }
}

internal sealed class ApiTokenRowConfiguration : IEntityTypeConfiguration<ApiTokenRow>
{
    public void Configure(EntityTypeBuilder<ApiTokenRow> b)
    {
        b.ToTable("api_tokens");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).HasMaxLength(32);
        b.Property(t => t.UserId).HasMaxLength(450);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.SecretHash).HasMaxLength(64).IsFixedLength();
        b.Property(t => t.NegotiationId).HasMaxLength(64);
        b.HasIndex(t => t.SecretHash).IsUnique();
        b.HasOne<ParleyUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
