using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using DigitalPartnership.Core.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace DigitalPartnership.Web.Api;

/// <summary>How the API writes JSON: camelCase names taken from the records in <c>ApiModels</c>, which are its contract.</summary>
public static class ApiJson
{
    public const string MediaType = "application/json";

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}

/// <summary>A status as the addresses write it (<c>in-progress</c>), so a value read from the API filters the list as it is.</summary>
public sealed class StatusJsonConverter() : JsonStringEnumConverter<DeliverableStatus>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);

/// <summary>
/// A GET's JSON answer with its ETag (<see cref="ConditionalGet"/>): of its bytes, or the one given (a deliverable's
/// version, which PATCH takes back in If-Match).
/// </summary>
public sealed class ApiJsonResult<T>(T value, string? etag = null) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext) =>
        ConditionalGet.WriteAsync(httpContext, JsonSerializer.SerializeToUtf8Bytes(value, ApiJson.Options), $"{ApiJson.MediaType}; charset=utf-8", etag);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), [ApiJson.MediaType]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
    }
}

/// <summary>Answers of the API.</summary>
public static class ApiResults
{
    public static ApiJsonResult<T> Json<T>(T value, string? etag = null) => new(value, etag);

    /// <summary>A 400 whose <c>errors</c> name each field or parameter that cannot be used, with what to change.</summary>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors, string? title = null) =>
        TypedResults.ValidationProblem(errors, title: title ?? "Some values cannot be used.");

    public static ValidationProblem Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"There is no {what}.");
}
