using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalPartnership.Core.Data.Configurations;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> builder)
    {
        builder.Property(a => a.Slug).HasMaxLength(Area.SlugMaxLength);
        builder.Property(a => a.Name).HasMaxLength(Area.NameMaxLength);
        builder.Property(a => a.Description).HasMaxLength(Area.DescriptionMaxLength);
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.HasMany(a => a.Aliases).WithOne().HasForeignKey(alias => alias.AreaId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Aliases).HasField("_aliases");
    }
}

internal sealed class AreaAliasConfiguration : IEntityTypeConfiguration<AreaAlias>
{
    public void Configure(EntityTypeBuilder<AreaAlias> builder)
    {
        builder.Property(a => a.Text).HasMaxLength(AreaAlias.TextMaxLength);
        builder.HasIndex(a => new { a.AreaId, a.Text }).IsUnique();
    }
}
