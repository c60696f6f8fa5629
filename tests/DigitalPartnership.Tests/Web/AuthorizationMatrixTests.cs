using System.Net;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Tests.Support;

namespace DigitalPartnership.Tests.Web;

/// <summary>Every page and handler × every role (and anonymous): who gets in, who is sent to sign in, who is refused.</summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Portal portal) : IClassFixture<AuthorizationMatrixTests.Portal>
{
    private const string Anonymous = "anonymous";

    // Expected status for: anonymous, Staff, Editor, Manager, Admin. 302 = sent to sign in; 400 = let in, the empty form refused.
    // {deliverable} and {meeting} stand for a seeded deliverable and the seeded Council.
    public static TheoryData<string, string, string> Matrix => new()
    {
        { "GET", "/", "302 200 200 200 200" },
        { "GET", "/outcomes", "302 200 200 200 200" },
        { "GET", "/outcomes/semiconductors-and-6g", "302 200 200 200 200" },
        { "GET", "/areas", "302 200 200 200 200" },
        { "GET", "/areas/cybersecurity", "302 200 200 200 200" },
        { "GET", "/deliverables", "302 200 200 200 200" },
        { "GET", "/deliverables/{deliverable}", "302 200 200 200 200" },
        { "GET", "/meetings", "302 200 200 200 200" },
        { "GET", "/meetings/{meeting}", "302 200 200 200 200" },
        { "GET", "/milestones", "302 200 200 200 200" },
        { "GET", "/deliverables/{deliverable}/edit", "302 403 200 403 200" },
        { "POST", "/deliverables/{deliverable}/edit", "302 403 400 403 400" },
        { "GET", "/deliverables/{deliverable}/thread", "302 403 200 403 200" },
        { "POST", "/deliverables/{deliverable}/thread?handler=Link", "302 403 400 403 400" },
        { "GET", "/outcomes/semiconductors-and-6g/edit", "302 403 200 403 200" },
        { "POST", "/outcomes/semiconductors-and-6g/edit", "302 403 400 403 400" },
        { "GET", "/outcomes/semiconductors-and-6g/deliverables/new", "302 403 200 403 200" },
        { "POST", "/outcomes/semiconductors-and-6g/deliverables/new", "302 403 400 403 400" },
        { "POST", "/deliverables/bulk", "302 403 400 403 400" },
        { "GET", "/meetings/import", "302 403 200 403 200" },
        { "POST", "/meetings/import?handler=Preview", "302 403 400 403 400" },
        { "GET", "/reports", "302 403 403 200 200" },
        { "GET", "/reports/export?format=csv", "302 403 403 200 200" },
        { "GET", "/admin", "302 403 403 403 200" },
        { "GET", "/admin/users", "302 403 403 403 200" },
        { "GET", "/admin/users/new", "302 403 403 403 200" },
        { "POST", "/admin/users/new", "302 403 403 403 400" },
        { "GET", "/admin/audit", "302 403 403 403 200" },
        { "GET", "/account/signin", "200 200 200 200 200" },
        { "GET", "/health", "200 200 200 200 200" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_gets_the_expected_answer(string method, string url, string expected)
    {
        var roles = new[] { Anonymous, PortalRoles.Staff, PortalRoles.Editor, PortalRoles.Manager, PortalRoles.Admin };
        var wanted = expected.Split(' ').Select(int.Parse).ToArray();
        url = await portal.ResolveAsync(url);
        var actual = new List<int>();
        foreach (var role in roles)
        {
            var client = await portal.ClientAsync(role);
            using var response = method == "GET"
                ? await client.GetAsync(url)
                : await client.PostAsync(url, new FormUrlEncodedContent(await portal.TokenAsync(role)));
            actual.Add((int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.StartsWith("/account/signin", response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
            }
        }

        Assert.Equal(string.Join(' ', wanted), string.Join(' ', actual));
    }

    public sealed class Portal : IAsyncLifetime
    {
        private readonly Dictionary<string, HttpClient> _clients = [];
        private readonly PortalFactory _factory = new();

        public async Task<HttpClient> ClientAsync(string role)
        {
            if (!_clients.TryGetValue(role, out var client))
            {
                client = role == Anonymous
                    ? _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
                    : await _factory.CreateClientAsync(role);
                _clients[role] = client;
            }

            return client;
        }

        /// <summary>A valid antiforgery token for this client, so a refusal is about the role, never the token.</summary>
        public async Task<Dictionary<string, string>> TokenAsync(string role)
        {
            var client = await ClientAsync(role);
            var form = await PortalFactory.FormAsync(client, role == Anonymous ? "/account/signin" : "/", role == Anonymous ? null : "form[action='/account/signout']");
            return new Dictionary<string, string> { ["__RequestVerificationToken"] = form["__RequestVerificationToken"] };
        }

        /// <summary>The address with its placeholders filled in from the seeded store.</summary>
        public async Task<string> ResolveAsync(string url) => url
            .Replace("{deliverable}", (await _factory.DeliverableIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{meeting}", (await _factory.SeededMeetingIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture));

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await _factory.DisposeAsync();
    }
}
