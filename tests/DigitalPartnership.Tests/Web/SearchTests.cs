using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Web;

/// <summary>Search that knows the portal's own words: area names and aliases, both spellings of English, Japanese.</summary>
public sealed class SearchTests : IAsyncLifetime
{
    private const string ChipsTitle = "Joint pilot line for advanced packaging";
    private const string MetiTitle = "Export control dialogue on dual-use items";
    private const string JapaneseTitle = "次世代半導体の共同研究";

    private readonly PortalFactory _factory = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = await _factory.CreateClientAsync(Core.Accounts.PortalRoles.Staff);
        await using var db = _factory.NewContext();
        var outcome = await db.Outcomes.Include(o => o.Deliverables).OrderBy(o => o.Position).FirstAsync();
        var chips = await db.Areas.SingleAsync(a => a.Slug == "semiconductors");
        var trade = await db.Areas.SingleAsync(a => a.Slug == "digital-trade");
        var now = PortalFactory.Now.UtcDateTime;
        // Filed under Semiconductors, and no word of its text says "chips" or "semiconductor".
        outcome.AddDeliverable(ChipsTitle, DeliverableStatus.NotStarted, null, [chips], now, "test", "Added by the test.");
        var meti = outcome.AddDeliverable(MetiTitle, DeliverableStatus.InProgress, null, [trade], now, "test", "Added by the test.");
        meti.SetResponsibility("DG TRADE", "経済産業省 (METI)", null, "test", now);
        outcome.AddDeliverable(JapaneseTitle, DeliverableStatus.NotStarted, null, [], now, "test", "Added by the test.");
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task An_area_alias_finds_everything_filed_under_the_area_even_without_the_word()
    {
        var inArea = await TitlesInAreaAsync("semiconductors");

        // By an alias, and by the area's name singular or plural, in any case.
        foreach (var query in new[] { "chips", "SEMICONDUCTOR", "Semiconductors" })
        {
            var found = await TitlesAsync(query);
            Assert.Contains(ChipsTitle, found);
            Assert.Subset(found.ToHashSet(), inArea.ToHashSet());
        }
    }

    [Theory]
    [InlineData("HPC", "high-performance-computing")]
    [InlineData("hpc", "high-performance-computing")]
    [InlineData("high performance computing", "high-performance-computing")]
    [InlineData("eID", "digital-identity-and-trust-services")]
    [InlineData("submarine cables", "submarine-cables")]
    public async Task Acronyms_and_names_of_several_words_find_their_area(string query, string area)
    {
        var expected = await TitlesInAreaAsync(area);

        Assert.NotEmpty(expected);
        Assert.Subset(new HashSet<string>(await TitlesAsync(query)), new HashSet<string>(expected));
    }

    [Fact]
    public async Task British_and_American_spellings_find_each_other()
    {
        var british = await TitlesAsync("standardisation");
        var american = await TitlesAsync("standardization");

        Assert.Equal(british, american);
        // The seeded text writes "global standardization"; the area is "Standardisation".
        Assert.Contains("Collaborative research projects have been launched for 6G, with a focus on global standardization", british);
        Assert.Equal(await TitlesAsync("dialog"), await TitlesAsync("dialogue"));
        Assert.Contains(MetiTitle, await TitlesAsync("dialog"));
    }

    [Fact]
    public async Task Japanese_finds_Japanese_in_titles_and_in_leads()
    {
        Assert.Equal([MetiTitle], await TitlesAsync("経済産業省"));
        // 半導体 is also the Japanese name of the area: what is filed under it is found too.
        var semiconductors = await TitlesAsync("半導体");
        Assert.Contains(JapaneseTitle, semiconductors);
        Assert.Contains(ChipsTitle, semiconductors);
        // Japanese and English together: each must match.
        Assert.Equal([MetiTitle], await TitlesAsync("経済産業省 export"));
        Assert.Empty(await TitlesAsync("経済産業省 quantum"));
    }

    [Fact]
    public async Task A_search_that_finds_nothing_suggests_dropping_a_word_and_the_nearest_area()
    {
        var page = await _client.GetDocumentAsync("/deliverables?q=" + Uri.EscapeDataString("chips zebra"));

        Assert.Contains("No deliverable matches", page.QuerySelector("[data-testid=result-count]").Text());
        var suggestions = page.QuerySelectorAll("[data-testid=search-suggestions] li").Select(li => li.Text()).ToList();
        var chipsOnly = Assert.Single(suggestions, s => s.StartsWith("“chips” without “zebra”", StringComparison.Ordinal));
        Assert.Contains($"({(await TitlesInAreaAsync("semiconductors")).Count} deliverables)", chipsOnly);
        Assert.DoesNotContain(suggestions, s => s.StartsWith("“zebra”", StringComparison.Ordinal)); // finds nothing, so not offered

        var misspelt = await _client.GetDocumentAsync("/deliverables?q=quantom");
        var link = misspelt.QuerySelector("[data-testid=search-suggestions] a");
        Assert.Equal("Quantum technology", link.Text());
        Assert.Equal("/deliverables?area=quantum-technology", link?.GetAttribute("href"));
    }

    [Fact]
    public async Task A_search_that_other_filters_empty_offers_the_search_alone()
    {
        var page = await _client.GetDocumentAsync("/deliverables?status=completed&q=chips");

        var everywhere = page.QuerySelectorAll("[data-testid=search-suggestions] li").Single(li => li.Text().Contains("in every area, status and Council"));
        Assert.Equal("/deliverables?q=chips", everywhere.QuerySelector("a")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("organise", "organize")]
    [InlineData("standardisation", "standardization")]
    [InlineData("analysed", "analyzed")]
    [InlineData("centre", "center")]
    [InlineData("programme", "program")]
    public void Each_spelling_knows_the_other(string british, string american)
    {
        Assert.Equal([british, american], Spellings.Of(british));
        Assert.Equal([american, british], Spellings.Of(american));
        Assert.Equal(british, Spellings.Canonical(american));
    }

    [Theory]
    [InlineData("four")]
    [InlineData("rise")]
    [InlineData("quantum")]
    public void Words_spelt_alike_on_both_sides_have_one_spelling(string word) => Assert.Equal([word], Spellings.Of(word));

    private async Task<List<string>> TitlesAsync(string query)
    {
        await using var db = _factory.NewContext();
        var filter = new DeliverableFilter(query) { Search = SearchText.Parse(query, await AreaVocabulary.LoadAsync(db, CancellationToken.None)) };
        var titles = await db.Matching(filter).OrderBy(d => d.Title).Select(d => d.Title).ToListAsync();

        // The list page answers with the same deliverables.
        var page = await _client.GetDocumentAsync($"/deliverables?q={Uri.EscapeDataString(query)}&sort=title");
        var total = titles.Count == 0 ? "0" : page.QuerySelector("[data-testid=result-count] [data-testid=total]").Text();
        Assert.Equal(titles.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), total.Replace(",", ""));
        return titles;
    }

    private async Task<List<string>> TitlesInAreaAsync(string slug)
    {
        await using var db = _factory.NewContext();
        var area = await db.Areas.SingleAsync(a => a.Slug == slug);
        return await db.Matching(new DeliverableFilter(AreaId: area.Id)).OrderBy(d => d.Title).Select(d => d.Title).ToListAsync();
    }
}
