using System.Globalization;

namespace DigitalPartnership.Core.Reporting;

/// <summary>How reports write a day: "3 May 2024", the way the Council texts do, in every format.</summary>
internal static class ReportDates
{
    public static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
