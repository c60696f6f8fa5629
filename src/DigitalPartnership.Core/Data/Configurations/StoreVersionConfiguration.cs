using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalPartnership.Core.Data.Configurations;

internal sealed class StoreVersionConfiguration : IEntityTypeConfiguration<StoreVersion>
{
    public void Configure(EntityTypeBuilder<StoreVersion> builder)
    {
        builder.ToTable("StoreVersion");
        builder.Property(v => v.Id).ValueGeneratedNever();
    }
}
