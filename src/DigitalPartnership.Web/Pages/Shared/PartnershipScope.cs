using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace DigitalPartnership.Web.Pages.Shared;

/// <summary>
/// The partnership a reader is looking at: the one named in the address (<c>partnership=eu-korea-digital-partnership</c>,
/// or <c>partnership=all</c>), else the one they chose last (a cookie, <see cref="CookieName"/>), else every partnership.
/// Read once per request and kept on it, so the dashboard, the lists, the timeline, the reports, the header and the page
/// cache's key all see the same choice. A store of one partnership with nothing chosen is "every partnership", which is
/// that one: the portal behaves as it did before there were several.
/// </summary>
public sealed class PartnershipScope
{
    public const string QueryName = "partnership";
    public const string CookieName = "dpp.partnership";

    /// <summary>The address's word for "every partnership".</summary>
    public const string AllSlug = "all";

    /// <summary>Set in a page's ViewData when the page lists an unknown partnership among its own filter problems, so the layout does not say it twice.</summary>
    public const string ProblemShownKey = "PartnershipProblemShown";

    private const int UnknownShown = 80;
    private static readonly object ItemKey = new();

    private PartnershipScope(IReadOnlyList<PartnershipRef> partnerships, PartnershipRef? chosen, bool fromAddress, string? unknown)
    {
        Partnerships = partnerships;
        Chosen = chosen;
        FromAddress = fromAddress;
        Unknown = unknown;
    }

    /// <summary>No partnership known (the store could not be read, or the page is an error page): nothing is scoped.</summary>
    public static PartnershipScope Unresolved { get; } = new([], null, false, null);

    /// <summary>Every partnership in the store, by name.</summary>
    public IReadOnlyList<PartnershipRef> Partnerships { get; }

    /// <summary>The partnership chosen, or null for all of them.</summary>
    public PartnershipRef? Chosen { get; }

    /// <summary>Whether the address named the choice (rather than the remembered cookie).</summary>
    public bool FromAddress { get; }

    /// <summary>What the address asked for when it names no partnership (shortened), to say so; null otherwise.</summary>
    public string? Unknown { get; }

    /// <summary>The partnership to filter by, or null for all.</summary>
    public int? Id => Chosen?.Id;

    /// <summary>Whether the store holds more than one partnership: only then is there a choice to offer, or a Council to name with its partnership.</summary>
    public bool Several => Partnerships.Count > 1;

    /// <summary>The choice as the address, the cookie and the page cache write it.</summary>
    public string Key => Chosen?.Slug ?? AllSlug;

    /// <summary>"EU–Korea", "All partnerships"; null in a store of one partnership where nothing is chosen (titles stay as they were).</summary>
    public string? Label => Chosen?.ShortName ?? (Several ? ContentHtml.Words("All partnerships") : null);

    /// <summary>The label's language when it is a partnership's stored name; null when it is the portal's own words.</summary>
    public string? LabelLang => Chosen is { } chosen ? TextLanguage.Lang(chosen.ShortName) : null;

    /// <summary>The header's mark: "EU·KR" for the chosen partnership, "EU·JP" when the store holds only EU–Japan, "EU" for several.</summary>
    public string Mark => (Chosen ?? (Several ? null : Partnerships.FirstOrDefault())) is { } one ? one.Mark : Several ? "EU" : "EU·JP";

    /// <summary>The sentence that says the address named no partnership, and what is shown instead.</summary>
    public string? UnknownMessage => Unknown is null
        ? null
        : Chosen is { } shown
            ? ContentHtml.Words("There is no partnership \"{0}\". Showing the {1} instead; choose one from the list.", Unknown, shown.Name)
            : ContentHtml.Words("There is no partnership \"{0}\". Showing all partnerships instead; choose one from the list.", Unknown);

    /// <summary>
    /// The partnership's name to put before a Council's ("EU–Korea · 2nd Council"), when more than one could be meant;
    /// null in a store of one partnership.
    /// </summary>
    public string? NameBeside(string partnershipName) => Several ? partnershipName : null;

