using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalPartnership.Web.Feeds;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DigitalPartnership.Web.Api;

/// <summary>An example of a request body or a 200 answer, attached to an endpoint for the OpenAPI document.</summary>
public sealed record ApiExample(object Value, bool IsRequest);

/// <summary>
/// The OpenAPI description at <c>/openapi/v1.json</c>: every endpoint of the API and the feeds (never the pages), the
/// two ways in (a bearer token, a feed token in the address), an example of each answer, and the errors each can give.
/// </summary>
public static class ApiDocument
{
    public const string Name = "v1";
    public const string Path = "/openapi/{documentName}.json";
    public const string EndpointName = "openapi-document";
    private const string BearerScheme = "bearerToken";
    private const string FeedScheme = "feedToken";

    public static TBuilder WithResponseExample<TBuilder>(this TBuilder builder, object example) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiExample(example, IsRequest: false));

    public static TBuilder WithRequestExample<TBuilder>(this TBuilder builder, object example) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiExample(example, IsRequest: true));

    /// <summary>
    /// Describes the body an endpoint reads itself, in these media types. Not <c>Accepts&lt;T&gt;()</c>: routing would turn a
    /// body of another type away before the endpoint's authorization and problem details, as a redirect to the sign-in page.
    /// </summary>
    public static TBuilder WithRequestBody<TBody, TBuilder>(this TBuilder builder, params string[] mediaTypes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiRequestBody(typeof(TBody), mediaTypes));

    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath is { } path
            && (path.StartsWith(ApiEndpoints.Prefix.TrimStart('/'), StringComparison.Ordinal) || path.StartsWith(FeedEndpoints.Prefix.TrimStart('/'), StringComparison.Ordinal));
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Digital Partnership Portal API",
                Version = "v1",
                Description = "The commitments of the Digital Partnership Councils and how far each has come. Every /api/v1 call carries a personal "
                    + "API token (Authorization: Bearer …) made on your account page; a token carries your roles, or only reads. Errors are RFC 9457 "
                    + "problem details; GETs answer with an ETag and honour If-None-Match. Feeds and calendars take a feed token in their address.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal API token (dpp_…), made on /account/tokens.",
            };
            document.Components.SecuritySchemes[FeedScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Query,
                Name = FeedEndpoints.TokenParameter,
                Description = "Your feed token (dppf_…), made on /account/tokens. Not needed in a browser where you are signed in, nor on a public portal.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(async (operation, context, ct) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<ApiRequestBody>().FirstOrDefault() is { } body && operation.RequestBody is null)
            {
                var schema = await context.GetOrCreateSchemaAsync(body.Type, null, ct);
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = body.MediaTypes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = schema }),
                };
            }

            var feed = context.Description.RelativePath?.StartsWith(FeedEndpoints.Prefix.TrimStart('/'), StringComparison.Ordinal) == true;
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(feed ? FeedScheme : BearerScheme, context.Document)] = [] },
            ];
            operation.Responses ??= [];
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = feed
                ? "No feed token where one is needed, or one that is wrong or revoked."
                : "No API token, or one that is wrong or revoked (the answer does not say which)." });
            if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy is ApiPolicies.Edit or ApiPolicies.Report))
            {
                operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The token's owner lacks the role, or the token is read-only." });
            }

            operation.Responses.TryAdd("429", new OpenApiResponse { Description = "Too many requests with this token this minute; see Retry-After." });
            foreach (var example in metadata.OfType<ApiExample>())
            {
                var content = example.IsRequest ? operation.RequestBody?.Content : operation.Responses.TryGetValue("200", out var ok) ? ok.Content : null;
                foreach (var media in content?.Values ?? [])
                {
                    media.Example = example.Value is string text ? JsonValue.Create(text) : JsonSerializer.SerializeToNode(example.Value, ApiJson.Options);
                }
            }
        });
    }
}

/// <summary>The body an endpoint reads for itself, for the OpenAPI document (<see cref="ApiDocument.WithRequestBody"/>).</summary>
public sealed record ApiRequestBody(Type Type, IReadOnlyList<string> MediaTypes);
