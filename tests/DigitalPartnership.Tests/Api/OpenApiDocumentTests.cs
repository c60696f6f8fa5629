using System.Text.RegularExpressions;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace DigitalPartnership.Tests.Api;

/// <summary>The OpenAPI description at /openapi/v1.json, and the reference page the portal renders from it.</summary>
public sealed partial class OpenApiDocumentTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = new();
    private HttpClient _staff = null!;

    public async Task InitializeAsync() => _staff = await _factory.CreateClientAsync(PortalRoles.Staff);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_document_parses_and_validates_as_OpenAPI()
    {
        var json = await _staff.GetStringAsync("/openapi/v1.json");

        var read = OpenApiDocument.Parse(json, "json");

        Assert.Empty(read.Diagnostic?.Errors ?? []);
        var document = read.Document!;
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        Assert.False(string.IsNullOrWhiteSpace(document.Info.Title));
        Assert.Contains("bearerToken", document.Components?.SecuritySchemes?.Keys ?? []);
    }

    [Fact]
    public async Task The_document_lists_every_API_and_feed_endpoint_the_portal_serves()
    {
        var document = OpenApiDocument.Parse(await _staff.GetStringAsync("/openapi/v1.json"), "json").Document!;
        var described = document.Paths.SelectMany(path => (path.Value.Operations ?? []).Select(op => $"{op.Key.Method} {path.Key}")).ToHashSet();

        var served = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/v1", StringComparison.Ordinal) || raw.StartsWith("/feeds", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => $"{method} {AsOpenApiPath(e.RoutePattern.RawText!)}"))
            .ToHashSet();

        Assert.True(served.Count >= 19, $"only {served.Count} endpoints found: {string.Join(", ", served)}");
        Assert.Empty(served.Except(described));
        Assert.Contains("PATCH /api/v1/deliverables/{id}", described);
        Assert.Contains("GET /feeds/milestones.ics", described);
        var patch = document.Paths["/api/v1/deliverables/{id}"].Operations![HttpMethod.Patch];
        Assert.Contains("412", patch.Responses!.Keys);
        Assert.NotNull(patch.RequestBody?.Content?.Values.First().Example);
    }

    [Fact]
    public async Task The_reference_page_shows_every_operation_with_examples_and_needs_no_other_host()
    {
        var document = OpenApiDocument.Parse(await _staff.GetStringAsync("/openapi/v1.json"), "json").Document!;
        var operations = document.Paths.Sum(path => path.Value.Operations?.Count ?? 0);

        var page = await _staff.GetDocumentAsync("/api");

        Assert.Equal(operations, page.QuerySelectorAll("[data-testid=operation]").Length);
        Assert.Contains(page.QuerySelectorAll("[data-testid=operation] h3 code"), code => code.TextContent == "/api/v1/deliverables/{id}");
        Assert.True(page.QuerySelectorAll("[data-testid=operation] pre code").Length >= operations / 2, "most operations show an example");
        Assert.Contains("Authorization: Bearer", page.QuerySelector("main pre").Text());
        Assert.Equal("/openapi/v1.json", page.QuerySelector("[data-testid=openapi-link]")?.GetAttribute("href"));
        var external = page.QuerySelectorAll("script[src], link[href], img[src]")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!)
            .Where(address => address.Contains("//", StringComparison.Ordinal));
        Assert.Empty(external);
    }

    /// <summary>"/api/v1/deliverables/{id:int}/" → "/api/v1/deliverables/{id}".</summary>
    private static string AsOpenApiPath(string route)
    {
        var path = Constraint().Replace(route, "}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    [GeneratedRegex(@":[a-z]+}")]
    private static partial Regex Constraint();
}
