using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalPartnership.Core.Data.Configurations;

internal sealed class DeliverableConfiguration : IEntityTypeConfiguration<Deliverable>
{
    public void Configure(EntityTypeBuilder<Deliverable> builder)
    {
        builder.Property(d => d.Title).HasMaxLength(Deliverable.TitleMaxLength);
        builder.Property(d => d.TitleJapanese).HasMaxLength(JapaneseVersion.TitleMaxLength);
        builder.Property(d => d.SummaryJapanese).HasMaxLength(JapaneseVersion.SummaryMaxLength);
        builder.Property(d => d.EuLead).HasMaxLength(Deliverable.LeadMaxLength);
        builder.Property(d => d.PartnerLead).HasMaxLength(Deliverable.LeadMaxLength);
        builder.Property(d => d.Notes).HasMaxLength(Deliverable.NotesMaxLength);
        builder.Property(d => d.SourceSentence).HasMaxLength(Deliverable.SourceSentenceMaxLength);
        builder.Property(d => d.Version).IsConcurrencyToken();

        // One index per filter and sort the deliverables list offers; each ends in Id so paging stays stable.
        builder.HasIndex(d => new { d.OutcomeId, d.Position });
        builder.HasIndex(d => new { d.Status, d.Id });
        builder.HasIndex(d => new { d.TargetDate, d.Id });
        builder.HasIndex(d => new { d.UpdatedAtUtc, d.Id });
        builder.HasIndex(d => new { d.Title, d.Id });

        // History is never deleted with its deliverable (no cascade); see JournalEntryConfiguration.
        builder.HasMany(d => d.History).WithOne(h => h.Deliverable).HasForeignKey(h => h.DeliverableId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(d => d.History).HasField("_history");
        builder.Navigation(d => d.Journal).HasField("_journal");
        builder.HasMany(d => d.EvidenceLinks).WithOne().HasForeignKey(e => e.DeliverableId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.EvidenceLinks).HasField("_evidenceLinks");
        builder.HasMany(d => d.Areas).WithMany().UsingEntity(
            "DeliverableAreas",
            r => r.HasOne(typeof(Area)).WithMany().HasForeignKey("AreaId"),
            l => l.HasOne(typeof(Deliverable)).WithMany().HasForeignKey("DeliverableId"),
            j =>
            {
                j.HasKey("DeliverableId", "AreaId");
                j.HasIndex("AreaId", "DeliverableId");
            });
        builder.Navigation(d => d.Areas).HasField("_areas");
    }
}

internal sealed class EvidenceLinkConfiguration : IEntityTypeConfiguration<EvidenceLink>
{
    public void Configure(EntityTypeBuilder<EvidenceLink> builder)
    {
        builder.Property(e => e.Url).HasMaxLength(EvidenceLink.UrlMaxLength);
        builder.Property(e => e.Title).HasMaxLength(EvidenceLink.TitleMaxLength);
    }
}

internal sealed class ContinuationConfiguration : IEntityTypeConfiguration<Continuation>
{
    public void Configure(EntityTypeBuilder<Continuation> builder)
    {
        builder.Property(c => c.Basis).HasMaxLength(Continuation.BasisMaxLength);
        builder.Property(c => c.LinkedBy).HasMaxLength(JournalEntry.ByMaxLength);
        // Deliverables are never deleted (their history forbids it). A link removed from the later deliverable is deleted as
        // an orphan, which EF does only for a cascading relationship: ClientCascade, so the database itself still restricts.
        builder.HasOne(c => c.Deliverable).WithMany(d => d.Continues).HasForeignKey(c => c.DeliverableId).OnDelete(DeleteBehavior.ClientCascade);
        builder.HasOne(c => c.Earlier).WithMany().HasForeignKey(c => c.EarlierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.DeliverableId, c.EarlierId }).IsUnique();
        builder.HasIndex(c => c.EarlierId);
    }
}
