using System.Diagnostics;
using System.Text.Json;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Importing;

/// <summary>The <c>import</c> command as a user runs it: a real process, stdout and exit code.</summary>
public sealed class ImportCommandTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Dry_run_json_prints_one_JSON_object_and_stores_nothing()
    {
        var run = await RunAsync("import", TestFiles.SeedText, "--dry-run", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout); // the whole of stdout, nothing else
        Assert.Equal("Brussels", json.RootElement.GetProperty("meeting").GetProperty("city").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("outcomes").GetArrayLength());
        Assert.Equal("Tokyo", json.RootElement.GetProperty("nextMeeting").GetProperty("city").GetString());
        await using var db = _database.NewContext();
        Assert.Equal(0, await db.Meetings.CountAsync());
    }

    [Fact]
    public async Task Import_stores_a_new_text_and_a_second_run_changes_nothing()
    {
        var file = TestFiles.CouncilText("japan-eu-numbered-us-date.txt");
        var first = await RunAsync("import", file);
        var second = await RunAsync("import", file);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("3 outcomes, 4 deliverables", first.Stdout);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("nothing changed", second.Stdout);
        await using var db = _database.NewContext();
        Assert.Equal(2, await db.Meetings.CountAsync()); // the seed, created on first use, and this text
    }

    [Theory]
    [InlineData("missing.txt", "no such file")]
    [InlineData("empty.txt", "empty")]
    [InlineData("not-utf8.txt", "not UTF-8")]
    [InlineData("no-outcomes.txt", "no key outcomes")]
    public async Task A_bad_file_gets_a_one_line_error_a_non_zero_exit_and_leaves_the_store_untouched(string name, string reason)
    {
        var run = await RunAsync("import", TestFiles.CouncilText(name));

        Assert.NotEqual(0, run.ExitCode);
        var error = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error:", error);
        Assert.Contains(reason, error);
        await using var db = _database.NewContext();
        Assert.Equal(0, await db.Meetings.CountAsync());
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DigitalPartnership.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in _database.Store.ProcessSettings())
        {
            start.Environment[key] = value;
        }

        start.Environment["Portal__SeedsPath"] = TestFiles.Seeds;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
