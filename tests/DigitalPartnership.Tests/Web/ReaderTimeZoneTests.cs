using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Tests.Support;

namespace DigitalPartnership.Tests.Web;

/// <summary>Times written in the reader's own time zone, chosen on their profile, with UTC on hover.</summary>
public sealed class ReaderTimeZoneTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_profile_offers_Brussels_and_Tokyo_first_and_starts_on_UTC()
    {
        var reader = await _factory.CreateClientAsync(PortalRoles.Staff);

        var profile = await reader.GetDocumentAsync("/account/profile");

        var options = profile.QuerySelectorAll("#Zone option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["Europe/Brussels", "Asia/Tokyo", "UTC"], options.Take(3));
        Assert.Contains("America/New_York", options);
        Assert.Equal("UTC", profile.QuerySelector("#Zone option[selected]")?.GetAttribute("value"));
        Assert.Equal("Show times in", profile.QuerySelector("label[for=Zone]").Text());
        Assert.StartsWith("Europe/Brussels (UTC+01:00)", profile.QuerySelector("#Zone option").Text()); // 29 Nov: winter time
    }

    [Fact]
    public async Task A_reader_who_chose_Tokyo_reads_every_time_in_Tokyo_time_with_UTC_on_hover()
    {
        var reader = await _factory.CreateClientAsync(PortalRoles.Staff);
        var other = await _factory.CreateClientAsync(PortalRoles.Staff, "other.reader@test.example.org");
        var deliverable = $"/deliverables/{await _factory.DeliverableIdAsync()}";
        var before = await reader.GetDocumentAsync(deliverable); // kept by the page cache, in UTC
        Assert.EndsWith(" UTC", HistoryTime(before).Text());

        var form = await PortalFactory.FormAsync(reader, "/account/profile", "form[data-testid=time-zone-form]");
        form["Zone"] = "Asia/Tokyo";
        using var saved = await reader.PostAsync("/account/profile?handler=TimeZone", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var profile = await reader.GetDocumentAsync("/account/profile");
        Assert.StartsWith("Times are now shown in Tokyo time.", profile.QuerySelector("[data-testid=status-message]").Text());
        Assert.Equal("Asia/Tokyo", profile.QuerySelector("#Zone option[selected]")?.GetAttribute("value"));

        var page = await reader.GetDocumentAsync(deliverable);
        var time = HistoryTime(page);
        var utc = DateTime.Parse(time.GetAttribute("datetime")!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var en = CultureInfo.GetCultureInfo("en-GB");
        Assert.Equal(utc.AddHours(9).ToString("d MMM yyyy, HH:mm", en) + " Tokyo time", time.Text());
        Assert.Equal(utc.ToString("d MMM yyyy, HH:mm", en) + " UTC", time.GetAttribute("title"));
        Assert.Equal("When and who", page.QuerySelector("[data-testid=history] thead th").Text());

        // The choice is the reader's own: another reader of the same page still reads UTC.
        Assert.Equal(utc.ToString("d MMM yyyy, HH:mm", en) + " UTC", HistoryTime(await other.GetDocumentAsync(deliverable)).Text());
    }

    [Fact]
    public async Task Brussels_time_follows_summer_time_and_the_list_of_deliverables_shows_the_readers_day()
    {
        var reader = await _factory.CreateClientAsync(PortalRoles.Staff);
        var form = await PortalFactory.FormAsync(reader, "/account/profile", "form[data-testid=time-zone-form]");
        form["Zone"] = "Europe/Brussels";
        Assert.Equal(HttpStatusCode.Redirect, (await reader.PostAsync("/account/profile?handler=TimeZone", new FormUrlEncodedContent(form))).StatusCode);

        var page = await reader.GetDocumentAsync($"/deliverables/{await _factory.DeliverableIdAsync()}");
        var time = HistoryTime(page);
        var utc = DateTime.Parse(time.GetAttribute("datetime")!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var brussels = TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels"));
        Assert.Equal(brussels.ToString("d MMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB")) + " Brussels time", time.Text());

        var list = await reader.GetDocumentAsync("/deliverables");
        var updated = list.QuerySelector("td[data-label=Updated] time")!;
        var updatedUtc = DateTime.Parse(updated.GetAttribute("datetime")!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var day = TimeZoneInfo.ConvertTimeFromUtc(updatedUtc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels"));
        Assert.Equal(day.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB")), updated.Text());
        Assert.EndsWith(" UTC", updated.GetAttribute("title"));
    }

    [Fact]
    public async Task An_unknown_time_zone_is_refused_with_the_error_summary_and_nothing_changes()
    {
        var reader = await _factory.CreateClientAsync(PortalRoles.Staff);
        var form = await PortalFactory.FormAsync(reader, "/account/profile", "form[data-testid=time-zone-form]");
        form["Zone"] = "Mars/Olympus_Mons";

        using var refused = await reader.PostAsync("/account/profile?handler=TimeZone", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.StartsWith("Error: ", page.Title);
        Assert.Equal("#Zone", page.QuerySelector("[data-testid=form-problems] a")?.GetAttribute("href"));
        Assert.Equal("Choose a time zone from the list.", page.QuerySelector("[data-testid=form-problems] a").Text());
        Assert.Equal("true", page.QuerySelector("#Zone")?.GetAttribute("aria-invalid"));
        Assert.NotNull(page.QuerySelector("form[data-testid=time-zone-form]"));
        var deliverable = await reader.GetDocumentAsync($"/deliverables/{await _factory.DeliverableIdAsync()}");
        Assert.EndsWith(" UTC", HistoryTime(deliverable).Text());
    }

    private static IElement HistoryTime(IDocument page) => page.QuerySelector("[data-testid=history] tbody tr time")!;
}
