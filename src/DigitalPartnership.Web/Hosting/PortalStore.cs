using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Generation;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Migrations.Postgres;
using DigitalPartnership.Migrations.Sqlite;
using Microsoft.Extensions.Options;

namespace DigitalPartnership.Web.Hosting;

/// <summary>Where the store lives and how to reach it; shared by the web host and the command line.</summary>
public static class PortalStore
{
    public const string ConnectionStringName = "Portal";

    /// <summary>The providers the portal can run on, by the name <c>Portal:Database</c> gives.</summary>
    public static IReadOnlyList<IStoreProvider> Providers { get; } = [new SqliteStoreProvider(), new PostgresStoreProvider()];

    public static IServiceCollection AddPortalStore(this IServiceCollection services)
    {
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Resolved from the built service provider, so configuration added late (tests, command line) is honoured.
        services.AddSingleton(sp => ProviderNamed(sp.GetRequiredService<IOptions<PortalOptions>>().Value.Database));
        services.AddSingleton(sp => new StoreConnection(sp.GetRequiredService<IStoreProvider>().Resolve(
            sp.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName)
                ?? throw new StoreStartupException($"ConnectionStrings:{ConnectionStringName} is not set: say where the database is."),
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        // Pooled: a request borrows a context instead of building one (its options never change once the portal runs).
        services.AddDbContextPool<PortalDbContext>((sp, options) =>
            sp.GetRequiredService<IStoreProvider>().Configure(options, sp.GetRequiredService<StoreConnection>().Value));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => AreaTaxonomy.Load(Path.Combine(
            sp.GetRequiredService<IOptions<PortalOptions>>().Value.ResolveSeedsPath(sp.GetRequiredService<IHostEnvironment>().ContentRootPath),
            AreaTaxonomy.FileName)));
        services.AddScoped<CouncilImporter>();
        services.AddScoped<LinkProposer>();
        services.AddScoped<PortalSeeder>();
        services.AddScoped<DatasetGenerator>();
        services.AddScoped<Core.Reporting.ProgressReportBuilder>();
        services.AddSingleton<StorePreparation>();
        services.AddScoped<AccountSeeder>();
        services.AddScoped<PortalAccountService>();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddPortalAccounts();
        return services;
    }

    public static IStoreProvider ProviderNamed(string name) =>
        Providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new StoreStartupException(
            $"Portal:Database is \"{name}\", which the portal does not know: use {string.Join(" or ", Providers.Select(p => p.Name))}.");
}

/// <summary>The store's connection string, resolved once (a relative SQLite path made absolute against the content root).</summary>
public sealed record StoreConnection(string Value);
