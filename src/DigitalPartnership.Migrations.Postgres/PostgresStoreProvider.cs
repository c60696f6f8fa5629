using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DigitalPartnership.Migrations.Postgres;

/// <summary>
/// The portal on a PostgreSQL server, for a ministry's deployment with several instances: a session advisory lock for
/// start-up (released by the server when the connection goes, however the process ends), full-text search on a
/// tsvector table kept by triggers (this assembly's migrations), and the server's "not now" answers read as 503.
/// </summary>
public sealed class PostgresStoreProvider : IStoreProvider
{
    public const string ProviderName = "Postgres";

    /// <summary>The advisory lock every portal process takes to migrate or seed: one number, chosen once.</summary>
    private const long StartupLockKey = 0x4450_5053_7461_7274; // "DPPStart"

    /// <summary>SQLSTATEs that mean "the server cannot do it now, try again": overload, shutdown, full disk, lost connection, contention.</summary>
    private static readonly HashSet<string> PassingStates =
    [
        "53000", "53100", "53200", "53300", "53400", // insufficient resources: disk full, out of memory, too many connections
        "57P01", "57P02", "57P03", "57014",          // admin or crash shutdown, cannot connect now, query cancelled
        "08000", "08001", "08003", "08004", "08006", // connection exceptions
        "40001", "40P01", "55P03",                   // serialization failure, deadlock, lock not available
    ];

    public string Name => ProviderName;

