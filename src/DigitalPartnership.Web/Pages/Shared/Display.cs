using System.Globalization;
using System.Security.Claims;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Domain;

namespace DigitalPartnership.Web.Pages.Shared;

/// <summary>How the portal writes dates and times: one style everywhere, UTC said out loud.</summary>
public static class Display
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", Culture) ?? "—";

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", Culture);

    public static string Utc(DateTime utc) => utc.ToString("d MMM yyyy, HH:mm", Culture) + " UTC";

    /// <summary>
    /// "30 Nov 2026, 11:03 Brussels time": <paramref name="utc"/> as a reader in <paramref name="zone"/> reads it; UTC
    /// itself is written as <see cref="Utc"/>.
    /// </summary>
    public static string Time(DateTime utc, TimeZoneInfo zone)
    {
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return zone == TimeZoneInfo.Utc
            ? Utc(utc)
            : TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("d MMM yyyy, HH:mm", Culture) + $" {ReaderTimeZone.PlaceName(zone.Id)} time";
    }

    /// <summary>The day <paramref name="utc"/> falls on for a reader in <paramref name="zone"/>.</summary>
    public static string Day(DateTime utc, TimeZoneInfo zone) =>
        Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone)));

    public static string IsoUtc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);

    public static string Percent(double value) => value.ToString("0", Culture) + "%";

    public static string Count(int value) => value.ToString("N0", Culture);

    /// <summary>
    /// A count with its noun in the form English wants: "1 deliverable", "0 deliverables", "1,204 deliverables". The one
    /// place the portal makes a plural, so no message says "1 deliverables" or "deliverable(s)".
    /// </summary>
    /// <param name="plural">For a noun whose plural is not the singular with "s" ("entry", "entries").</param>
    public static string Count(int value, string singular, string? plural = null) =>
        $"{Count(value)} {Noun(value, singular, plural)}";

    /// <summary>The noun alone, singular for exactly one: for sentences that write the number apart from it.</summary>
    public static string Noun(int value, string singular, string? plural = null) => value == 1 ? singular : plural ?? singular + "s";

    /// <summary>"2nd Council (Brussels, 3 May 2024)", or just "2nd Council" when the text named neither place nor date.</summary>
    public static string CouncilWithPlace(MeetingPlace place) =>
        place.Describe() is { Length: > 0 } where ? $"{place.CouncilName} ({where})" : place.CouncilName;

    /// <summary>
    /// "EU–Korea · 2nd Council (Seoul, Korea, 12 March 2024)" when <paramref name="partnership"/> is given (a store of several
    /// partnerships, <see cref="PartnershipScope.NameBeside"/>), else as <see cref="CouncilWithPlace(MeetingPlace)"/>.
    /// </summary>
    public static string CouncilWithPlace(string? partnership, MeetingPlace place) =>
        Core.Browsing.CouncilNames.With(partnership, CouncilWithPlace(place));

    /// <summary>The portal roles a person holds, in the order <see cref="PortalRoles.All"/> lists them.</summary>
    public static IReadOnlyList<string> RolesOf(ClaimsPrincipal user) => PortalRoles.All.Where(user.IsInRole).ToList();

    /// <summary>
    /// The words a text used to announce a Council ("in mid-2026 in Europe") when they say more than
    /// <see cref="Announced"/> can (a season, a region, "before the end of"); null when they add nothing ("in Tokyo in 2025").
    /// </summary>
    public static string? AsStatedBeyond(MeetingPlace? next, string? asStated)
    {
        if (asStated is null)
        {
            return null;
        }

        var described = next?.Describe() ?? "";
        var words = asStated.Split((char[])[' ', ',', '.', '-', '–', '/', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => !LinkingWords.Contains(w) && !described.Contains(w, StringComparison.OrdinalIgnoreCase)) ? asStated : null;
    }

    private static readonly HashSet<string> LinkingWords = new(["in", "the", "of", "at", "on", "and"], StringComparer.OrdinalIgnoreCase);

    /// <summary>"3rd Council: Tokyo, Japan, 2025": a Council a text announced.</summary>
    public static string Announced(MeetingPlace next) => $"{next.CouncilName}: {next.Describe()}";
}
