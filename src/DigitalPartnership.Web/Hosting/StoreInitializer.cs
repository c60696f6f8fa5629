using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalPartnership.Web.Hosting;

/// <summary>
/// Brings the store up to date: migrations, write-ahead logging, the roles (and demo accounts in Development), then
/// the seeds when the store is empty.
/// </summary>
public sealed class StoreInitializer(PortalDbContext db, PortalSeeder seeder, AccountSeeder accounts, IOptions<PortalOptions> options,
    IHostEnvironment environment, ILogger<StoreInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        logger.LogInformation("Portal database: {DatabasePath}", db.DatabasePath());
        await db.Database.MigrateAsync(ct);
        // WAL lets readers go on while one editor writes; the setting is kept in the database file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);

        await accounts.SeedAsync();
        var seedsPath = options.Value.ResolveSeedsPath(environment.ContentRootPath);
        foreach (var (file, result) in await seeder.SeedAsync(seedsPath, ct))
        {
            logger.LogInformation("Seeded {File}: {Outcome}, {Outcomes} outcomes, {Deliverables} deliverables",
                file, result.Outcome, result.Outcomes, result.Deliverables);
        }
    }
}

/// <summary>Runs <see cref="StoreInitializer"/> before the web server takes its first request.</summary>
public sealed class StoreInitializerService(IServiceScopeFactory scopes) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
