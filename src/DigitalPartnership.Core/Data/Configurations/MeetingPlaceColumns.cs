using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalPartnership.Core.Data.Configurations;

/// <summary>
/// A <see cref="MeetingPlace"/> as columns of its owner (a meeting, a milestone), named as they always were, so the
/// complex type changes the code, not the tables.
/// </summary>
internal static class MeetingPlaceColumns
{
    public static void Configure(ComplexPropertyBuilder<MeetingPlace> place)
    {
        place.Property(p => p.Ordinal).HasColumnName("Ordinal");
        place.Property(p => p.City).HasColumnName("City").HasMaxLength(MeetingPlace.CityMaxLength);
        place.Property(p => p.Country).HasColumnName("Country").HasMaxLength(MeetingPlace.CountryMaxLength);
        place.Property(p => p.Date).HasColumnName("Date");
        place.Property(p => p.Year).HasColumnName("Year");
    }
}
