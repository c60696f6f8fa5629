using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalPartnership.Core.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(Meeting.TitleMaxLength);
        builder.Property(m => m.SourceFileName).HasMaxLength(Meeting.SourceFileNameMaxLength);
        builder.Property(m => m.SourceHash).HasMaxLength(64);
        builder.HasIndex(m => m.SourceHash).IsUnique();
        // EF Core cannot index the columns of a complex type (dotnet/efcore#31246); a partnership has a handful of
        // Councils, so finding one by ordinal reads a few rows of the PartnershipId index anyway.
        builder.ComplexProperty(m => m.Place, MeetingPlaceColumns.Configure);
        builder.HasMany(m => m.Outcomes).WithOne(o => o.Meeting).HasForeignKey(o => o.MeetingId);
        builder.Navigation(m => m.Outcomes).HasField("_outcomes");
        builder.Navigation(m => m.Journal).HasField("_journal");
        builder.Property(m => m.Version).IsConcurrencyToken();
    }
}
