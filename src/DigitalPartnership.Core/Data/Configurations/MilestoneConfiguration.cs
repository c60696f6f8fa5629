using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalPartnership.Core.Data.Configurations;

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(Milestone.TitleMaxLength);
        builder.Property(m => m.AsStated).HasMaxLength(Milestone.AsStatedMaxLength);
        builder.ComplexProperty(m => m.Place, MeetingPlaceColumns.Configure);
        builder.HasOne(m => m.AnnouncedAt).WithMany().HasForeignKey(m => m.AnnouncedAtId).OnDelete(DeleteBehavior.SetNull);
        // Not indexable by EF Core (a complex type's columns); milestones number a few per partnership.
    }
}
