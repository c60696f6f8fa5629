using System.Net;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Api;

/// <summary>
/// The two settings that open the portal wider: the per-token request limit of the API and feeds, and
/// <c>Portal:PublicReadOnly</c>, which lets visitors read without signing in and nothing more.
/// </summary>
public sealed class OpenPortalTests
{
    [Fact]
    public async Task A_token_past_its_requests_for_the_minute_gets_a_429_problem_with_Retry_After_and_other_tokens_go_on()
    {
        await using var factory = new PortalFactory { Settings = { ["Portal:Api:RequestsPerMinute"] = "3" } };
        var busy = await factory.ApiClientAsync(PortalRoles.Staff);
        var other = await factory.ApiClientAsync(PortalRoles.Editor);

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await busy.GetAsync("/api/v1/partnerships");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await busy.GetAsync("/api/v1/partnerships");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Contains("Try again in", (await refused.JsonAsync(HttpStatusCode.TooManyRequests))["detail"]!.GetValue<string>());
        using var stillServed = await other.GetAsync("/api/v1/partnerships");
        Assert.Equal(HttpStatusCode.OK, stillServed.StatusCode);
    }

    [Fact]
    public async Task A_public_portal_lets_visitors_read_the_pages_and_feeds_but_not_edit_report_administer_or_use_the_API()
    {
        await using var factory = new PortalFactory { Settings = { ["Portal:PublicReadOnly"] = "true" } };
        int id;
        await using (var db = factory.NewContext())
        {
            id = await db.Deliverables.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        }

        var visitor = factory.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var page in new[] { "/", "/deliverables", $"/deliverables/{id}", "/outcomes", "/areas", "/meetings", "/milestones", "/feeds/changes.atom" })
        {
            using var read = await visitor.GetAsync(page);
            Assert.True(read.StatusCode == HttpStatusCode.OK, $"{page}: {read.StatusCode}");
        }

        var dashboard = await visitor.GetDocumentAsync("/");
        Assert.NotNull(dashboard.QuerySelector("header a[href^='/account/signin']")); // read, with a way to sign in
        foreach (var page in new[] { $"/deliverables/{id}/edit", "/reports", "/admin/users", "/meetings/import", "/account/tokens" })
        {
            using var closed = await visitor.GetAsync(page);
            Assert.True(closed.StatusCode == HttpStatusCode.Redirect && closed.Headers.Location!.OriginalString.Contains("/account/signin", StringComparison.OrdinalIgnoreCase),
                $"{page}: {closed.StatusCode} {closed.Headers.Location}");
        }

        using var api = await visitor.GetAsync("/api/v1/deliverables");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }
}
