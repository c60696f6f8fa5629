using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Web.Hosting;

/// <summary>
/// Texts asked for in Japanese that have no Japanese yet. The reader sees the English (never a key or an empty
/// label); the log says which text is missing once, and the tests that walk every page in Japanese fail naming it.
/// </summary>
public static class TranslationGaps
{
    private static readonly ConcurrentDictionary<string, byte> Missing = new();

    /// <summary>"Pages.Deliverables.Index: Save changes", in the order first seen.</summary>
    public static IReadOnlyCollection<string> Seen => Missing.Keys.Order(StringComparer.Ordinal).ToList();

    private static bool Record(string resource, string key) => Missing.TryAdd($"{resource}: {key}", 0);

    /// <summary>Creates the localizers the portal uses, each watched by <see cref="TranslationGaps"/>.</summary>
    public sealed class Factory(ResourceManagerStringLocalizerFactory inner, ILogger<Factory> log) : IStringLocalizerFactory
    {
        public IStringLocalizer Create(Type resourceSource) => new Watched(inner.Create(resourceSource), log);

        public IStringLocalizer Create(string baseName, string location) => new Watched(inner.Create(baseName, location), log);
    }

    private sealed class Watched(IStringLocalizer inner, ILogger log) : IStringLocalizer
    {
        public LocalizedString this[string name] => Check(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Check(inner[name, arguments], name);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private LocalizedString Check(LocalizedString found, string? key = null)
        {
            // English is written in the code itself: only another language can lack a text.
            if (found.ResourceNotFound && CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != PortalCultures.English.Name
                && Record(found.SearchedLocation ?? "?", key ?? found.Name))
            {
                log.LogWarning("No {Language} text for \"{Key}\" in {Resource}", CultureInfo.CurrentUICulture.Name, key ?? found.Name, found.SearchedLocation);
            }

            return found;
        }
    }
}
