using System.Diagnostics;
using System.Net;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Web;

/// <summary>Signing in, lockout, rate limits, and administrators' changes taking effect at once.</summary>
public sealed class AccountTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_each_failure_is_audited()
    {
        await _factory.EnsureAccountAsync("target@test.example.org", PortalRoles.Editor);
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await PortalFactory.SignInAsync(client, "target@test.example.org", "not the password at all");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using var right = await PortalFactory.SignInAsync(client, "target@test.example.org", PortalFactory.Password + " ");
        var page = await Html.ParseAsync(await right.Content.ReadAsStringAsync());
        Assert.Contains("locked for 15 minutes", page.QuerySelector("[data-testid=sign-in-problem]").Text());
        await using var db = _factory.NewContext();
        Assert.Equal(6, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.SignInFailed && a.Actor == "target@test.example.org"));
    }

    [Fact]
    public async Task Unknown_accounts_and_wrong_passwords_get_the_same_answer()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await _factory.EnsureAccountAsync("real@test.example.org", PortalRoles.Staff);

        var unknown = await Html.ParseAsync(await (await PortalFactory.SignInAsync(client, "nobody@test.example.org", "whatever-password")).Content.ReadAsStringAsync());
        var wrong = await Html.ParseAsync(await (await PortalFactory.SignInAsync(client, "real@test.example.org", "whatever-password")).Content.ReadAsStringAsync());

        Assert.Equal("The email or password is not right.", unknown.QuerySelector("[data-testid=sign-in-problem]").Text());
        Assert.Equal(unknown.QuerySelector("[data-testid=sign-in-problem]").Text(), wrong.QuerySelector("[data-testid=sign-in-problem]").Text());
    }

    [Fact]
    public async Task Removing_the_editor_role_takes_effect_at_the_next_request()
    {
        var editor = await _factory.CreateClientAsync(PortalRoles.Editor);
        var deliverable = $"/deliverables/{await _factory.DeliverableIdAsync()}";
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(deliverable + "/edit")).StatusCode);
        var admin = await _factory.CreateClientAsync(PortalRoles.Admin);
        var users = await admin.GetDocumentAsync("/admin/users");
        var manage = users.QuerySelectorAll("[data-testid=users] tbody tr").Single(r => r.TextContent.Contains("editor@test.example.org")).QuerySelector("a")!.GetAttribute("href")!;

        var form = await PortalFactory.FormAsync(admin, manage);
        form.Remove("SelectedRoles");
        form["SelectedRoles"] = PortalRoles.Staff;
        using var saved = await admin.PostAsync(manage + "?handler=Roles", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        _factory.Clock.Advance(TimeSpan.FromSeconds(1)); // "the next request" comes after the change
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(deliverable + "/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(deliverable)).StatusCode);
        var audit = await admin.GetDocumentAsync("/admin/audit");
        Assert.Contains(audit.Texts("[data-testid=audit] tbody tr"), r => r.Contains("account.roles-changed") && r.Contains("Editor → Staff"));
    }

    [Fact]
    public async Task A_locked_account_is_signed_out_at_its_next_request()
    {
        var staff = await _factory.CreateClientAsync(PortalRoles.Staff);
        var admin = await _factory.CreateClientAsync(PortalRoles.Admin);
        var users = await admin.GetDocumentAsync("/admin/users");
        var manage = users.QuerySelectorAll("[data-testid=users] tbody tr").Single(r => r.TextContent.Contains("staff@test.example.org")).QuerySelector("a")!.GetAttribute("href")!;

        var form = await PortalFactory.FormAsync(admin, manage, "form[action*='handler=Lock']");
        using var locked = await admin.PostAsync(manage + "?handler=Lock", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);

        _factory.Clock.Advance(TimeSpan.FromSeconds(1)); // "the next request" comes after the change
        using var next = await staff.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Contains("/account/signin", next.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_administrator_creates_an_account_and_passwords_under_12_characters_are_refused()
    {
        var admin = await _factory.CreateClientAsync(PortalRoles.Admin);
        var form = await PortalFactory.FormAsync(admin, "/admin/users/new");
        form["Input.Email"] = "new.manager@test.example.org";
        form["Input.Role"] = PortalRoles.Manager;
        form["Input.Password"] = "too-short";
        using var refused = await admin.PostAsync("/admin/users/new", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("at least 12 characters", await refused.Content.ReadAsStringAsync());

        form["Input.Password"] = "a long and simple passphrase";
        using var created = await admin.PostAsync("/admin/users/new", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signedIn = await PortalFactory.SignInAsync(client, "new.manager@test.example.org", "a long and simple passphrase");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_are_told_to_wait()
    {
        await using var limited = new PortalFactory().WithWebHostBuilder(b => b.UseSetting("Portal:SignInAttemptsPerMinute", "3"));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var form = await PortalFactory.FormAsync(client, "/account/signin");
            form["Input.Email"] = "someone@test.example.org";
            form["Input.Password"] = "guessing-password";
            statuses.Add((await client.PostAsync("/account/signin", new FormUrlEncodedContent(form))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
        var form2 = await PortalFactory.FormAsync(client, "/account/signin");
        form2["Input.Email"] = "someone@test.example.org";
        form2["Input.Password"] = "guessing-password";
        using var waitFor = await client.PostAsync("/account/signin", new FormUrlEncodedContent(form2));
        Assert.Equal(HttpStatusCode.TooManyRequests, waitFor.StatusCode);
        Assert.InRange(int.Parse(waitFor.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
    }

    [Fact]
    public async Task Signing_out_needs_a_post_and_ends_the_session()
    {
        var staff = await _factory.CreateClientAsync(PortalRoles.Staff);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.GetAsync("/account/signout")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/")).StatusCode); // a GET signs nobody out

        var form = await PortalFactory.FormAsync(staff, "/", "form[action='/account/signout']");
        await staff.PostAsync("/account/signout", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, (await staff.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_names_the_demo_accounts_only_in_Development()
    {
        var testing = await _factory.CreateClient().GetDocumentAsync("/account/signin");
        Assert.Null(testing.QuerySelector("[data-testid=demo-accounts]"));

        await using var development = new PortalFactory().WithWebHostBuilder(b => b.UseEnvironment("Development"));
        var page = await development.CreateClient().GetDocumentAsync("/account/signin");
        Assert.Contains("editor@example.org", page.QuerySelector("[data-testid=demo-accounts]").Text());
        var client = development.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await PortalFactory.SignInAsync(client, "editor@example.org", "Partnership-2025!")).StatusCode);
    }

    [Fact]
    public async Task The_users_add_command_creates_the_first_administrator_with_the_password_from_the_environment()
    {
        using (_factory.CreateClient()) { } // the store exists
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DigitalPartnership.Web.dll"));
        foreach (var arg in new[] { "users", "add", "--email", "first.admin@test.example.org", "--role", "admin" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in _factory.Store.ProcessSettings())
        {
            start.Environment[key] = value;
        }

        start.Environment["Portal__SeedsPath"] = TestFiles.Seeds;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["PORTAL_PASSWORD"] = "first administrator passphrase";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Created first.admin@test.example.org with role Admin", output);
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await PortalFactory.SignInAsync(client, "first.admin@test.example.org", "first administrator passphrase");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
    }
}
