using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalPartnership.Core.Data.Configurations;

internal sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> builder)
    {
        builder.Property(p => p.Slug).HasMaxLength(Partnership.SlugMaxLength);
        builder.Property(p => p.Name).HasMaxLength(Partnership.NameMaxLength);
        builder.Property(p => p.Partner).HasMaxLength(Partnership.PartnerMaxLength);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.HasMany(p => p.Meetings).WithOne(m => m.Partnership).HasForeignKey(m => m.PartnershipId);
        builder.HasMany(p => p.Milestones).WithOne(m => m.Partnership).HasForeignKey(m => m.PartnershipId);
    }
}
