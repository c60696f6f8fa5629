using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalPartnership.Core.Data.Configurations;

internal sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> builder)
    {
        builder.Property(p => p.Slug).HasMaxLength(100);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Partner).HasMaxLength(100);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.HasMany(p => p.Meetings).WithOne(m => m.Partnership).HasForeignKey(m => m.PartnershipId);
        builder.HasMany(p => p.Milestones).WithOne(m => m.Partnership).HasForeignKey(m => m.PartnershipId);
    }
}
