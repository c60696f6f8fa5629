using System.CommandLine;
using System.Globalization;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Generation;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Web.Hosting;
using Serilog;
using Serilog.Events;

namespace DigitalPartnership.Web.Commands;

/// <summary>
/// The command line (System.CommandLine): <c>import</c>, <c>generate</c>, <c>users add</c>, <c>migrate</c> and
/// <c>store backup</c>. Results go to stdout, diagnostics to stderr, so <c>--json</c> output can be piped as it is.
/// Exit codes: 0 done, 1 the input or the store could not be used (one line on stderr says why), 2 a usage mistake.
/// </summary>
public static class PortalCommands
{
    private static readonly string[] Names = ["import", "generate", "users", "migrate", "store", "help", "--help", "-h", "-?"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    /// <summary>Who the audit log names for changes made from the command line.</summary>
    private static string CommandLineActor => $"command line ({Environment.UserName})";

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Digital Partnership Portal: run without a command to serve the portal.")
        {
            ImportCommand(),
            GenerateCommand(),
            UsersCommand(),
            MigrateCommand(),
            StoreCommand(),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}");
            }

            await Console.Error.WriteLineAsync($"Try '{string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')).Take(2))} --help'.");
            return 2;
        }

        try
        {
            // Our own handler below turns expected failures into one line; anything else is a bug and may show its stack.
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CouncilTextException e)
        {
            return Fail($"error: {e.Message}");
        }
        catch (StoreStartupException e)
        {
            return Fail($"error: {e.Message}");
        }
    }

    private static Command ImportCommand()
    {
        var file = new Argument<string>("file") { Description = "The Council text, UTF-8 (plain text or Markdown)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what the text yields; store nothing." };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object." };
        var command = new Command("import", "Import a Council text (the same text twice changes nothing).") { file, dryRun, json };
        command.SetAction(async (parse, ct) =>
        {
            var path = ResolveUserPath(parse.GetValue(file)!);
            var text = await CouncilTextFile.ReadAsync(path, ct);
            await using var app = BuildApp();
            // Read the whole text before touching the store: a text that cannot be imported leaves it as it was.
            var parsed = new CouncilTextParser(app.Services.GetRequiredService<AreaTaxonomy>()).Parse(text);
            if (parse.GetValue(dryRun))
            {
                Console.Out.WriteLine(parse.GetValue(json) ? CouncilTextJson.Write(parsed) : Describe(parsed));
                return 0;
            }

            CouncilImporter.Check(parsed);
            if (await PrepareAsync(app) is { } failed)
            {
                return failed;
            }

            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<CouncilImporter>().ImportAsync(Path.GetFileName(path), text, ct, CommandLineActor);
            Console.Out.WriteLine(parse.GetValue(json)
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
        });
        return command;
    }

    private static Command GenerateCommand()
    {
        var deliverables = WholeNumber("--deliverables", "How many deliverables to add.", minimum: 1);
        var history = WholeNumber("--history", "History rows per deliverable.", minimum: 0, byDefault: 3);
        var seed = WholeNumber("--seed", "Seed of the random choices (the same seed, the same data).", minimum: 0, byDefault: 2025);
        var command = new Command("generate", "Add generated deliverables with history, for measuring the portal at scale.") { deliverables, history, seed };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = BuildApp();
            if (await PrepareAsync(app) is { } failed)
            {
                return failed;
            }

            var count = parse.GetValue(deliverables);
            var rows = parse.GetValue(history);
            await using var scope = app.Services.CreateAsyncScope();
            var started = TimeProvider.System.GetTimestamp();
            var created = await scope.ServiceProvider.GetRequiredService<DatasetGenerator>().GenerateAsync(count, rows, parse.GetValue(seed),
                done => Console.Error.WriteLine($"  {done:N0} / {count:N0}"), ct);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Generated {created:N0} deliverables with up to {rows} history rows each in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F1} s."));
            return 0;
        });
        return command;
    }

    private static Command UsersCommand()
    {
        var email = new Option<string>("--email") { Description = "The person's e-mail address, their sign-in name.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", PortalRoles.All)}.", Required = true };
        role.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && !PortalRoles.All.Contains(token.Value, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError($"--role must be one of {string.Join(", ", PortalRoles.All)}, not \"{token.Value}\".");
            }
        });
        var add = new Command("add", "Create an account. The password comes from PORTAL_PASSWORD or standard input, never from the command line.") { email, role };
        add.SetAction(async (parse, ct) =>
        {
            var password = Environment.GetEnvironmentVariable("PORTAL_PASSWORD");
            if (string.IsNullOrEmpty(password))
            {
                if (!Console.IsInputRedirected)
                {
                    await Console.Error.WriteAsync("Password (at least 12 characters): ");
                }

                password = await Console.In.ReadLineAsync(ct);
            }

            if (string.IsNullOrEmpty(password))
            {
                return Fail("error: no password: set PORTAL_PASSWORD or give it on standard input", 2);
            }

            await using var app = BuildApp();
            if (await PrepareAsync(app) is { } failed)
            {
                return failed;
            }

            var canonicalRole = PortalRoles.All.First(r => string.Equals(r, parse.GetValue(role), StringComparison.OrdinalIgnoreCase));
            var address = parse.GetValue(email)!.Trim();
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<PortalAccountService>().CreateAsync(address, password, canonicalRole, CommandLineActor);
            if (!result.Succeeded)
            {
                return Fail($"error: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }

            Console.Out.WriteLine($"Created {address} with role {canonicalRole}.");
            return 0;
        });
        return new Command("users", "Manage accounts (the Admin pages manage everyone after the first administrator).") { add };
    }

    private static Command MigrateCommand()
    {
        var command = new Command("migrate", "Apply the store's pending migrations and stop (for deployments with Portal:MigrateOnStart off).");
        command.SetAction(async (_, ct) =>
        {
            await using var app = BuildApp();
            var applied = await app.Services.GetRequiredService<StorePreparation>().MigrateAsync(ct);
            Console.Out.WriteLine(applied.Count == 0
                ? "The store is up to date; nothing to apply."
                : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}.");
            return 0;
        });
        return command;
    }

    private static Command StoreCommand()
    {
        var to = new Option<string>("--to") { Description = "The file to write the copy to (it must not exist yet).", Required = true };
        var backup = new Command("backup", "Copy the SQLite store to a file while the portal keeps running (SQLite's online backup).") { to };
        backup.SetAction(async (parse, ct) =>
        {
            await using var app = BuildApp();
            var target = ResolveUserPath(parse.GetValue(to)!);
            var summary = await app.Services.GetRequiredService<IStoreProvider>().BackupAsync(
                app.Services.GetRequiredService<StoreConnection>().Value, target, ct);
            Console.Out.WriteLine(summary);
            return 0;
        });
        var from = new Option<string>("--from") { Description = "Connection string of the store to copy (stop the portal on it first).", Required = true };
        var fromDatabase = new Option<string>("--from-database") { Description = "Its engine: Sqlite or Postgres.", DefaultValueFactory = _ => "Sqlite" };
        var into = new Option<string>("--to") { Description = "Connection string of the empty database to copy into.", Required = true };
        var toDatabase = new Option<string>("--to-database") { Description = "Its engine: Sqlite or Postgres.", Required = true };
        var copy = new Command("copy", "Copy every table of a store into an empty database (SQLite to PostgreSQL or back), ids and accounts included; all or nothing.")
        {
            from, fromDatabase, into, toDatabase,
        };
        copy.SetAction(async (parse, ct) =>
        {
            var sourceProvider = PortalStore.ProviderNamed(parse.GetValue(fromDatabase)!);
            var targetProvider = PortalStore.ProviderNamed(parse.GetValue(toDatabase)!);
            var contentRoot = Environment.GetEnvironmentVariable("PWD") ?? Directory.GetCurrentDirectory();
            var sourceConnection = sourceProvider.Resolve(parse.GetValue(from)!, contentRoot);
            var targetConnection = targetProvider.Resolve(parse.GetValue(into)!, contentRoot);
            await using var source = StoreContext(sourceProvider, sourceConnection);
            await using var target = StoreContext(targetProvider, targetConnection);
            Console.Error.WriteLine($"Copying {sourceProvider.Describe(sourceConnection)} ({sourceProvider.Name}) into {targetProvider.Describe(targetConnection)} ({targetProvider.Name})");
            var started = TimeProvider.System.GetTimestamp();
            var tables = await new StoreCopy(source, target).CopyAsync(table => Console.Error.WriteLine($"  {table.Table}: {table.Rows:N0}"), ct);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Copied {tables.Count} tables, {tables.Sum(t => t.Rows):N0} rows, in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F1} s; every table's row count checked in the target."));
            foreach (var table in tables)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {table.Table,-28} {table.Rows,10:N0}"));
            }

            return 0;
        });
        return new Command("store", "Work on the store as a whole.") { backup, copy };
    }

    /// <summary>An option taking a whole number of at least <paramref name="minimum"/>; required unless it has a default.</summary>
    private static Option<int> WholeNumber(string name, string description, int minimum, int? byDefault = null)
    {
        var option = new Option<int>(name) { Description = description, Required = byDefault is null };
        if (byDefault is { } value)
        {
            option.DefaultValueFactory = _ => value;
        }

        option.CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return byDefault ?? 0;
            }

            var text = result.Tokens[0].Value;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= minimum)
            {
                return number;
            }

            result.AddError($"{name} needs a whole number of at least {minimum}, not \"{text}\".");
            return 0;
        };
        return option;
    }

    /// <summary>A context on a store given on the command line, outside the portal's own configuration.</summary>
    private static PortalDbContext StoreContext(IStoreProvider provider, string connectionString)
    {
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<PortalDbContext>();
        provider.Configure(options, connectionString);
        return new PortalDbContext(options.Options);
    }

    /// <summary>The portal's services without its web server: same configuration, logging to stderr only.</summary>
    private static WebApplication BuildApp()
    {
        var builder = WebApplication.CreateBuilder(PortalEnvironment.Options([]));
        builder.Services.AddSerilog(logger => logger
            .MinimumLevel.Warning()
            .MinimumLevel.Override("DigitalPartnership", LogEventLevel.Information)
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}", standardErrorFromLevel: LogEventLevel.Verbose));
        builder.Services.AddPortalStore();
        return builder.Build();
    }

    private static Task<int?> PrepareAsync(WebApplication app) => PortalHost.PrepareStoreAsync(app.Services, app.Logger);

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

    private static int Fail(string message, int exitCode = 1)
    {
        Console.Error.WriteLine(message);
        return exitCode;
    }
}
