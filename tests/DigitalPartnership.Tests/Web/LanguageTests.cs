using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Tests.Support;
using DigitalPartnership.Web.Hosting;

namespace DigitalPartnership.Tests.Web;

/// <summary>
/// Every page in English and in Japanese: the switch in the header, the browser's language, and a walk through every
/// page that finds no text without its Japanese and no English word the portal wrote itself on a Japanese page.
/// </summary>
public sealed partial class LanguageTests(LanguageTests.Portal portal) : IClassFixture<LanguageTests.Portal>
{
    /// <summary>
    /// Every page a person can open, as the admin (who may open them all), with the state each is read in:
    /// {deliverable} and {meeting} stand for a seeded deliverable and the seeded Council. POST rows send the empty form,
    /// so the page answers with its validation messages.
    /// </summary>
    public static TheoryData<string, string, int> Pages => new()
    {
        { "GET", "/", 200 },
        { "GET", "/outcomes", 200 },
        { "GET", "/outcomes?page=2", 200 },
        { "GET", "/outcomes?partnership=nope404", 200 },
        { "GET", "/outcomes/semiconductors-and-6g", 200 },
        { "GET", "/areas", 200 },
        { "GET", "/areas/semiconductors", 200 },
        { "GET", "/deliverables", 200 },
        { "GET", "/deliverables?status=completed&sort=target", 200 },
        { "GET", "/deliverables?q=zzzz-no-such-words", 200 },
        { "GET", "/deliverables?status=finished", 400 },
        { "GET", "/deliverables?sort=sideways&page=0", 400 },
        { "GET", "/deliverables/{deliverable}", 200 },
        { "GET", "/deliverables/{deliverable}/edit", 200 },
        { "POST", "/deliverables/{deliverable}/edit", 400 },
        { "GET", "/deliverables/{deliverable}/thread", 200 },
        { "POST", "/deliverables/{deliverable}/thread?handler=Link", 400 },
        { "GET", "/outcomes/semiconductors-and-6g/edit", 200 },
        { "POST", "/outcomes/semiconductors-and-6g/edit", 400 },
        { "GET", "/outcomes/semiconductors-and-6g/deliverables/new", 200 },
        { "POST", "/outcomes/semiconductors-and-6g/deliverables/new", 400 },
        { "GET", "/meetings", 200 },
        { "GET", "/meetings/{meeting}", 200 },
        { "GET", "/meetings/{meeting}/edit", 200 },
        { "GET", "/meetings/import", 200 },
        { "POST", "/meetings/{meeting}/edit", 400 },
        { "POST", "/meetings/import?handler=Preview", 400 },
        // The preview of real Council texts (the text sent in the address, which the page binds as it binds the form):
        // links to the seeded Council proposed; a text without a list, its titles marked "Check"; a next Council given
        // only as a season and region; sections that group the outcomes.
        { "POST", ImportPreviewOf("japan-eu-numbered-us-date.txt"), 200 },
        { "POST", ImportPreviewOf("prose-readout-outside-capital.txt"), 200 },
        { "POST", ImportPreviewOf("markdown-bullets-no-next-meeting.md"), 200 },
        { "POST", ImportPreviewOf("lettered-sections-split-bold.md"), 200 },
        { "GET", "/milestones", 200 },
        { "GET", "/partnerships", 200 },
        { "GET", "/reports", 200 },
        { "GET", "/reports?since=2024-01-01&all=true", 200 },
        { "GET", "/reports?status=not-started&area=semiconductors&asOf=2026-11-29", 200 },
        { "GET", "/reports?lead=nobody+at+all", 200 },
        { "GET", "/reports?since=yesterday", 400 },
        { "GET", "/reports?asOf=2099-01-01&targetFrom=2026-05-01&targetTo=2026-01-01", 400 },
        { "GET", "/account/signin", 200 },
        { "POST", "/account/signin", 400 },
        // A refused sign-in (the query's fields are bound as the form's would be): the page's own sentence, not a field's.
        { "POST", "/account/signin?Input.Email=nobody%40example.org&Input.Password=not-the-password", 400 },
        { "GET", "/account/profile", 200 },
        { "POST", "/account/profile?handler=TimeZone", 400 },
        { "GET", "/account/tokens", 200 },
        { "POST", "/account/tokens?handler=Create", 400 },
        { "GET", "/admin", 200 },
        { "GET", "/admin/users", 200 },
        { "GET", "/admin/users/{user}", 200 },
        { "GET", "/admin/users/new", 200 },
        { "POST", "/admin/users/new", 400 },
        { "POST", "/admin/users/new?Input.Email=editor%40example.org&Input.Role=Staff&Input.Password=121212121212", 400 },
        { "GET", "/admin/audit", 200 },
        { "GET", "/admin/audit?type=x9", 400 },
        { "GET", "/api", 200 },
        { "GET", "/no/such/page", 404 },
    };

