using System.Globalization;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Generation;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Web.Hosting;
using Serilog;
using Serilog.Events;

namespace DigitalPartnership.Web.Commands;

/// <summary>
/// The command line: <c>import &lt;file&gt; [--dry-run] [--json]</c> and <c>generate --deliverables N [--history K]</c>.
/// Results go to stdout, diagnostics to stderr, so <c>--json</c> output can be piped as it is.
/// </summary>
public static class PortalCommands
{
    private const string Usage = """
        Usage:
          import <file> [--dry-run] [--json]     import a Council text (--dry-run: show what it yields, store nothing)
          generate --deliverables N [--history K] [--seed S]
                                                 add N generated deliverables with K history rows each, for measuring
          users add --email E --role R           create an account (Staff, Editor, Manager or Admin); the password is read
                                                 from PORTAL_PASSWORD or from standard input, never from the command line
        """;

    public static bool IsCommand(string[] args) => args is ["import", ..] or ["generate", ..] or ["users", ..] or ["help" or "--help"];

    /// <summary>Who the audit log names for changes made from the command line.</summary>
    private static string CommandLineActor => $"command line ({Environment.UserName})";

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return args[0] switch
            {
                "import" => await ImportAsync(args[1..]),
                "generate" => await GenerateAsync(args[1..]),
                "users" when args is [_, "add", ..] => await AddUserAsync(args[2..]),
                _ => Fail(Usage, 0),
            };
        }
        catch (CouncilTextException e)
        {
            return Fail($"error: {e.Message}", 1);
        }
        catch (UsageException e)
        {
            return Fail($"error: {e.Message}\n{Usage}", 2);
        }
    }

    private static async Task<int> ImportAsync(string[] args)
    {
        var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var unknown = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a is not ("--dry-run" or "--json")).ToList();
        if (files.Count != 1 || unknown.Count > 0)
        {
            throw new UsageException(unknown.Count > 0 ? $"unknown option {unknown[0]}" : "import takes exactly one file");
        }

        var dryRun = args.Contains("--dry-run");
        var json = args.Contains("--json");
        var path = ResolveUserPath(files[0]);
        var text = await CouncilTextFile.ReadAsync(path, CancellationToken.None);

        await using var app = BuildApp();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        // Read the whole text before touching the store: a text that cannot be imported leaves it as it was.
        var parsed = new CouncilTextParser(services.GetRequiredService<AreaTaxonomy>()).Parse(text);
        if (dryRun)
        {
            Console.Out.WriteLine(json ? CouncilTextJson.Write(parsed) : Describe(parsed));
            return 0;
        }

        CouncilImporter.Check(parsed);

        await services.GetRequiredService<StoreInitializer>().InitializeAsync(CancellationToken.None);
        var result = await services.GetRequiredService<CouncilImporter>().ImportAsync(Path.GetFileName(path), text, CancellationToken.None, CommandLineActor);
        Console.Out.WriteLine(json
            ? System.Text.Json.JsonSerializer.Serialize(new
            {
                result = result.Outcome == ImportOutcome.Imported ? "imported" : "already-imported",
                meetingId = result.MeetingId,
                outcomes = result.Outcomes,
                deliverables = result.Deliverables,
            })
            : result.Outcome == ImportOutcome.Imported
                ? $"Imported {Path.GetFileName(path)} as meeting {result.MeetingId}: {result.Outcomes} outcomes, {result.Deliverables} deliverables."
                : $"{Path.GetFileName(path)} was imported before (meeting {result.MeetingId}); nothing changed.");
        return 0;
    }

    private static async Task<int> GenerateAsync(string[] args)
    {
        var deliverables = IntOption(args, "--deliverables") ?? throw new UsageException("generate needs --deliverables N");
        var history = IntOption(args, "--history") ?? 3;
        var seed = IntOption(args, "--seed") ?? 2025;
        if (deliverables <= 0 || history < 0)
        {
            throw new UsageException("--deliverables must be positive and --history not negative");
        }

        await using var app = BuildApp();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<StoreInitializer>().InitializeAsync(CancellationToken.None);
        var started = TimeProvider.System.GetTimestamp();
        var created = await services.GetRequiredService<DatasetGenerator>().GenerateAsync(deliverables, history, seed,
            done => Console.Error.WriteLine($"  {done:N0} / {deliverables:N0}"), CancellationToken.None);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generated {created:N0} deliverables with up to {history} history rows each in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F1} s."));
        return 0;
    }

    private static async Task<int> AddUserAsync(string[] args)
    {
        var email = StringOption(args, "--email") ?? throw new UsageException("users add needs --email");
        var role = StringOption(args, "--role") ?? throw new UsageException("users add needs --role");
        var canonicalRole = Core.Accounts.PortalRoles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"--role must be one of {string.Join(", ", Core.Accounts.PortalRoles.All)}");
        if (args.Contains("--password"))
        {
            throw new UsageException("a password on the command line ends up in shell history: use PORTAL_PASSWORD or standard input");
        }

        var password = Environment.GetEnvironmentVariable("PORTAL_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            if (!Console.IsInputRedirected)
            {
                Console.Error.Write("Password (at least 12 characters): ");
            }

            password = Console.In.ReadLine();
        }

        if (string.IsNullOrEmpty(password))
        {
            throw new UsageException("no password: set PORTAL_PASSWORD or give it on standard input");
        }

        await using var app = BuildApp();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<StoreInitializer>().InitializeAsync(CancellationToken.None);
        var result = await services.GetRequiredService<PortalAccountService>().CreateAsync(email.Trim(), password, canonicalRole, CommandLineActor);
        if (!result.Succeeded)
        {
            return Fail($"error: {string.Join(" ", result.Errors.Select(e => e.Description))}", 1);
        }

        Console.Out.WriteLine($"Created {email} with role {canonicalRole}.");
        return 0;
    }

    private static string? StringOption(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index < 0 ? null : index + 1 < args.Length ? args[index + 1] : throw new UsageException($"{name} needs a value");
    }

    /// <summary>The portal's services without its web server: same configuration, logging to stderr only.</summary>
    private static WebApplication BuildApp()
    {
        var builder = WebApplication.CreateBuilder(PortalEnvironment.Options([]));
        builder.Services.AddSerilog(logger => logger
            .MinimumLevel.Warning()
            .MinimumLevel.Override("DigitalPartnership", LogEventLevel.Information)
            .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose));
        builder.Services.AddPortalStore();
        return builder.Build();
    }

    private static string Describe(CouncilText parsed)
    {
        var lines = new List<string>
        {
            parsed.Title,
            $"Partnership: {parsed.Partnership?.Name ?? "(not named)"}",
            $"Meeting: {parsed.Meeting.CouncilName}, {parsed.Meeting.Describe()}",
            $"Areas: {string.Join(", ", parsed.Areas.Select(a => a.Name))}",
        };
        foreach (var outcome in parsed.Outcomes)
        {
            lines.Add($"- {outcome.Title}");
            lines.AddRange(outcome.Deliverables.Select(d => $"    [{d.Status.DisplayName()}] {d.Title}"));
        }

        lines.Add($"Next meeting: {(parsed.NextMeeting is { } next ? $"{next.CouncilName}, {next.Describe()}" : "(not announced)")}");
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>
    /// <c>dotnet run --project</c> starts the portal in its project folder, not where the user typed the command; the
    /// shell's PWD still says where that was, so a relative path means what the user meant.
    /// </summary>
    private static string ResolveUserPath(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        var shellDirectory = Environment.GetEnvironmentVariable("PWD");
        return string.IsNullOrEmpty(shellDirectory) ? Path.GetFullPath(path) : Path.GetFullPath(path, shellDirectory);
    }

    private static int? IntOption(string[] args, string name) =>
        StringOption(args, name) is not { } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw new UsageException($"{name} needs a whole number");

    private static int Fail(string message, int exitCode)
    {
        (exitCode == 0 ? Console.Out : Console.Error).WriteLine(message);
        return exitCode;
    }

    private sealed class UsageException(string message) : Exception(message);
}
