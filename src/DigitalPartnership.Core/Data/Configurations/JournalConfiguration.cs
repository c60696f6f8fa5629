using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalPartnership.Core.Data.Configurations;

/// <summary>
/// The journal is history: every relationship that reaches it restricts deletes, so deleting a deliverable, an outcome
/// or a Council can never take its journal with it (the migration's triggers refuse UPDATE and DELETE outright).
/// </summary>
internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.Property(j => j.By).HasMaxLength(JournalEntry.ByMaxLength);
        builder.Property(j => j.Note).HasMaxLength(JournalEntry.NoteMaxLength);
        builder.HasOne(j => j.Deliverable).WithMany(d => d.Journal).HasForeignKey(j => j.DeliverableId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(j => j.Outcome).WithMany(o => o.Journal).HasForeignKey(j => j.OutcomeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(j => j.Meeting).WithMany(m => m.Journal).HasForeignKey(j => j.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(j => j.StatusChange).WithMany().HasForeignKey(j => j.StatusChangeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(j => j.Details).WithOne().HasForeignKey(d => d.JournalEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(j => j.Details).HasField("_details");
        // A subject's journal, newest first (the deliverable, outcome and meeting pages). Nearly every entry is a
        // deliverable's, so the outcome and meeting indexes hold only their own rows: "OutcomeId = @id" still finds
        // them on both engines, and the store does not keep (and move on every save) an entry per deliverable row.
        builder.HasIndex(j => new { j.DeliverableId, j.AtUtc });
        builder.HasIndex(j => new { j.OutcomeId, j.AtUtc }).HasFilter("\"OutcomeId\" IS NOT NULL");
        builder.HasIndex(j => new { j.MeetingId, j.AtUtc }).HasFilter("\"MeetingId\" IS NOT NULL");
        // One journal entry per status-timeline row: the migration from StatusChanges relies on it.
        builder.HasIndex(j => j.StatusChangeId).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_JournalEntries_OneSubject",
            "(CASE WHEN \"DeliverableId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"OutcomeId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"MeetingId\" IS NULL THEN 0 ELSE 1 END) = 1"));
    }
}

internal sealed class JournalDetailConfiguration : IEntityTypeConfiguration<JournalDetail>
{
    public void Configure(EntityTypeBuilder<JournalDetail> builder)
    {
        builder.Property(d => d.Field).HasMaxLength(JournalDetail.FieldMaxLength);
    }
}
