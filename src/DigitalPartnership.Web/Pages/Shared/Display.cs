using System.Globalization;

namespace DigitalPartnership.Web.Pages.Shared;

/// <summary>How the portal writes dates and times: one style everywhere, UTC said out loud.</summary>
public static class Display
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", Culture) ?? "—";

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", Culture);

    public static string Utc(DateTime utc) => utc.ToString("d MMM yyyy, HH:mm", Culture) + " UTC";

    public static string IsoUtc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);

    public static string Percent(double value) => value.ToString("0", Culture) + "%";

    public static string Count(int value) => value.ToString("N0", Culture);
}
