using System.Net;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalPartnership.Tests.Web;

/// <summary>
/// Sessions that really end, a sign-in that tells nobody who has an account, and the smaller hardening points: what an
/// attacker holding a cookie, a list of addresses or a forged header would try.
/// </summary>
public sealed class SessionTests : IAsyncLifetime
{
    private readonly CountingHasher _hasher = new();
    private WebApplicationFactory<Program> _factory = null!;
    private PortalFactory _portal = null!;

    public Task InitializeAsync()
    {
        _portal = new PortalFactory();
        _factory = _portal.WithWebHostBuilder(b => b.ConfigureServices(services =>
            services.AddSingleton<IPasswordHasher<IdentityUser>>(_hasher)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task After_sign_out_a_copy_of_the_old_session_cookie_is_refused()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signedIn = await PortalFactory.SignInAsync(client, "staff@test.example.org", PortalFactory.Password);
        var copied = SessionCookie(signedIn);
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(copied).GetAsync("/deliverables")).StatusCode);

        var form = await PortalFactory.FormAsync(client, "/", "form[action='/account/signout']");
        await client.PostAsync("/account/signout", new FormUrlEncodedContent(form));

        using var replay = await WithCookie(copied).GetAsync("/deliverables");
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith("/account/signin", replay.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_the_sessions_on_other_devices()
    {
        var laptop = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var phone = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await PortalFactory.SignInAsync(laptop, "editor@test.example.org", PortalFactory.Password);
        await PortalFactory.SignInAsync(phone, "editor@test.example.org", PortalFactory.Password);
        var profile = await laptop.GetDocumentAsync("/account/profile");
        Assert.True(profile.QuerySelectorAll("[data-testid=sessions] tbody tr").Length >= 2);

        var form = await PortalFactory.FormAsync(laptop, "/account/profile");
        using var ended = await laptop.PostAsync("/account/profile?handler=SignOutEverywhere", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_costs_one_hash_whether_or_not_the_address_has_an_account()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await PortalFactory.FormAsync(client, "/account/signin");

        var before = _hasher.Verifications;
        await PortalFactory.SignInAsync(client, "staff@test.example.org", "not the right password");
        var forRealAccount = _hasher.Verifications - before;
        before = _hasher.Verifications;
        await PortalFactory.SignInAsync(client, "no.such.person@test.example.org", "not the right password");
        var forUnknownAddress = _hasher.Verifications - before;

        // The hash is what takes the time (tens of milliseconds); equal work is what makes the answer equally slow.
        Assert.Equal(1, forRealAccount);
        Assert.Equal(forRealAccount, forUnknownAddress);
    }

    [Fact]
    public async Task After_five_failures_a_real_and_an_unknown_address_get_the_same_locked_answer_in_the_same_time()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        async Task<(string Answer, int Hashes)> FifthAsync(string email)
        {
            string answer = "";
            var before = 0;
            for (var i = 0; i < 5; i++)
            {
                before = _hasher.Verifications;
                using var response = await PortalFactory.SignInAsync(client, email, "not the right password");
                answer = (await Html.ParseAsync(await response.Content.ReadAsStringAsync())).QuerySelector("[data-testid=sign-in-problem]").Text();
            }

            return (answer, _hasher.Verifications - before);
        }

        var real = await FifthAsync("manager@test.example.org");
        var unknown = await FifthAsync("no.such.manager@test.example.org");

        Assert.Contains("locked for 15 minutes", real.Answer);
        Assert.Equal(real, unknown);
        // And once locked, still one hash: a locked account must not answer faster either.
        var before = _hasher.Verifications;
        var form = await PortalFactory.FormAsync(client, "/account/signin");
        form["Input.Email"] = "manager@test.example.org";
        form["Input.Password"] = PortalFactory.Password;
        using var locked = await client.PostAsync("/account/signin", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Equal(1, _hasher.Verifications - before);
    }

    [Fact]
    public async Task A_forged_Host_header_is_never_echoed_into_a_redirect()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/deliverables");
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("evil.example", response.Headers.Location!.OriginalString);
        Assert.StartsWith("/account/signin", response.Headers.Location.OriginalString);
    }

    [Fact]
    public async Task Over_https_the_form_and_session_cookies_are_Secure()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using var page = await client.GetAsync("/account/signin");
        var formCookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dpp.form=", StringComparison.Ordinal));
        Assert.Contains("secure", formCookie, StringComparison.OrdinalIgnoreCase);

        using var signedIn = await PortalFactory.SignInAsync(client, "staff@test.example.org", PortalFactory.Password);
        Assert.Contains("secure", signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dpp.session=", StringComparison.Ordinal)),
            StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Input.Title", "Signed \u202Egpj.exe")]
    [InlineData("Input.EuLead", "DG \u2066CONNECT")]
    public async Task Text_that_reorders_itself_on_screen_is_refused_with_a_reason(string field, string value)
    {
        var editor = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await PortalFactory.SignInAsync(editor, "editor@test.example.org", PortalFactory.Password);
        var edit = $"/deliverables/{await _portal.DeliverableIdAsync()}/edit";
        var form = await PortalFactory.FormAsync(editor, edit);
        form[field] = value;

        using var response = await editor.PostAsync(edit, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("right-to-left override", await response.Content.ReadAsStringAsync());
    }

    private static string SessionCookie(HttpResponseMessage signedIn) =>
        signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dpp.session=", StringComparison.Ordinal)).Split(';')[0];

    /// <summary>A client with no cookies of its own but <paramref name="cookie"/>: someone who copied it.</summary>
    private HttpClient WithCookie(string cookie)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>The portal's own hasher, counting how often a password is checked.</summary>
    private sealed class CountingHasher : IPasswordHasher<IdentityUser>
    {
        private readonly PasswordHasher<IdentityUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(IdentityUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(IdentityUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
