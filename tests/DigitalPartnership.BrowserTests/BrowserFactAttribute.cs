namespace DigitalPartnership.BrowserTests;

/// <summary>
/// A test that needs a real Chromium. Skipped, with the reason, when none is installed — unless REQUIRE_BROWSER=1
/// (as in CI), where a missing browser must fail rather than pass quietly.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.ExecutablePath is null && Environment.GetEnvironmentVariable("REQUIRE_BROWSER") != "1")
        {
            Skip = $"No Chromium at {Browser.ExpectedPath} (apt-get install chromium, or set CHROMIUM_PATH). "
                + "Set REQUIRE_BROWSER=1 to make a missing browser a failure.";
        }
    }
}

public static class Browser
{
    public static string ExpectedPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string? ExecutablePath => File.Exists(ExpectedPath) ? ExpectedPath : null;
}

/// <summary>A theory that needs a real Chromium: skipped or required exactly as <see cref="BrowserFactAttribute"/>.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (Browser.ExecutablePath is null && Environment.GetEnvironmentVariable("REQUIRE_BROWSER") != "1")
        {
            Skip = $"No Chromium at {Browser.ExpectedPath} (apt-get install chromium, or set CHROMIUM_PATH). "
                + "Set REQUIRE_BROWSER=1 to make a missing browser a failure.";
        }
    }
}