    /// <summary>"EU–Korea · 2nd Council, Brussels" in a store of several partnerships, "2nd Council, Brussels" in a store of one.</summary>
    public string Council(string partnershipName, string council) => CouncilNames.With(NameBeside(partnershipName), council);

    /// <summary>The scope of this request, read on first use and kept on the request.</summary>
    public static async ValueTask<PartnershipScope> OfAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var known) && known is PartnershipScope scope)
        {
            return scope;
        }

        var partnerships = await PartnershipsAsync(context);
        scope = Read(partnerships, context.Request.Query.TryGetValue(QueryName, out var asked) ? asked.ToString() : null,
            context.Request.Cookies[CookieName]);
        context.Items[ItemKey] = scope;
        return scope;
    }

    /// <summary>The scope when it has been read already on this request (by the page or the page cache), else null.</summary>
    public static PartnershipScope? Current(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var known) ? known as PartnershipScope : null;

    /// <summary>Whether this request's page shows figures scoped by the partnership (<see cref="ScopedByPartnershipAttribute"/>).</summary>
    public static bool IsScoped(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<ScopedByPartnershipAttribute>() is not null;

    internal static PartnershipScope Read(IReadOnlyList<PartnershipRef> partnerships, string? asked, string? remembered)
    {
        string? unknown = null;
        if (asked is not null)
        {
            asked = asked.Trim();
            // An empty choice is what a form's "All partnerships" option sends.
            if (asked.Length == 0 || string.Equals(asked, AllSlug, StringComparison.OrdinalIgnoreCase))
            {
                return new PartnershipScope(partnerships, null, true, null);
            }

            if (Find(partnerships, asked) is { } named)
            {
                return new PartnershipScope(partnerships, named, true, null);
            }

            unknown = asked.Length > UnknownShown ? asked[..UnknownShown] + "…" : asked;
        }

        return new PartnershipScope(partnerships, Find(partnerships, remembered), false, unknown);
    }

    private static PartnershipRef? Find(IReadOnlyList<PartnershipRef> partnerships, string? slug) =>
        string.IsNullOrEmpty(slug) ? null : partnerships.FirstOrDefault(p => string.Equals(p.Slug, slug, StringComparison.OrdinalIgnoreCase));

    // The partnerships change only with the store, so they are read once per store version, not once per page.
    private static async Task<IReadOnlyList<PartnershipRef>> PartnershipsAsync(HttpContext context)
    {
        var version = await StoreVersions.CurrentAsync(context);
        var cache = context.RequestServices.GetRequiredService<IMemoryCache>();
        return await cache.GetOrCreateAsync(("partnerships", version), async entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            var db = context.RequestServices.GetRequiredService<PortalDbContext>();
            return (IReadOnlyList<PartnershipRef>)(await db.Partnerships.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id)
                    .Select(p => new { p.Id, p.Slug, p.Name, p.Partner }).ToListAsync(context.RequestAborted))
                .Select(p => new PartnershipRef(p.Id, p.Slug, p.Name, p.Partner)).ToList();
        }) ?? [];
    }
}

/// <summary>
/// Marks a page whose figures follow the chosen partnership: the switcher stays on it, and its title names the partnership.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ScopedByPartnershipAttribute : Attribute;

/// <summary>A partnership as the switcher and the pages name it.</summary>
public sealed record PartnershipRef(int Id, string Slug, string Name, string Partner)
{
    private static readonly Dictionary<string, string> PartnerCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Japan"] = "JP", ["Korea"] = "KR", ["Republic of Korea"] = "KR", ["Singapore"] = "SG", ["Canada"] = "CA",
        ["United States"] = "US", ["U.S."] = "US", ["India"] = "IN",
    };

    /// <summary>"EU–Korea".</summary>
    public string ShortName => CouncilNames.ShortPartnership(Name);

    /// <summary>"EU·KR": the header's mark for this partnership.</summary>
    public string Mark => "EU·" + (PartnerCodes.TryGetValue(Partner, out var code) ? code
        : new string(Partner.Where(char.IsLetter).Take(2).ToArray()).ToUpperInvariant());
}
