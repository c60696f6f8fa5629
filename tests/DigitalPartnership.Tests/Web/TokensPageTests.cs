using System.Net;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Tests.Support;

namespace DigitalPartnership.Tests.Web;

/// <summary>The tokens page: an API token made, shown once, listed and revoked; a name that cannot be used.</summary>
public sealed class TokensPageTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = new();
    private HttpClient _editor = null!;

    public async Task InitializeAsync() => _editor = await _factory.CreateClientAsync(PortalRoles.Editor);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_profile_page_leads_to_the_tokens_page()
    {
        var profile = await _editor.GetDocumentAsync("/account/profile");

        Assert.Equal(ApiAccess.TokensPage, profile.QuerySelector("[data-testid=tokens-link]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task A_new_token_is_shown_once_then_listed_by_name_and_first_characters_only()
    {
        var page = await _editor.GetDocumentAsync(ApiAccess.TokensPage);
        var form = page.QuerySelector("[data-testid=new-token-form]")!;
        var fields = PortalFactory.FieldsOf(form);
        fields["Input.Name"] = "Briefing spreadsheet";

        using var made = await _editor.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        Assert.Contains("no-store", made.Headers.CacheControl?.ToString());
        var shown = await Html.ParseAsync(await made.Content.ReadAsStringAsync());
        var secret = shown.QuerySelector("[data-testid=new-token-secret]").Text();
        Assert.StartsWith("dpp_", secret);
        Assert.Equal("", shown.QuerySelector("#Input_Name")?.GetAttribute("value") ?? ""); // the form is ready for the next one
        Assert.Equal(HttpStatusCode.OK, (await _factory.BearerClient(secret).GetAsync("/api/v1/areas")).StatusCode);

        var again = await _editor.GetDocumentAsync(ApiAccess.TokensPage);
        Assert.Null(again.QuerySelector("[data-testid=new-token]"));
        Assert.DoesNotContain(secret, again.Body!.OuterHtml);
        var row = again.QuerySelector("[data-testid=api-tokens] tbody tr")!;
        Assert.Contains("Briefing spreadsheet", row.TextContent);
        var start = row.QuerySelector("code").Text().TrimEnd('…');
        Assert.True(start.Length >= 8 && secret.StartsWith(start, StringComparison.Ordinal), $"\"{start}\" is not the start of the secret");
    }

    [Theory]
    [InlineData("", "Name the token")]
    [InlineData("   ", "Name the token")]
    public async Task A_token_without_a_name_is_refused_with_a_message_and_the_form_kept(string name, string message)
    {
        var page = await _editor.GetDocumentAsync(ApiAccess.TokensPage);
        var form = page.QuerySelector("[data-testid=new-token-form]")!;
        var fields = PortalFactory.FieldsOf(form);
        fields["Input.Name"] = name;
        fields["Input.ReadOnly"] = "true";

        using var refused = await _editor.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var shown = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Contains(message, shown.QuerySelector("[data-valmsg-for='Input.Name']").Text());
        Assert.True(shown.QuerySelector("#Input_ReadOnly")!.HasAttribute("checked"));
        Assert.Null(shown.QuerySelector("[data-testid=new-token]"));
        Assert.Null(shown.QuerySelector("[data-testid=api-tokens]"));
    }

    [Fact]
    public async Task A_revoked_token_leaves_the_list_and_opens_nothing()
    {
        var secret = await ApiAccess.MakeApiTokenAsync(_editor, "Old dashboard");
        var page = await _editor.GetDocumentAsync(ApiAccess.TokensPage);
        var revoke = page.QuerySelector("[data-testid=api-tokens] form")!;

        using var done = await _editor.PostAsync(revoke.GetAttribute("action"), new FormUrlEncodedContent(PortalFactory.FieldsOf(revoke)));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await _editor.GetDocumentAsync(done.Headers.Location!.OriginalString);
        Assert.StartsWith("Revoked.", after.QuerySelector("[data-testid=status-message]").Text());
        Assert.Null(after.QuerySelector("[data-testid=api-tokens]"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.BearerClient(secret).GetAsync("/api/v1/areas")).StatusCode);
    }

    [Fact]
    public async Task Nobody_can_revoke_another_persons_token()
    {
        var secret = await ApiAccess.MakeApiTokenAsync(_editor, "Mine");
        var page = await _editor.GetDocumentAsync(ApiAccess.TokensPage);
        var action = page.QuerySelector("[data-testid=api-tokens] form")!.GetAttribute("action")!;
        var other = await _factory.CreateClientAsync(PortalRoles.Editor, "second.editor@test.example.org");
        var fields = PortalFactory.FieldsOf((await other.GetDocumentAsync(ApiAccess.TokensPage)).QuerySelector("[data-testid=new-token-form]")!);

        using var attempt = await other.PostAsync(action, new FormUrlEncodedContent(fields.Where(f => f.Key == "__RequestVerificationToken")));

        Assert.Equal(HttpStatusCode.Redirect, attempt.StatusCode);
        Assert.Contains("revoked already", (await other.GetDocumentAsync(ApiAccess.TokensPage)).QuerySelector("[data-testid=status-message]").Text());
        Assert.Equal(HttpStatusCode.OK, (await _factory.BearerClient(secret).GetAsync("/api/v1/areas")).StatusCode);
    }
}
