using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalPartnership.Core.Data.Configurations;

internal sealed class StatusChangeConfiguration : IEntityTypeConfiguration<StatusChange>
{
    public void Configure(EntityTypeBuilder<StatusChange> builder)
    {
        builder.Property(h => h.ChangedBy).HasMaxLength(256);
        builder.Property(h => h.Note).HasMaxLength(StatusChange.NoteMaxLength);
        builder.HasIndex(h => new { h.DeliverableId, h.ChangedAtUtc });
        builder.HasIndex(h => h.ChangedAtUtc);
    }
}
