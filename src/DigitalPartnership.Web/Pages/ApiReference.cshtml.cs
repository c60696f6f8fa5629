using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalPartnership.Web.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DigitalPartnership.Web.Pages;

/// <summary>
/// The API reference, rendered by the portal from its own OpenAPI document: no script and no other host, so it needs
/// nothing the Content-Security-Policy forbids and cannot disagree with <c>/openapi/v1.json</c>.
/// </summary>
public sealed class ApiReferenceModel : PageModel
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public IReadOnlyList<IGrouping<string, OperationView>> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var document = await HttpContext.RequestServices.GetRequiredKeyedService<IOpenApiDocumentProvider>(ApiDocument.Name).GetOpenApiDocumentAsync(ct);
        Title = document.Info.Title ?? "";
        Description = document.Info.Description ?? "";
        Groups = (document.Paths ?? [])
            .SelectMany(path => (path.Value.Operations ?? []).Select(operation => View(path.Key, operation.Key, operation.Value)))
            .GroupBy(operation => operation.Tag)
            .ToList();
    }

    private static OperationView View(string path, HttpMethod method, OpenApiOperation operation) => new(
        operation.Tags?.FirstOrDefault()?.Name ?? "Other",
        method.Method,
        path,
        operation.OperationId ?? $"{method.Method}-{path}",
        operation.Summary,
        operation.Description,
        (operation.Parameters ?? []).Select(p => new ParameterView(p.Name ?? "", p.In?.ToString().ToLowerInvariant() ?? "", p.Required, p.Description)).ToList(),
        Example(operation.RequestBody?.Content),
        (operation.Responses ?? []).OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new ResponseView(r.Key, r.Value.Description, Example(r.Value.Content))).ToList());

    private static string? Example(IDictionary<string, OpenApiMediaType>? content) =>
        content?.Values.Select(media => media.Example).OfType<JsonNode>().FirstOrDefault() is { } example
            ? example is JsonValue value && value.TryGetValue<string>(out var text) ? text : example.ToJsonString(Indented)
            : null;

    public sealed record OperationView(string Tag, string Method, string Path, string Id, string? Summary, string? Description,
        IReadOnlyList<ParameterView> Parameters, string? RequestExample, IReadOnlyList<ResponseView> Responses);

    public sealed record ParameterView(string Name, string In, bool Required, string? Description);

    public sealed record ResponseView(string Status, string? Description, string? Example);
}
