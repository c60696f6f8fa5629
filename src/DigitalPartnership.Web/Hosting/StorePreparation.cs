using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Importing;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace DigitalPartnership.Web.Hosting;

/// <summary>
/// Brings the store up to date before anything reads it, once per process: under the provider's start-up lock (so two
/// processes never migrate or seed at once, and no lock outlives a process that dies), the provider's repairs,
/// migrations, the roles (and demo accounts in Development), then the seed texts not yet imported. Each step can be
/// interrupted by a kill and is simply done again at the next start.
/// </summary>
public sealed class StorePreparation(IServiceScopeFactory scopes, IStoreProvider provider, StoreConnection connection,
    IOptions<PortalOptions> options, IHostEnvironment environment, ILogger<StorePreparation> logger)
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _done;

    public async Task PrepareAsync(CancellationToken ct)
    {
        await _once.WaitAsync(ct);
        try
        {
            if (!_done)
            {
                await PrepareOnceAsync(ct);
                _done = true;
            }
        }
        finally
        {
            _once.Release();
        }
    }

    /// <summary>The <c>migrate</c> command: applies what is pending under the start-up lock, whatever Portal:MigrateOnStart says.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct)
    {
        await using var startupLock = await LockAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        return await MigrateAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), migrate: true, ct);
    }

    private async Task PrepareOnceAsync(CancellationToken ct)
    {
        await using var startupLock = await LockAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await MigrateAsync(services.GetRequiredService<PortalDbContext>(), options.Value.MigrateOnStart, ct);

        await ImportKeyRingFolderAsync(services.GetRequiredService<PortalDbContext>(), ct);
        await services.GetRequiredService<AccountSeeder>().SeedAsync();
        var seedsPath = options.Value.ResolveSeedsPath(environment.ContentRootPath);
        logger.LogInformation("Seeding from {SeedsPath}", seedsPath);
        foreach (var seeded in await services.GetRequiredService<PortalSeeder>().SeedAsync(seedsPath, ct))
        {
            if (seeded.Result is { } result)
            {
                logger.LogInformation("Seeded {File}: {Outcomes} outcomes, {Deliverables} deliverables", seeded.File, result.Outcomes, result.Deliverables);
            }
            else
            {
                logger.LogWarning("Seed {File} not imported: {Reason}", seeded.File, seeded.SkippedBecause);
            }
        }
    }

    /// <summary>
    /// Before version 3 the key ring was a folder beside the database (App_Data/keys). Its keys move into the store once,
    /// so sessions and forms issued before the upgrade stay valid.
    /// </summary>
    private async Task ImportKeyRingFolderAsync(PortalDbContext db, CancellationToken ct)
    {
        var folder = Path.Combine(environment.ContentRootPath, "App_Data", "keys");
        if (!Directory.Exists(folder) || await db.DataProtectionKeys.AnyAsync(ct))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.xml"))
        {
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = Path.GetFileNameWithoutExtension(file), Xml = await File.ReadAllTextAsync(file, ct) });
        }

        var moved = await db.SaveChangesAsync(ct);
        if (moved > 0)
        {
            logger.LogInformation("Moved {Count} data-protection key(s) from {Folder} into the store", moved, folder);
        }
    }

    private Task<IAsyncDisposable> LockAsync(CancellationToken ct)
    {
        logger.LogInformation("Portal database ({Provider}): {Store}", provider.Name, provider.Describe(connection.Value));
        return provider.LockForStartupAsync(connection.Value, TimeSpan.FromSeconds(options.Value.StartupLockSeconds), logger, ct);
    }

    /// <summary>Applies what is pending (when <paramref name="migrate"/>), or says in one line why the store and the code do not fit.</summary>
    private async Task<IReadOnlyList<string>> MigrateAsync(PortalDbContext db, bool migrate, CancellationToken ct)
    {
        try
        {
            await provider.PrepareAsync(db, logger, ct);
            var known = db.GetService<IMigrationsAssembly>().Migrations.Keys.ToHashSet(StringComparer.Ordinal);
            // On a new database the history table does not exist yet, and asking it would log a failed command as an error
            // (Npgsql finds out by trying): make sure it exists first, as migrating would anyway.
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), ct);
            var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
            var unknown = applied.Where(id => !known.Contains(id)).ToList();
            if (unknown.Count > 0)
            {
                throw new StoreStartupException(
                    $"The database was migrated by a newer version of the portal ({unknown[^1]}); run that version, or restore a backup made for this one.");
            }

            var pending = known.Except(applied).Order(StringComparer.Ordinal).ToList();
            if (pending.Count == 0)
            {
                return [];
            }

            if (!migrate)
            {
                throw new StoreStartupException(
                    $"The database lacks {Pages.Shared.Display.Count(pending.Count, "migration")} (up to {pending[^1]}) and Portal:MigrateOnStart is off: run the 'migrate' command first.");
            }

            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(ct);
            return pending;
        }
        catch (Exception e) when (provider.IsUnavailable(e))
        {
            throw new StoreStartupException($"The database {provider.Describe(connection.Value)} cannot be reached or written: {FirstLine(e)}", e);
        }
    }

    private static string FirstLine(Exception e) => e.Message.Split('\n', 2)[0].Trim();
}

/// <summary>
/// Prepares the store before the web server takes its first request, for a host started some other way than by the
/// portal's entry point (which has prepared it already, see <see cref="PortalHost.PrepareAsync"/>): then it is a no-op.
/// </summary>
public sealed class StorePreparationService(StorePreparation preparation) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => preparation.PrepareAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
