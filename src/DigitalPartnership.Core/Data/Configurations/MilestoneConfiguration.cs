using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalPartnership.Core.Data.Configurations;

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(300);
        builder.Property(m => m.City).HasMaxLength(100);
        builder.Property(m => m.Country).HasMaxLength(100);
        builder.Ignore(m => m.Place);
        builder.HasOne(m => m.AnnouncedAt).WithMany().HasForeignKey(m => m.AnnouncedAtId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.PartnershipId, m.Year, m.Date });
    }
}
