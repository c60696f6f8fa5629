using System.Text.RegularExpressions;

namespace DigitalPartnership.Core.Importing;

/// <summary>
/// The countries, unions and regions a statement may name, so that "in Belgium" is read as a country, "in Europe" as a
/// region, "in Brussels" as a city, and "U.S.-EU" as two parties. Names are matched as written, in their case.
/// </summary>
internal static class Countries
{
    public const string EuropeanUnion = "European Union";

    // Canonical name first, then the other spellings statements use.
    private static readonly string[][] Parties =
    [
        [EuropeanUnion, "EU", "E.U."],
        ["United States", "United States of America", "U.S.A.", "USA", "U.S.", "U.S", "US"],
        ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"],
        ["Korea", "Republic of Korea", "South Korea", "ROK"],
        ["China", "People's Republic of China", "PRC"],
        ["Russia", "Russian Federation"],
        ["Czechia", "Czech Republic"],
        ["Netherlands", "the Netherlands"],
        ["Philippines", "the Philippines"],
        ["United Arab Emirates", "UAE"],
        ["Türkiye", "Turkey"],
        ["Viet Nam", "Vietnam"],
        ["Côte d'Ivoire", "Ivory Coast"],
        ["Japan"], ["Singapore"], ["Canada"], ["India"], ["Australia"], ["New Zealand"], ["Mexico"], ["Brazil"],
        ["Argentina"], ["Chile"], ["Colombia"], ["Peru"], ["Uruguay"], ["Paraguay"], ["Ecuador"], ["Bolivia"], ["Venezuela"],
        ["Costa Rica"], ["Panama"], ["Guatemala"], ["Honduras"], ["El Salvador"], ["Nicaragua"], ["Cuba"], ["Jamaica"],
        ["Dominican Republic"], ["Haiti"], ["Trinidad and Tobago"], ["Barbados"], ["Bahamas"],
        ["Austria"], ["Belgium"], ["Bulgaria"], ["Croatia"], ["Cyprus"], ["Denmark"], ["Estonia"], ["Finland"], ["France"],
        ["Germany"], ["Greece"], ["Hungary"], ["Ireland"], ["Italy"], ["Latvia"], ["Lithuania"], ["Luxembourg"], ["Malta"],
        ["Poland"], ["Portugal"], ["Romania"], ["Slovakia"], ["Slovenia"], ["Spain"], ["Sweden"], ["Norway"], ["Iceland"],
        ["Switzerland"], ["Liechtenstein"], ["Monaco"], ["Andorra"], ["San Marino"], ["Albania"], ["Serbia"], ["Montenegro"],
        ["North Macedonia"], ["Bosnia and Herzegovina"], ["Kosovo"], ["Moldova"], ["Ukraine"], ["Belarus"], ["Georgia"],
        ["Armenia"], ["Azerbaijan"], ["Kazakhstan"], ["Uzbekistan"], ["Kyrgyzstan"], ["Tajikistan"], ["Turkmenistan"],
        ["Mongolia"], ["Taiwan"], ["Hong Kong"], ["Indonesia"], ["Malaysia"], ["Thailand"], ["Cambodia"], ["Laos"],
        ["Myanmar"], ["Brunei"], ["Timor-Leste"], ["Bangladesh"], ["Pakistan"], ["Sri Lanka"], ["Nepal"], ["Bhutan"],
        ["Maldives"], ["Afghanistan"], ["Iran"], ["Iraq"], ["Israel"], ["Jordan"], ["Lebanon"], ["Syria"], ["Saudi Arabia"],
        ["Qatar"], ["Kuwait"], ["Bahrain"], ["Oman"], ["Yemen"], ["Egypt"], ["Morocco"], ["Algeria"], ["Tunisia"], ["Libya"],
        ["Nigeria"], ["Ghana"], ["Senegal"], ["Kenya"], ["Ethiopia"], ["Tanzania"], ["Uganda"], ["Rwanda"], ["South Africa"],
        ["Namibia"], ["Botswana"], ["Zambia"], ["Zimbabwe"], ["Mozambique"], ["Angola"], ["Cameroon"], ["Madagascar"],
        ["Mauritius"], ["Fiji"], ["Papua New Guinea"],
    ];

    /// <summary>Places that are a city and a country at once: "in Singapore" names the city.</summary>
    private static readonly HashSet<string> CityStates = new(["Singapore", "Monaco", "Luxembourg", "San Marino", "Hong Kong"], StringComparer.Ordinal);

    private static readonly HashSet<string> Regions = new(
        ["Europe", "Asia", "Africa", "North America", "South America", "Latin America", "Indo-Pacific", "the Indo-Pacific",
         "Asia-Pacific", "the Asia-Pacific", "Middle East", "the Middle East", "Southeast Asia", "the Americas", "Americas",
         "Pacific", "the Pacific", "Western Balkans", "the Western Balkans", "Caribbean", "the Caribbean", "Arctic", "the Arctic"],
        StringComparer.Ordinal);

    private static readonly Dictionary<string, string> CanonicalBySpelling = BuildIndex();

    /// <summary>Every spelling, longest first, as one alternation for patterns that look for parties.</summary>
    public static string Alternation { get; } = string.Join('|',
        CanonicalBySpelling.Keys.Where(k => !k.StartsWith("the ", StringComparison.Ordinal))
            .OrderByDescending(k => k.Length).Select(Regex.Escape));

    /// <summary>The canonical name of a country or union as written ("U.S." → "United States"), or null.</summary>
    public static string? Canonical(string name) => CanonicalBySpelling.GetValueOrDefault(name.Trim());

    public static bool IsCountry(string name) => Canonical(name) is { } canonical && canonical != EuropeanUnion;

    /// <summary>
    /// The country a city's own name settles ("Washington, D.C." — the District of Columbia is in no other), or null.
    /// Only names that cannot mean anywhere else: "Washington" alone could be the state.
    /// </summary>
    public static string? ImpliedBy(string? city) =>
        city is not null && city.EndsWith("Washington, D.C.", StringComparison.Ordinal) ? "United States" : null;

    public static bool IsCityState(string name) => Canonical(name) is { } canonical && CityStates.Contains(canonical);

    public static bool IsRegion(string name) => Regions.Contains(name.Trim());

    /// <summary>"U.S" is a slip for "U.S."; other spellings are kept as written.</summary>
    public static string AsWritten(string name) => name == "U.S" ? "U.S." : name;

    private static Dictionary<string, string> BuildIndex()
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var names in Parties)
        {
            foreach (var name in names)
            {
                index[name] = names[0];
            }
        }

        return index;
    }
}
