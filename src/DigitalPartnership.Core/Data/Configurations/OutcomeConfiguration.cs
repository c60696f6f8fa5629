using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalPartnership.Core.Data.Configurations;

internal sealed class OutcomeConfiguration : IEntityTypeConfiguration<Outcome>
{
    public void Configure(EntityTypeBuilder<Outcome> builder)
    {
        builder.Property(o => o.Slug).HasMaxLength(Text.Slugs.MaxLength + 10);
        builder.Property(o => o.Title).HasMaxLength(Outcome.TitleMaxLength);
        builder.Property(o => o.Summary).HasMaxLength(Outcome.SummaryMaxLength);
        builder.Property(o => o.TitleJapanese).HasMaxLength(JapaneseVersion.TitleMaxLength);
        builder.Property(o => o.SummaryJapanese).HasMaxLength(JapaneseVersion.SummaryMaxLength);
        builder.Property(o => o.Section).HasMaxLength(Outcome.SectionMaxLength);
        builder.HasIndex(o => o.Slug).IsUnique();
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasIndex(o => new { o.MeetingId, o.Position });
        builder.HasMany(o => o.Deliverables).WithOne(d => d.Outcome).HasForeignKey(d => d.OutcomeId);
        builder.Navigation(o => o.Deliverables).HasField("_deliverables");
        builder.HasMany(o => o.Areas).WithMany().UsingEntity(
            "OutcomeAreas",
            r => r.HasOne(typeof(Area)).WithMany().HasForeignKey("AreaId"),
            l => l.HasOne(typeof(Outcome)).WithMany().HasForeignKey("OutcomeId"),
            j =>
            {
                j.HasKey("OutcomeId", "AreaId");
                j.HasIndex("AreaId", "OutcomeId");
            });
        builder.Navigation(o => o.Areas).HasField("_areas");
        builder.Navigation(o => o.Journal).HasField("_journal");
    }
}
