using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DigitalPartnership.Core.Data;

/// <summary>Stores a DateTime as it is (the portal only writes UTC) and reads it back marked as UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
