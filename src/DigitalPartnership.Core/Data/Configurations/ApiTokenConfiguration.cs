using DigitalPartnership.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalPartnership.Core.Data.Configurations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(ApiToken.NameMaxLength);
        builder.Property(t => t.Lookup).HasMaxLength(ApiToken.LookupMaxLength);
        builder.Property(t => t.Hash).HasMaxLength(32);
        builder.Property(t => t.SealedSecret).HasMaxLength(1000);
        builder.Property(t => t.Kind).HasConversion<int>();
        builder.Ignore(t => t.IsActive);
        // Every API or feed request finds its token by Lookup; the tokens page lists a person's tokens by UserId.
        builder.HasIndex(t => t.Lookup);
        builder.HasIndex(t => new { t.UserId, t.Kind });
        builder.HasOne<IdentityUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
