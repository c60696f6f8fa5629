using System.Globalization;
using System.Security.Claims;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Domain;

namespace DigitalPartnership.Web.Pages.Shared;

/// <summary>
/// How the portal writes dates, times, counts and Councils: one style everywhere, in the reader's language ("12 May 2025",
/// "2025年5月12日"), UTC said out loud.
/// </summary>
public static class Display
{
    private static CultureInfo Culture => Hosting.PortalCultures.Formatting;

    private static bool Japanese => Hosting.PortalCultures.IsJapanese;

    private static string DayPattern => Japanese ? "yyyy年M月d日" : "d MMM yyyy";

    private static string TimePattern => Japanese ? "yyyy年M月d日 HH:mm" : "d MMM yyyy, HH:mm";

    /// <summary>
    /// The shared words (<see cref="Hosting.PortalText"/>) for the nouns counted here; set once at start-up. Without it
    /// (a unit test) the nouns stay English.
    /// </summary>
    internal static Microsoft.Extensions.Localization.IStringLocalizer? Words { get; set; }

    public static string Date(DateOnly? date) => date is { } day ? Date(day) : "—";

    public static string Date(DateOnly date) => date.ToString(DayPattern, Culture);

    public static string Utc(DateTime utc) => utc.ToString(TimePattern, Culture) + " UTC";

    /// <summary>
    /// "30 Nov 2026, 11:03 Brussels time": <paramref name="utc"/> as a reader in <paramref name="zone"/> reads it; UTC
    /// itself is written as <see cref="Utc"/>.
    /// </summary>
    public static string Time(DateTime utc, TimeZoneInfo zone)
    {
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return zone == TimeZoneInfo.Utc
            ? Utc(utc)
            : TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString(TimePattern, Culture)
              + (Japanese ? $"（{ReaderTimeZone.PlaceName(zone.Id)}時間）" : $" {ReaderTimeZone.PlaceName(zone.Id)} time");
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
    /// <remarks>Japanese has no plural: it counts with 件 after the noun ("成果物 3 件").</remarks>
    public static string Count(int value, string singular, string? plural = null) =>
        Japanese ? $"{Noun(value, singular)} {Count(value)} 件" : $"{Count(value)} {Noun(value, singular, plural)}";

    /// <summary>The noun alone, singular for exactly one: for sentences that write the number apart from it.</summary>
    public static string Noun(int value, string singular, string? plural = null) =>
        Japanese && Words is { } words ? words[singular] : value == 1 ? singular : plural ?? singular + "s";

    /// <summary>"2nd Council", "第2回評議会": a Council's name in the reader's language (the store keeps it in English).</summary>
    public static string CouncilName(int? ordinal) =>
        Japanese ? (ordinal is { } n ? $"第{n}回評議会" : "評議会") : new MeetingPlace(ordinal, null, null, null, null).CouncilName;

    /// <summary>
    /// A Council filter's choice: its English label, or in Japanese "第2回評議会" with its partnership where several
    /// could be meant. An option cannot mark a part of its text as English, so the place (stored content) is named only
    /// for a Council without a number, which has nothing else to tell it apart.
    /// </summary>
    public static string Choice(Core.Browsing.MeetingChoice choice) =>
        !Japanese ? choice.Label
        : Core.Browsing.CouncilNames.With(choice.Partnership, CouncilName(choice.Ordinal) + (choice.Ordinal is null && choice.Place is { } where ? $"（{where}）" : ""));

    /// <inheritdoc cref="CouncilName(int?)"/>
    public static string CouncilName(MeetingPlace place) => CouncilName(place.Ordinal);

    /// <summary>Where and when a Council met, in the reader's language: "Brussels, 3 May 2024", "Brussels、2024年5月3日".</summary>
    public static string Describe(MeetingPlace place) =>
        Japanese ? string.Join("、", new[] { place.Location, When(place) }.Where(part => part is not null)) : place.Describe();

    /// <summary>The Council's day ("3 May 2024", "2024年5月3日"), or only its year when no day is known; null when neither is.</summary>
    public static string? When(MeetingPlace place) =>
        !Japanese ? place.When : place.Date is { } day ? Date(day) : place.Year is { } year ? $"{year}年" : null;

    /// <summary>"2nd Council (Brussels, 3 May 2024)", or just "2nd Council" when the text named neither place nor date.</summary>
    public static string CouncilWithPlace(MeetingPlace place) =>
        Describe(place) is { Length: > 0 } where ? (Japanese ? $"{CouncilName(place)}（{where}）" : $"{CouncilName(place)} ({where})") : CouncilName(place);

    /// <summary>
    /// "EU–Korea · 2nd Council (Seoul, Korea, 12 March 2024)" when <paramref name="partnership"/> is given (a store of several
    /// partnerships, <see cref="PartnershipScope.NameBeside"/>), else as <see cref="CouncilWithPlace(MeetingPlace)"/>.
    /// </summary>
    public static string CouncilWithPlace(string? partnership, MeetingPlace place) =>
        Core.Browsing.CouncilNames.With(partnership, CouncilWithPlace(place));

    /// <summary>The portal roles a person holds, in the order <see cref="PortalRoles.All"/> lists them.</summary>
    public static IReadOnlyList<string> RolesOf(ClaimsPrincipal user) => PortalRoles.All.Where(user.IsInRole).ToList();

    /// <summary>"Editor, Manager", "編集者、管理者": the roles a person holds, in the reader's language.</summary>
    public static string Roles(ClaimsPrincipal user, Microsoft.Extensions.Localization.IStringLocalizer words) =>
        string.Join(Japanese ? "、" : ", ", RolesOf(user).Select(role => words[role].Value));

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

        var described = next is null ? "" : Describe(next);
        var words = asStated.Split((char[])[' ', ',', '.', '-', '–', '/', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => !LinkingWords.Contains(w) && !described.Contains(w, StringComparison.OrdinalIgnoreCase)) ? asStated : null;
    }

    private static readonly HashSet<string> LinkingWords = new(["in", "the", "of", "at", "on", "and"], StringComparer.OrdinalIgnoreCase);

    /// <summary>"3rd Council: Tokyo, Japan, 2025": a Council a text announced.</summary>
    public static string Announced(MeetingPlace next) => $"{CouncilName(next)}{(Japanese ? "：" : ": ")}{Describe(next)}";
}