    public string Resolve(string connectionString, string contentRoot)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).ConnectionString;
        }
        catch (ArgumentException e)
        {
            throw new StoreStartupException($"ConnectionStrings:Portal is not a PostgreSQL connection string ({e.Message}); write it as Host=…;Database=…;Username=…;Password=….", e);
        }
    }

    /// <summary>
    /// Whether contexts use the model compiled ahead of time (<c>CompiledModel/</c>, made by <c>dotnet ef dbcontext
    /// optimize</c>) instead of building it at start-up; the design-time tools build it from the configuration.
    /// </summary>
    public bool UseCompiledModel { get; init; } = true;

    public void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        StoreProviderExtension.AddTo(options, this);
        if (UseCompiledModel)
        {
            options.UseModel(CompiledModel.PortalDbContextModel.Instance);
        }

        options.UseNpgsql(connectionString, npgsql => npgsql
                .MigrationsAssembly(typeof(PostgresStoreProvider).Assembly.GetName().Name)
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .ReplaceService<IModelCacheKeyFactory, PortalModelCacheKeyFactory>();
    }

    public void ConfigureModel(ModelBuilder model) =>
        // Sorting titles by their bytes ("C"), as SQLite does, rather than by the server's locale: the list sorts the
        // same on both engines, and on any server.
        model.Entity<Deliverable>().Property(d => d.Title).UseCollation("C");

    public string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Database ?? "(default database)"} on {builder.Host ?? "localhost"}:{builder.Port} as {builder.Username ?? "(default user)"}";
    }

    public async Task<IAsyncDisposable> LockForStartupAsync(string connectionString, TimeSpan wait, ILogger logger, CancellationToken ct)
    {
        // Its own connection, outside any pool: the lock lives exactly as long as this connection does.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var waiting = false;
            while (true)
            {
                await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
                command.Parameters.AddWithValue("key", StartupLockKey);
                if ((bool)(await command.ExecuteScalarAsync(ct))!)
                {
                    return new AdvisoryLock(connection);
                }

                if (System.Diagnostics.Stopwatch.GetElapsedTime(started) >= wait)
                {
                    throw new StoreStartupException(
                        $"Another portal process has been preparing {Describe(connectionString)} for over {(int)wait.TotalSeconds} s (it holds the start-up advisory lock). Stop it, or raise Portal:StartupLockSeconds.");
                }

                if (!waiting)
                {
                    logger.LogInformation("Another portal process is preparing {Database}; waiting for it (up to {Seconds} s)", Describe(connectionString), (int)wait.TotalSeconds);
                    waiting = true;
                }

                await Task.Delay(200, ct);
            }
        }
        catch (Exception e) when (e is not StoreStartupException && Explain(e, connectionString) is { } line)
        {
            await connection.DisposeAsync();
            throw new StoreStartupException(line, e);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task PrepareAsync(PortalDbContext db, ILogger logger, CancellationToken ct)
    {
        // Search and case-insensitive filters read letters by the database's character type; under plain C only ASCII
        // letters are letters, and "Énergie" would not match "énergie".
        var ctype = await db.Database.SqlQueryRaw<string>("SELECT current_setting('lc_ctype') AS \"Value\"").SingleAsync(ct);
        if (!ctype.Contains("UTF", StringComparison.OrdinalIgnoreCase) && !ctype.Contains("utf8", StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("The database's character type is {CType}: search and filters will treat only ASCII letters as letters. Create the database with a UTF-8 locale (docs/deploy.md).", ctype);
        }
    }

    public bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres when PassingStates.Contains(postgres.SqlState):
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }

    public Task<long> WriteRowsAsync(DbConnection connection, DbTransaction transaction, BulkTable table, IEnumerable<object?[]> rows, CancellationToken ct) =>
        PostgresBulkRows.WriteAsync(connection, table, rows, ct);

    public async Task SyncIdentityCountersAsync(PortalDbContext db, CancellationToken ct)
    {
        // Identity columns count on their own sequence, which rows inserted with their ids leave behind.
        foreach (var entity in db.Model.GetEntityTypes())
        {
            if (entity.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] && key.ClrType != typeof(string)
                && entity.GetTableName() is { } table && key.GetColumnName() is { } column)
            {
                // Names from the model, never from input.
                var sql = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 1), (SELECT COUNT(*) > 0 FROM \"{table}\"))";
                await db.Database.ExecuteSqlRawAsync(sql, ct);
            }
        }
    }

    public Task<string> BackupAsync(string connectionString, string targetPath, CancellationToken ct) =>
        throw new StoreStartupException(
            $"A PostgreSQL store is backed up with the server's own tools, while the portal runs: pg_dump -Fc --file={targetPath} \"{Describe(connectionString)}\" (see docs/deploy.md).");

    public IQueryable<int> SearchDeliverableIds(PortalDbContext db, SearchQuery query)
    {
        // (semiconductor:* | semiconductors:*) & research:* — words are letters and digits only, so nothing a reader
        // types is tsquery syntax; unaccent() on both sides, as FTS5's remove_diacritics does on SQLite.
        var tsquery = new StringBuilder();
        foreach (var term in query.Terms)
        {
            tsquery.Append(tsquery.Length == 0 ? "" : " & ").Append('(')
                .AppendJoin(" | ", term.Select(spelling => $"{spelling}:*"))
                .Append(')');
        }

        var expression = tsquery.ToString();
        return db.Database.SqlQuery<int>(
            $"SELECT \"Id\" AS \"Value\" FROM \"DeliverableSearch\" WHERE \"Document\" @@ to_tsquery('simple'::regconfig, unaccent({expression}))");
    }

    /// <summary>One line for what an operator must fix when the server cannot be used at all; null for other failures.</summary>
    internal string? Explain(Exception exception, string connectionString)
    {
        var where = Describe(connectionString);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException { SqlState: "28P01" or "28000" }:
                    return $"PostgreSQL refused the user name or password for {where}: check ConnectionStrings:Portal.";
                case PostgresException { SqlState: "3D000" }:
                    return $"The database of {where} does not exist: create it (createdb), empty, and start again.";
                case NpgsqlException npgsql when npgsql.Message.Contains("password", StringComparison.OrdinalIgnoreCase):
                    return $"PostgreSQL wants a password for {where}: add Password=… to ConnectionStrings:Portal (or use a .pgpass file).";
                case SocketException socket:
                    return $"Cannot reach PostgreSQL for {where}: {socket.Message}.";
            }
        }

        return IsUnavailable(exception) ? $"PostgreSQL for {where} cannot answer now: {exception.Message.Split('\n', 2)[0]}" : null;
    }

    private sealed class AdvisoryLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", StartupLockKey);
                await command.ExecuteScalarAsync();
            }
            catch (NpgsqlException)
            {
                // The connection is gone, and with it the lock.
            }

            await connection.DisposeAsync();
        }
    }
}
