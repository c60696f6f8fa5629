using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalPartnership.Core.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(500);
        builder.Property(m => m.City).HasMaxLength(100);
        builder.Property(m => m.Country).HasMaxLength(100);
        builder.Property(m => m.SourceFileName).HasMaxLength(260);
        builder.Property(m => m.SourceHash).HasMaxLength(64);
        builder.HasIndex(m => m.SourceHash).IsUnique();
        builder.HasIndex(m => new { m.PartnershipId, m.Ordinal });
        builder.Ignore(m => m.Place);
        builder.HasMany(m => m.Outcomes).WithOne(o => o.Meeting).HasForeignKey(o => o.MeetingId);
        builder.Navigation(m => m.Outcomes).HasField("_outcomes");
    }
}
