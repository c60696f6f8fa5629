using System.Net;
using DigitalPartnership.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DigitalPartnership.BrowserTests;

/// <summary>The seeded portal on a real Kestrel port on 127.0.0.1, and Debian's Chromium driven by Playwright.</summary>
public sealed class LivePortal : IAsyncLifetime
{
    private readonly PortalFactory _factory = new();
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var executable = BrowserTests.Browser.ExecutablePath
            ?? throw new InvalidOperationException($"REQUIRE_BROWSER=1 but no Chromium at {BrowserTests.Browser.ExpectedPath}");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh page that records every console error (a blocked script or style shows up there).</summary>
    /// <param name="javaScript">False to browse as a reader whose browser runs no script.</param>
    public async Task<(IPage Page, List<string> ConsoleErrors)> NewPageAsync(int width = 1280, int height = 900, bool javaScript = true)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
        });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return (page, errors);
    }

    /// <summary>Makes an account with the role and signs in with it through the sign-in page, as a person would.</summary>
    public async Task SignInAsync(IPage page, string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}@test.example.org";
        await _factory.EnsureAccountAsync(email, role);
        await page.GotoAsync(BaseUrl + "/account/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(PortalFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync(email);
    }

    /// <summary>A context on the portal's store, for arranging data a test needs beyond the seed.</summary>
    public DigitalPartnership.Core.Data.PortalDbContext NewContext() => _factory.NewContext();

    /// <summary>The portal's clock (a fixed day, <see cref="PortalFactory.Now"/>).</summary>
    public DateTimeOffset Now => _factory.Clock.GetUtcNow();

    /// <summary>Where a test leaves what a person would look at (screenshots, printed PDFs).</summary>
    public static string OutputFolder
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>The seeded Council, as <see cref="PortalFactory.SeededMeetingIdAsync"/>.</summary>
    public Task<int> SeededMeetingIdAsync() => _factory.SeededMeetingIdAsync();

    /// <summary>A seeded deliverable, as <see cref="PortalFactory.DeliverableIdAsync"/>.</summary>
    public Task<int> DeliverableIdAsync(string titleStart = PortalFactory.CoreTechnologies) => _factory.DeliverableIdAsync(titleStart);

    public async Task ScreenshotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(OutputFolder, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }
}
