using System.Net;
using AngleSharp;
using DigitalPartnership.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DigitalPartnership.Tests.Support;

/// <summary>
/// The whole portal on a store of its own (a SQLite file, or a PostgreSQL database on a PostgreSQL run, see
/// <see cref="TestEngine"/>), with a clock the test controls. The store starts as a copy of one that was migrated and
/// seeded from seeds/ exactly as in production (once per test run, by <see cref="TemplateStore"/>), with one test
/// account per role; a copy costs milliseconds where migrating and seeding cost most of a second.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    private readonly bool _fromTemplate;
    private TestStoreLocation? _store;

    public PortalFactory()
        : this(fromTemplate: true)
    {
    }

    /// <param name="fromTemplate">False for a store the portal creates itself, as on a first start.</param>
    public PortalFactory(bool fromTemplate) => _fromTemplate = fromTemplate;

    /// <summary>This portal's store, made when the portal first starts.</summary>
    public TestStoreLocation Store => _store ??= TestEngine.NewStore(TestEngine.Name, "web", _fromTemplate ? TemplateStore.Name : null);

    /// <summary>The SQLite file (SQLite-specific tests only).</summary>
    public string DatabasePath => Store.SqlitePath;

    public FakeTimeProvider Clock { get; } = new(Now);

    /// <summary>Settings this portal starts with beyond the test defaults ("Portal:PublicReadOnly" = "true").</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Portal:Database", Store.Engine);
        builder.UseSetting("ConnectionStrings:Portal", Store.ConnectionString);
        builder.UseSetting("Portal:SeedsPath", TestFiles.Seeds);
        builder.UseSetting("Portal:SignInAttemptsPerMinute", "10000");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(Path.GetTempPath(), "dpp-test-logs", "portal-.log"));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A context on the portal's own store, for arranging data and checking what a request changed.</summary>
    public PortalDbContext NewContext()
    {
        var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PortalDbContext>();
    }

    public const string Password = "correct horse battery staple";

    /// <summary>The start of the seed text's first deliverable: the partners' agreement to collaborate on core technologies.</summary>
    public const string CoreTechnologies = "The partners agreed to further collaborate";

    /// <summary>The id of the seeded deliverable whose title starts with <paramref name="titleStart"/>.</summary>
    public async Task<int> DeliverableIdAsync(string titleStart = CoreTechnologies)
    {
        await using var db = NewContext();
        return await db.Deliverables.Where(d => d.Title.StartsWith(titleStart)).Select(d => d.Id).SingleAsync();
    }

    /// <summary>The id of the seeded Council (the second EU–Japan Council, Brussels).</summary>
    public async Task<int> SeededMeetingIdAsync()
    {
        await using var db = NewContext();
        return await db.Meetings.Where(m => m.Place.City == "Brussels").Select(m => m.Id).SingleAsync();
    }

    /// <summary>An account with <paramref name="role"/> (made on first use), signed in through the real sign-in form.</summary>
    public async Task<HttpClient> CreateClientAsync(string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}@test.example.org";
        await EnsureAccountAsync(email, role);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInAsync(client, email, Password);
        return client;
    }

    public async Task EnsureAccountAsync(string email, string role)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByEmailAsync(email) is null)
        {
            var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        }
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var form = await FormAsync(client, "/account/signin");
        form["Input.Email"] = email;
        form["Input.Password"] = password;
        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(form));
        if (password == Password)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {email} answered {(int)response.StatusCode}");
        }

        return response;
    }

    /// <summary>The fields of the first POST form of a page as the browser would send them, antiforgery token included.</summary>
    public static async Task<Dictionary<string, string>> FormAsync(HttpClient client, string url, string? formSelector = null)
    {
        var html = await client.GetStringAsync(url);
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html));
        var form = document.QuerySelector(formSelector ?? "main form[method=post]") ?? throw new InvalidOperationException($"no form on {url}");
        return FieldsOf(form);
    }

    /// <summary>What a browser would send for <paramref name="form"/>: values as shown, unchecked boxes left out.</summary>
    public static Dictionary<string, string> FieldsOf(AngleSharp.Dom.IElement form)
    {
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = input.GetAttribute("name")!;
            if (input.GetAttribute("type") is "checkbox" && !input.HasAttribute("checked"))
            {
                continue;
            }

            fields[name] = input.LocalName switch
            {
                "select" => input.QuerySelector("option[selected]")?.GetAttribute("value") ?? input.QuerySelector("option")?.GetAttribute("value") ?? "",
                "textarea" => input.TextContent,
                _ => input.GetAttribute("value") ?? "",
            };
        }

        return fields;
    }

    /// <summary>SQLite: writes everything into the database file itself, so the file alone is the whole store (to copy it).</summary>
    public void Checkpoint()
    {
        if (Store.Engine != TestEngine.Sqlite)
        {
            return;
        }

        using var connection = new SqliteConnection($"Data Source={Store.SqlitePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        command.ExecuteNonQuery();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_store is not null)
        {
            TestEngine.Delete(_store);
        }
    }

    /// <summary>Keeps the store when the portal is disposed: the template's store outlives the portal that made it.</summary>
    internal TestStoreLocation DetachStore()
    {
        var store = Store;
        _store = null;
        return store;
    }
}