    /// <summary>The import preview of one of the test Council texts.</summary>
    private static string ImportPreviewOf(string councilText) =>
        "/meetings/import?handler=Preview&Text=" + Uri.EscapeDataString(File.ReadAllText(TestFiles.CouncilText(councilText)));

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task In_Japanese_every_text_the_portal_writes_is_Japanese(string method, string url, int status)
    {
        var page = await portal.OpenAsync(PortalCultures.Japanese.Name, method, url, status);

        Assert.Equal("ja", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.True(page.Gaps.Count == 0, $"{url}: no Japanese for {string.Join(" | ", page.Gaps)}");
        var english = EnglishWordsOutsideEnglishContent(page.Document);
        Assert.True(english.Count == 0, $"{url}: English on the Japanese page: {string.Join(" | ", english)}");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task In_English_no_Japanese_appears_outside_Japanese_content(string method, string url, int status)
    {
        var page = await portal.OpenAsync(PortalCultures.English.Name, method, url, status);

        Assert.Equal("en", page.Document.DocumentElement.GetAttribute("lang"));
        var japanese = TextsOutside(page.Document, "ja").Where(text => JapaneseScript().IsMatch(text)).ToList();
        // The switch names the other language in itself, marked lang="ja".
        Assert.True(japanese.Count == 0, $"{url}: Japanese on the English page: {string.Join(" | ", japanese)}");
    }

    [Fact]
    public async Task The_switch_keeps_the_reader_on_their_page_and_is_remembered()
    {
        var client = portal.NewAnonymousClient();
        var signIn = await client.GetDocumentAsync("/account/signin");
        var toJapanese = signIn.QuerySelector("[data-testid=language-switch]")!;
        Assert.Equal("日本語", toJapanese.Text());
        Assert.Equal("ja", toJapanese.GetAttribute("lang"));

        using var switched = await client.GetAsync(toJapanese.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/account/signin", switched.Headers.Location!.OriginalString);

        var again = await client.GetDocumentAsync("/account/signin");
        Assert.Equal("ja", again.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ログイン", again.QuerySelector("h1").Text());
        Assert.Equal("English", again.QuerySelector("[data-testid=language-switch]").Text());
    }

    [Theory]
    [InlineData("ja-JP,ja;q=0.9,en;q=0.5", "ja")]
    [InlineData("ja", "ja")]
    [InlineData("en-US,en;q=0.9", "en")]
    [InlineData("fr-FR,de;q=0.8", "en")]
    [InlineData("", "en")]
    public async Task Without_a_choice_the_browsers_language_decides_and_anything_else_is_English(string acceptLanguage, string expected)
    {
        var client = portal.NewAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/signin");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        using var response = await client.SendAsync(request);
        var document = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(expected, document.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("klingon")]
    [InlineData("")]
    public async Task An_unknown_language_is_English(string language)
    {
        var client = portal.NewAnonymousClient();
        using var switched = await client.GetAsync($"/language?to={language}&return=/account/signin");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var page = await client.GetDocumentAsync("/account/signin");
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("https://elsewhere.example/")]
    [InlineData("//elsewhere.example/")]
    [InlineData("/\\elsewhere.example/")]
    public async Task The_switch_never_sends_the_reader_off_the_portal(string returnTo)
    {
        var client = portal.NewAnonymousClient();
        using var switched = await client.GetAsync($"/language?to=ja&return={Uri.EscapeDataString(returnTo)}");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/", switched.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_page_kept_for_one_language_is_never_served_in_the_other()
    {
        var client = await portal.NewClientAsync(PortalRoles.Staff);
        await client.GetAsync("/language?to=en&return=/");
        var english = await client.GetDocumentAsync("/outcomes");
        await client.GetAsync("/language?to=ja&return=/");
        var japanese = await client.GetDocumentAsync("/outcomes");

        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ja", japanese.DocumentElement.GetAttribute("lang"));
        Assert.NotEqual(english.QuerySelector("h1").Text(), japanese.QuerySelector("h1").Text());
    }

    [Fact]
    public async Task Dates_follow_the_language()
    {
        var client = await portal.NewClientAsync(PortalRoles.Staff);
        var deliverable = await portal.ResolveAsync("/deliverables/{deliverable}");
        await client.GetAsync("/language?to=ja&return=/");
        var japanese = (await client.GetDocumentAsync(deliverable)).Body!.TextContent;
        await client.GetAsync("/language?to=en&return=/");
        var english = (await client.GetDocumentAsync(deliverable)).Body!.TextContent;

        // The seed was imported on the test clock's day, 29 November 2026: its history says when.
        Assert.Contains("2026年11月29日", japanese);
        Assert.Contains("29 Nov 2026", english);
    }

    [Fact]
    public async Task The_API_answers_in_English_whatever_the_browser_asks()
    {
        var client = portal.NewAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/deliverables");
        request.Headers.TryAddWithoutValidation("Accept-Language", "ja");
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotMatch(JapaneseScript(), body);
    }

    /// <summary>
    /// Words in Latin letters that the portal wrote on a Japanese page: every text (and every label a screen reader
    /// reads: aria-label, placeholder, title, alt) outside content marked <c>lang="en"</c>. Addresses, e-mail addresses
    /// and the names programs and standards go by are not words to translate.
    /// </summary>
    private static List<string> EnglishWordsOutsideEnglishContent(IDocument document) =>
        TextsOutside(document, "en")
            .Select(text => NotWords().Replace(text, " "))
            .Where(text => LatinWord().Matches(text).Any(word => !Names.Contains(word.Value)))
            .Select(text => text.Trim())
            .Distinct()
            .ToList();

    /// <summary>The page's texts and read-out labels that are not inside an element marked with <paramref name="lang"/>.</summary>
    private static IEnumerable<string> TextsOutside(IDocument document, string lang)
    {
        bool InOther(INode node) => (node as IElement ?? node.ParentElement)?.Closest("[lang]")?.GetAttribute("lang")?.StartsWith(lang, StringComparison.Ordinal) == true
            || (node as IElement ?? node.ParentElement)?.Closest("script, style, template, code, kbd, pre, samp, svg text.axis-label") is not null;

        foreach (var node in document.Body!.Descendants().Where(n => n.NodeType == NodeType.Text && !string.IsNullOrWhiteSpace(n.TextContent)))
        {
            if (!InOther(node))
            {
                yield return node.TextContent.Trim();
            }
        }

        foreach (var element in document.Body!.Descendants<IElement>())
        {
            foreach (var attribute in (string[])["aria-label", "placeholder", "title", "alt", "aria-description"])
            {
                if (element.GetAttribute(attribute) is { Length: > 0 } value && !InOther(element))
                {
                    yield return value;
                }
            }

            // A button's or submit's own words.
            if (element is { LocalName: "input" } && element.GetAttribute("type") is "submit" or "button" && element.GetAttribute("value") is { Length: > 0 } label && !InOther(element))
            {
                yield return label;
            }
        }

        // A page's title often begins with a stored title ("Semiconductors · …"), and a <title> cannot mark a part of itself
        // with a language: the portal's own part is its end, after the last " · ".
        if (document.Title is { Length: > 0 } title && document.QuerySelector("title")?.Closest("[lang]")?.GetAttribute("lang") != lang)
        {
            yield return title[(title.LastIndexOf(" · ", StringComparison.Ordinal) + 1)..];
        }
    }

    /// <summary>Names that stay as they are in Japanese: the partners, formats, standards and programs.</summary>
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "EU", "JP", "KR", "SG", "CA", "ID", "PDF", "CSV", "XLSX", "API", "UTC", "URL", "JSON", "Atom", "iCal", "iCalendar", "OpenAPI", "RSS", "AI", "ICT",
        "HTTP", "HTTPS", "ISO", "Markdown", "Bearer", "GET", "PATCH", "POST", "PUT", "DELETE", "OK", "English", "SQLite", "PostgreSQL",
        // The partners' ISO 3166 codes in the header's mark ("EU·JP"), Latin in Japanese as "EU" is.
        "JP", "KR", "SG", "CA", "US", "IN",
    };

    [GeneratedRegex(@"\p{IsHiragana}|\p{IsKatakana}|\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex JapaneseScript();

    [GeneratedRegex(@"(?<![\p{L}\d])[A-Za-z][A-Za-z'’]+(?![\p{L}\d])")]
    private static partial Regex LatinWord();

    /// <summary>Addresses, e-mail addresses, paths, ids, and what the reader typed, quoted back in 「」: not words.</summary>
    [GeneratedRegex(@"\S+@\S+|https?://\S+|(?<!\S)/\S*|\b[A-Za-z]*\d[\w-]*|#\w+|\{\w+\}|「[^」]*」")]
    private static partial Regex NotWords();

    public sealed record OpenedPage(IDocument Document, IReadOnlyList<string> Gaps);

    public sealed class Portal : IAsyncLifetime
    {
        private readonly PortalFactory _factory = new();
        private readonly Dictionary<string, HttpClient> _admins = [];

        // TranslationGaps is one record for the whole test run; pages are opened one at a time, so what is new after a
        // page is that page's.
        private static readonly SemaphoreSlim OneAtATime = new(1, 1);

        public async Task<OpenedPage> OpenAsync(string language, string method, string url, int status)
        {
            if (!_admins.TryGetValue(language, out var client))
            {
                client = await _factory.CreateClientAsync(PortalRoles.Admin);
                using var switched = await client.GetAsync($"/language?to={language}&return=/");
                _admins[language] = client;
            }

            url = await ResolveAsync(url);
            await OneAtATime.WaitAsync();
            try
            {
                var before = TranslationGaps.Seen.ToHashSet();
                using var response = method == "GET"
                    ? await client.GetAsync(url)
                    : await client.PostAsync(url, new FormUrlEncodedContent(await TokenAsync(client, url)));
                var body = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode == status, $"{method} {url} answered {(int)response.StatusCode}, expected {status}");
                var gaps = TranslationGaps.Seen.Where(gap => !before.Contains(gap)).ToList();
                return new OpenedPage(await Html.ParseAsync(body), gaps);
            }
            finally
            {
                OneAtATime.Release();
            }
        }

        /// <summary>
        /// A genuine antiforgery token for the reader (a form posted empty but genuine, so the answer is about its
        /// fields): the page's own form's, or the sign-out form's where the page shows none in the state it is in.
        /// </summary>
        private static async Task<Dictionary<string, string>> TokenAsync(HttpClient client, string url)
        {
            var html = await Html.ParseAsync(await client.GetStringAsync(url.Split('?')[0]));
            var form = html.QuerySelector("main form[method=post]") ?? html.QuerySelector("form[action='/account/signout']")
                ?? throw new InvalidOperationException($"no form on {url}");
            return new Dictionary<string, string> { ["__RequestVerificationToken"] = PortalFactory.FieldsOf(form)["__RequestVerificationToken"] };
        }

        public HttpClient NewAnonymousClient() =>
            _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        public Task<HttpClient> NewClientAsync(string role) => _factory.CreateClientAsync(role);

        public async Task<string> ResolveAsync(string url) => url
            .Replace("{deliverable}", (await _factory.DeliverableIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{meeting}", (await _factory.SeededMeetingIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{user}", await UserIdAsync());

        /// <summary>An account of the store (the first by address), for the page an administrator manages it on.</summary>
        private async Task<string> UserIdAsync()
        {
            await using var db = _factory.NewContext();
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Users.OrderBy(u => u.Email).Select(u => u.Id));
        }

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await _factory.DisposeAsync();
    }
}
