using System.Net;
using System.Reflection;
using System.Text;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Tests.Support;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalPartnership.Tests.Hosting;

/// <summary>
/// Every page, every method it takes and every form or query field it binds, found by asking the portal itself (its
/// endpoints and compiled page handlers, so a new page or field is covered without editing this test), each given
/// every kind of malformed value: the answer is never a 5xx. Methods a page does not take answer 405 with Allow.
/// </summary>
public sealed class HostileInputTests(HostileInputTests.Portal portal) : IClassFixture<HostileInputTests.Portal>
{
    /// <summary>Kinds of malformed value, each as a browser or a script could send it.</summary>
    public static readonly IReadOnlyList<string> MalformedValues =
    [
        "", " ", "\t\r\n", new string('x', 100_000), "a\0b", "\u202Egpj.exe", "-1", "0", "99999999999999999999999",
        "9999-12-31", "0001-01-01", "2025-02-30", "NaN", "1e309", "true\"", "<script>alert(1)</script>", "%", "%00",
        "'; DROP TABLE Deliverables; --", "../../etc/passwd", "{{7*7}}", new string('>', 1000) + " x",
        new string('[', 10_000), new string('*', 10_000), "日本語のテキスト", "\U0001F600", "a:b:c", "1:1:1",
    ];

    /// <summary>
    /// Left out, and why: signing out would end the session the table runs in; the error and status pages are only
    /// re-executed by the pipeline, never requested.
    /// </summary>
    private static readonly string[] LeftOut = ["/account/signout", "/status/{code:int}", "/error"];

    private static readonly string[] LeftOutHandlers = ["SignOutEverywhere"];

    [Fact]
    public async Task No_page_answers_5xx_to_a_malformed_value_in_any_field()
    {
        var failures = new List<string>();
        var requests = 0;
        foreach (var page in await portal.PagesAsync())
        {
            foreach (var handler in page.Handlers.Where(h => !LeftOutHandlers.Contains(h.Name)))
            {
                foreach (var field in handler.Fields)
                {
                    foreach (var value in MalformedValues)
                    {
                        requests++;
                        var status = await portal.SendAsync(page, handler, field, value);
                        if (status >= 500)
                        {
                            failures.Add($"{handler.Method} {page.Url} {handler.Name} {field}={Shorten(value)} → {status}");
                        }
                    }
                }
            }
        }

        Assert.True(requests > 1000, $"only {requests} requests: the pages or fields were not found");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests answered 5xx:\n{string.Join('\n', failures.Take(40))}");
    }

