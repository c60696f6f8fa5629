using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Tests.Support;

namespace DigitalPartnership.Tests.Partnerships;

/// <summary>A store of one partnership (the seed) behaves as it did before there were several: no switcher, no prefixes.</summary>
public sealed class OnePartnershipTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = new();
    private HttpClient _reader = null!;

    public async Task InitializeAsync() => _reader = await _factory.CreateClientAsync(PortalRoles.Staff);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_store_of_one_partnership_offers_no_switcher_and_names_its_Councils_as_before()
    {
        var dashboard = await _reader.GetDocumentAsync("/");

        Assert.Null(dashboard.QuerySelector("[data-testid=partnership-switcher]"));
        Assert.Equal("EU·JP", dashboard.QuerySelector("[data-testid=partnership-mark]").Text());
        Assert.Equal("EU–Japan Digital Partnership", dashboard.QuerySelector("[data-testid=partnership-label]").Text());
        Assert.Equal("Dashboard · Digital Partnership Portal", dashboard.Title);
        Assert.DoesNotContain("All partnerships", dashboard.Texts("nav a"));
        var list = await _reader.GetDocumentAsync("/deliverables");
        Assert.Null(list.QuerySelector("#partnership"));
        Assert.Equal(["2nd Council, Brussels"], list.QuerySelectorAll("#meeting option:not([value=''])").Select(o => o.Text()));
    }

    [Fact]
    public async Task Choosing_the_one_partnership_by_address_shows_the_same_figures()
    {
        var all = (await _reader.GetDocumentAsync("/deliverables")).QuerySelector("[data-testid=total]").Text();

        var chosen = await _reader.GetDocumentAsync("/deliverables?partnership=eu-japan-digital-partnership");

        Assert.Equal(all, chosen.QuerySelector("[data-testid=total]").Text());
        Assert.Equal("6", all);
    }
}
