using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Generation;
using DigitalPartnership.Core.Importing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalPartnership.Web.Hosting;

/// <summary>Where the store lives and how to reach it; shared by the web host and the command line.</summary>
public static class PortalStore
{
    public const string ConnectionStringName = "Portal";
    private const string MigrationsAssembly = "DigitalPartnership.Migrations.Sqlite";

    public static IServiceCollection AddPortalStore(this IServiceCollection services)
    {
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Resolved from the built service provider, so configuration added late (tests, command line) is honoured.
        services.AddDbContext<PortalDbContext>((sp, options) => options.UseSqlite(
            SqliteConnectionString(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath),
            sqlite => sqlite.MigrationsAssembly(MigrationsAssembly)
                // Detail pages project a few small collections; one round trip is right for them.
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => AreaTaxonomy.Load(Path.Combine(
            sp.GetRequiredService<IOptions<PortalOptions>>().Value.ResolveSeedsPath(sp.GetRequiredService<IHostEnvironment>().ContentRootPath),
            AreaTaxonomy.FileName)));
        services.AddScoped<CouncilImporter>();
        services.AddScoped<PortalSeeder>();
        services.AddScoped<DatasetGenerator>();
        services.AddScoped<Core.Reporting.ProgressReportBuilder>();
        services.AddScoped<StoreInitializer>();
        services.AddScoped<AccountSeeder>();
        services.AddScoped<PortalAccountService>();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddPortalAccounts();
        return services;
    }

    /// <summary>
    /// The configured SQLite connection string with a relative file made absolute against the content root and its folder
    /// created.
    /// </summary>
    public static string SqliteConnectionString(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set.");
        var builder = new SqliteConnectionStringBuilder(configured);
        if (builder.DataSource is not (":memory:" or "") && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        // Microsoft.Data.Sqlite waits up to DefaultTimeout (30 s unless configured) on a locked database before failing.

        builder.Pooling = true;
        return builder.ToString();
    }

    public static string DatabasePath(this PortalDbContext db) =>
        new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
}
