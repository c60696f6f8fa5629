using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DigitalPartnership.Tests.Support;

/// <summary>
/// Tokens made as a person makes them, on the tokens page of a signed-in session, and clients that carry them as a
/// program would: no cookie, only <c>Authorization: Bearer</c>.
/// </summary>
public static class ApiAccess
{
    public const string TokensPage = "/account/tokens";

    /// <summary>Makes an API token on the tokens page and returns its secret, read from the page that shows it once.</summary>
    public static async Task<string> MakeApiTokenAsync(HttpClient signedIn, string name, bool readOnly = false)
    {
        var page = await signedIn.GetDocumentAsync(TokensPage);
        var form = page.QuerySelector("[data-testid=new-token-form]")!;
        var fields = PortalFactory.FieldsOf(form);
        fields["Input.Name"] = name;
        if (readOnly)
        {
            fields["Input.ReadOnly"] = "true";
        }

        using var response = await signedIn.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        var secret = shown.QuerySelector("[data-testid=new-token-secret]").Text();
        Assert.StartsWith("dpp_", secret);
        return secret;
    }

    /// <summary>A person with <paramref name="role"/> makes a token; the client that carries it has no cookie.</summary>
    public static async Task<HttpClient> ApiClientAsync(this PortalFactory factory, string role, bool readOnly = false, string? email = null)
    {
        var signedIn = await factory.CreateClientAsync(role, email);
        return factory.BearerClient(await MakeApiTokenAsync(signedIn, $"{role} program", readOnly));
    }

    public static HttpClient BearerClient(this PortalFactory factory, string secret)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>The JSON body of an answer that must have <paramref name="status"/>.</summary>
    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)status}: {body}");
        return JsonNode.Parse(body)!;
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        return await response.JsonAsync(status);
    }

    /// <summary>PATCH /api/v1/deliverables/{id} with <paramref name="json"/> and If-Match (when given).</summary>
    public static Task<HttpResponseMessage> PatchDeliverableAsync(this HttpClient client, int id, string json, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/deliverables/{id}")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/merge-patch+json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    /// <summary>The deliverable's ETag, as a client reads it before a PATCH.</summary>
    public static async Task<string> ETagOfDeliverableAsync(this HttpClient client, int id)
    {
        using var response = await client.GetAsync($"/api/v1/deliverables/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.ToString();
    }

    public static IReadOnlyList<string> Strings(this JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).ToList();
}