    [Fact]
    public async Task A_method_a_page_does_not_take_answers_405_with_the_methods_it_does_take()
    {
        var client = await portal.ClientAsync();
        foreach (var page in await portal.PagesAsync())
        {
            foreach (var method in new[] { "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS" })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), page.Url);
                using var response = await client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed, $"{method} {page.Url} answered {(int)response.StatusCode}");
                Assert.Contains("GET", response.Content.Headers.Allow.Concat(response.Headers.TryGetValues("Allow", out var allow) ? allow : []).SelectMany(v => v.Split(", ")));
            }

            if (page.Handlers.All(h => h.Method != "POST"))
            {
                var form = await portal.TokenFormAsync();
                using var post = await client.PostAsync(page.Url, new FormUrlEncodedContent(form));
                Assert.True(post.StatusCode == HttpStatusCode.MethodNotAllowed, $"POST {page.Url} answered {(int)post.StatusCode}");
                Assert.Equal("GET, HEAD", string.Join(", ", post.Content.Headers.Allow));
            }
        }
    }

    [Theory]
    [InlineData("/deliverables/99999999999999")]
    [InlineData("/deliverables/-1")]
    [InlineData("/outcomes/..%2F..%2Fetc")]
    [InlineData("/meetings/0")]
    [InlineData("/areas/%E2%80%AE")]
    [InlineData("/admin/users/%27")]
    [InlineData("/deliverables?page=99999999999")]
    [InlineData("/deliverables?handler=Nope")]
    [InlineData("/admin/audit?to=9999-12-31")]
    [InlineData("/admin/audit?from=0001-01-01&to=9999-12-31&page=-5")]
    [InlineData("/reports/export?format=pdf&asOf=9999-12-31")]
    public async Task A_malformed_address_is_a_4xx(string url)
    {
        var client = await portal.ClientAsync();
        using var response = await client.GetAsync(url);
        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Theory]
    [InlineData("/deliverables?q=%FF%FE")]
    [InlineData("/deliverables?q=%C0%AF&area=%FF")]
    [InlineData("/reports?lead=%ED%A0%80")]
    public async Task Bytes_that_are_not_UTF_8_in_an_address_are_read_as_replacement_characters_not_a_5xx(string url)
    {
        var client = await portal.ClientAsync();
        using var response = await client.GetAsync(url);
        Assert.InRange((int)response.StatusCode, 200, 499);
    }

    [Fact]
    public async Task A_form_in_another_charset_than_UTF_8_is_a_400_that_says_so()
    {
        var client = await portal.ClientAsync();
        var edit = $"/deliverables/{await portal.DeliverableIdAsync()}/edit";
        var form = await PortalFactory.FormAsync(client, edit);
        var body = string.Join('&', form.Select(f => $"{WebUtility.UrlEncode(f.Key)}={WebUtility.UrlEncode(f.Value)}"));
        using var content = new StringContent(body, Encoding.ASCII);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-7" };

        using var response = await client.PostAsync(edit, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", await response.Content.ReadAsStringAsync());
    }

    private static string Shorten(string value) =>
        (value.Length > 24 ? value[..24] + $"…({value.Length})" : value).Replace("\0", "\\0").Replace("\n", "\\n");

    public sealed record FoundPage(string Url, IReadOnlyList<FoundHandler> Handlers);

    public sealed record FoundHandler(string Method, string? Name, IReadOnlyList<string> Fields);

    /// <summary>One portal for the table, signed in as an administrator, who may open every page.</summary>
    public sealed class Portal : IAsyncLifetime
    {
        private readonly PortalFactory _factory = new();
        private HttpClient? _client;
        private readonly Dictionary<string, Dictionary<string, string>> _forms = [];
        private IReadOnlyList<FoundPage>? _pages;

        public async Task<HttpClient> ClientAsync() => _client ??= await _factory.CreateClientAsync(PortalRoles.Admin);

        public Task<int> DeliverableIdAsync() => _factory.DeliverableIdAsync();

        public async Task<Dictionary<string, string>> TokenFormAsync()
        {
            var form = await PortalFactory.FormAsync(await ClientAsync(), "/", "form[action='/account/signout']");
            return new Dictionary<string, string> { ["__RequestVerificationToken"] = form["__RequestVerificationToken"] };
        }

        /// <summary>Sends one field with one value: GET as a query; POST as the page's own form with that field replaced.</summary>
        public async Task<int> SendAsync(FoundPage page, FoundHandler handler, string field, string value)
        {
            var client = await ClientAsync();
            var url = page.Url + (handler.Name is null ? "" : $"?handler={handler.Name}");
            if (handler.Method == "GET")
            {
                var separator = url.Contains('?') ? '&' : '?';
                using var get = await client.GetAsync($"{url}{separator}{Uri.EscapeDataString(field)}={Uri.EscapeDataString(value)}");
                return (int)get.StatusCode;
            }

            // The page's own form, read once: its token stays valid for the session, and a field's validation comes before
            // any version check, so a form that went stale still reaches every check of the field.
            if (!_forms.TryGetValue(page.Url, out var original))
            {
                _forms[page.Url] = original = await FormOfAsync(page.Url);
            }

            var form = new Dictionary<string, string>(original) { [field] = value };
            using var post = await client.PostAsync(url, new FormUrlEncodedContent(form));
            return (int)post.StatusCode;
        }

        private async Task<Dictionary<string, string>> FormOfAsync(string url)
        {
            try
            {
                return await PortalFactory.FormAsync(await ClientAsync(), url);
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
            {
                return await TokenFormAsync(); // a page whose form is elsewhere (bulk update) still needs a token
            }
        }

        /// <summary>Every page the portal routes to, with real values in its route (an existing deliverable, outcome…).</summary>
        public async Task<IReadOnlyList<FoundPage>> PagesAsync()
        {
            if (_pages is not null)
            {
                return _pages;
            }

            await ClientAsync();
            var routeValues = await RouteValuesAsync();
            var loader = _factory.Services.GetRequiredService<PageLoader>();
            var pages = new List<FoundPage>();
            foreach (var endpoint in _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
            {
                if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor
                    || endpoint.RoutePattern.RawText is not { } template
                    || LeftOut.Contains("/" + template.TrimStart('/')))
                {
                    continue;
                }

                var url = "/" + template.TrimStart('/');
                foreach (var (parameter, value) in routeValues.Where(r => url.StartsWith(r.Prefix, StringComparison.Ordinal)).Select(r => (r.Parameter, r.Value)))
                {
                    url = url.Replace(parameter, value);
                }

                var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
                pages.Add(new FoundPage(url, HandlersOf(compiled)));
            }

            return _pages = pages;
        }

        private static List<FoundHandler> HandlersOf(CompiledPageActionDescriptor page)
        {
            var handlers = page.HandlerMethods.Select(h => new FoundHandler(h.HttpMethod.ToUpperInvariant(), h.Name,
                    FieldsOf(page, h.HttpMethod.ToUpperInvariant() == "GET")
                        .Concat(h.Parameters.Where(p => p.BindingInfo?.BindingSource != BindingSource.Path && IsBindable(p.ParameterType)).Select(p => p.Name))
                        .Append("handler").Distinct().ToList()))
                .ToList();
            if (handlers.Count == 0)
            {
                handlers.Add(new FoundHandler("GET", null, ["handler", "anything"]));
            }

            return handlers;
        }

        /// <summary>The bound properties' field names, nested objects flattened ("Input.Title").</summary>
        private static IEnumerable<string> FieldsOf(CompiledPageActionDescriptor page, bool get) =>
            page.BoundProperties
                .Where(p => !get || p.BindingInfo?.RequestPredicate is null || ((PageBoundPropertyDescriptor)p).Property.GetCustomAttribute<Microsoft.AspNetCore.Mvc.BindPropertyAttribute>()?.SupportsGet != false)
                .SelectMany(p => Flatten(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType, depth: 0));

        private static IEnumerable<string> Flatten(string name, Type type, int depth)
        {
            if (IsBindable(type) || depth > 2)
            {
                return [name];
            }

            return type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)
                .SelectMany(p => Flatten($"{name}.{p.Name}", p.PropertyType, depth + 1));
        }

        private static bool IsBindable(Type type) =>
            type == typeof(CancellationToken) ? false
            : type.IsPrimitive || type == typeof(string) || type == typeof(decimal) || Nullable.GetUnderlyingType(type) is not null
              || type.IsEnum || typeof(System.Collections.IEnumerable).IsAssignableFrom(type);

        private async Task<List<(string Prefix, string Parameter, string Value)>> RouteValuesAsync()
        {
            await using var db = _factory.NewContext();
            var outcome = await db.Outcomes.OrderBy(o => o.Id).Select(o => o.Slug).FirstAsync();
            var area = await db.Areas.OrderBy(a => a.Id).Select(a => a.Slug).FirstAsync();
            // Someone else's account: the administrator must not lock or demote themselves half-way through the table.
            var account = await db.Users.Where(u => u.Email == "staff@test.example.org").Select(u => u.Id).FirstAsync();
            return
            [
                ("/outcomes/", "{slug}", outcome),
                ("/areas/", "{slug}", area),
                ("/admin/users/", "{id}", account),
                ("/deliverables/", "{id:int}", (await _factory.DeliverableIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("/meetings/", "{id:int}", (await _factory.SeededMeetingIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ];
        }

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await _factory.DisposeAsync();
    }
}
