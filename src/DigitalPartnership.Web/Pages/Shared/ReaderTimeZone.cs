using System.Globalization;
using System.Security.Claims;

namespace DigitalPartnership.Web.Pages.Shared;

/// <summary>
/// The time zone a reader chose on their profile, in which every time on a page is written (with UTC on hover). Kept as
/// a claim of the account (Identity's user claims), so it travels in the sign-in cookie: no query per page, and the page
/// cache (which keys on it) never shows one reader's times to another. Nothing chosen: UTC, as before.
/// </summary>
public static class ReaderTimeZone
{
    public const string ClaimType = "dpp:time-zone";

    public const string UtcId = "UTC";

    /// <summary>The zones the partnership lives in, offered first; every other zone the server knows follows.</summary>
    public static readonly IReadOnlyList<string> Preferred = ["Europe/Brussels", "Asia/Tokyo", UtcId];

    private static readonly Lazy<IReadOnlyList<string>> AllIds = new(() =>
        TimeZoneInfo.GetSystemTimeZones()
            .Select(zone => zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id)
            .Where(id => id.Contains('/') && !id.StartsWith("Etc/", StringComparison.Ordinal) && !Preferred.Contains(id))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList());

    /// <summary>Every zone after <see cref="Preferred"/>, by name ("America/New_York").</summary>
    public static IReadOnlyList<string> Others => AllIds.Value;

    /// <summary>The zone named <paramref name="id"/>, if it is one this server knows (IANA names, "UTC").</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return null;
        }

        if (id == UtcId)
        {
            return TimeZoneInfo.Utc;
        }

        return Preferred.Contains(id) || AllIds.Value.Contains(id) ? TimeZoneInfo.FindSystemTimeZoneById(id) : null;
    }

    /// <summary>The reader's zone: the one on their account, or UTC.</summary>
    public static TimeZoneInfo Of(ClaimsPrincipal? reader) => Find(reader?.FindFirstValue(ClaimType)) ?? TimeZoneInfo.Utc;

    /// <summary>The zone's id as the cache and the form use it ("UTC" for none).</summary>
    public static string IdOf(ClaimsPrincipal? reader) => Of(reader) is var zone && zone == TimeZoneInfo.Utc ? UtcId : zone.Id;

    /// <summary>"Brussels", "Tokyo", "New York": the place a zone is named after, as a reader says it.</summary>
    public static string PlaceName(string id) =>
        id == UtcId ? "UTC"
        : Hosting.PortalCultures.IsJapanese && JapanesePlaceNames.TryGetValue(id, out var japanese) ? japanese
        : id[(id.LastIndexOf('/') + 1)..].Replace('_', ' ');

    /// <summary>The places of the zones offered first, as a Japanese reader says them; other zones keep their IANA names.</summary>
    private static readonly Dictionary<string, string> JapanesePlaceNames = new(StringComparer.Ordinal)
    {
        ["Europe/Brussels"] = "ブリュッセル", ["Asia/Tokyo"] = "東京", ["Asia/Seoul"] = "ソウル", ["Asia/Singapore"] = "シンガポール",
        ["Europe/London"] = "ロンドン", ["Europe/Paris"] = "パリ", ["Europe/Berlin"] = "ベルリン", ["America/New_York"] = "ニューヨーク",
        ["America/Toronto"] = "トロント", ["Asia/Kolkata"] = "コルカタ",
    };

    /// <summary>"Brussels (UTC+01:00)": a choice in the list, its offset today beside it.</summary>
    public static string Describe(string id, DateTime nowUtc)
    {
        if (id == UtcId)
        {
            return Hosting.PortalCultures.IsJapanese ? "UTC（協定世界時）" : "UTC (Coordinated Universal Time)";
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
        var offset = zone.GetUtcOffset(nowUtc);
        var sign = offset < TimeSpan.Zero ? "−" : "+";
        return $"{id.Replace('_', ' ')} (UTC{sign}{offset.Duration().ToString("hh\\:mm", CultureInfo.InvariantCulture)})";
    }
}
