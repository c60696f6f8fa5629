using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using DigitalPartnership.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace DigitalPartnership.Migrations.Sqlite;

/// <summary>
/// The portal on an embedded SQLite file: write-ahead logging, FTS5 search (the table and its triggers are in this
/// assembly's migrations), an OS file lock for start-up, and SQLITE_BUSY/LOCKED/FULL read as "try again".
/// </summary>
public sealed class SqliteStoreProvider : IStoreProvider
{
    public const string ProviderName = "Sqlite";

    /// <summary>The FTS5 table kept in step with Deliverables by triggers (migration <c>DeliverableSearch</c>).</summary>
    public const string SearchTable = "DeliverableSearch";

    public string Name => ProviderName;

    public string Resolve(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!IsInMemory(builder))
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        // Microsoft.Data.Sqlite waits up to DefaultTimeout (30 s unless configured) on a locked database before failing.
        builder.Pooling = true;
        return builder.ToString();
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

        options.UseSqlite(connectionString, sqlite => sqlite
                .MigrationsAssembly(typeof(SqliteStoreProvider).Assembly.GetName().Name)
                // Detail pages project a few small collections; one round trip is right for them.
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .AddInterceptors(UnicodeLower.Instance)
            .ReplaceService<IModelCacheKeyFactory, PortalModelCacheKeyFactory>();
    }

    public void ConfigureModel(ModelBuilder model)
    {
        // SQLite compares text by its bytes (BINARY), which is the order the portal sorts titles in on every engine.
    }

    public string Describe(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;

    public async Task<IAsyncDisposable> LockForStartupAsync(string connectionString, TimeSpan wait, ILogger logger, CancellationToken ct)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (IsInMemory(builder))
        {
            return NoLock.Instance;
        }

        // An OS lock on a file beside the database: the kernel releases it when the process ends, however it ends, so
        // unlike a row in the database it can never be left behind by a crash.
        var path = builder.DataSource + ".startup-lock";
        var started = Stopwatch.GetTimestamp();
        var waiting = false;
        while (true)
        {
            try
            {
                return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (IOException) when (Stopwatch.GetElapsedTime(started) < wait)
            {
                if (!waiting)
                {
                    logger.LogInformation("Another portal process is preparing {Database}; waiting for it (up to {Seconds} s)", builder.DataSource, (int)wait.TotalSeconds);
                    waiting = true;
                }

                await Task.Delay(200, ct);
            }
            catch (IOException e)
            {
                throw new StoreStartupException(
                    $"Another portal process has been preparing {builder.DataSource} for over {(int)wait.TotalSeconds} s (it holds {path}). Stop that process, or raise Portal:StartupLockSeconds.", e);
            }
        }
    }

    public async Task PrepareAsync(PortalDbContext db, ILogger logger, CancellationToken ct)
    {
        // WAL lets readers go on while one editor writes; the setting is kept in the database file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);

        // EF Core takes its migration lock as a row in __EFMigrationsLock. A process killed while migrating leaves the row,
        // and every later start would wait on it for ever. We hold the start-up file lock, so no live process holds it.
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var find = connection.CreateCommand();
            find.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
            if (Convert.ToInt64(await find.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 0)
            {
                return;
            }

            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT Timestamp FROM __EFMigrationsLock";
            var taken = await read.ExecuteScalarAsync(ct);
            if (taken is null)
            {
                return;
            }

            await using var clear = connection.CreateCommand();
            clear.CommandText = "DELETE FROM __EFMigrationsLock";
            await clear.ExecuteNonQueryAsync(ct);
            logger.LogWarning("Cleared a migration lock left by a portal process that stopped while migrating (taken {Taken})", taken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // SQLITE_BUSY (5), SQLITE_LOCKED (6), SQLITE_FULL (13), SQLITE_IOERR (10: a disk that went away), SQLITE_CANTOPEN (14).
    public bool IsUnavailable(Exception exception) =>
        (exception as SqliteException ?? exception.InnerException as SqliteException) is { SqliteErrorCode: 5 or 6 or 10 or 13 or 14 };

    // SQLite's AUTOINCREMENT bookkeeping (sqlite_sequence) follows explicitly inserted ids by itself.
    public Task SyncIdentityCountersAsync(PortalDbContext db, CancellationToken ct) => Task.CompletedTask;

    public Task<long> WriteRowsAsync(DbConnection connection, DbTransaction transaction, BulkTable table, IEnumerable<object?[]> rows, CancellationToken ct) =>
        SqliteBulkRows.WriteAsync(connection, transaction, table, rows, ct);

    public async Task<string> BackupAsync(string connectionString, string targetPath, CancellationToken ct)
    {
        if (File.Exists(targetPath))
        {
            throw new StoreStartupException($"{targetPath} exists already; name a new file for the backup.");
        }

        var source = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        var target = new SqliteConnectionStringBuilder { DataSource = targetPath, Pooling = false };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(targetPath))!);
        await using (var from = new SqliteConnection(source.ToString()))
        await using (var to = new SqliteConnection(target.ToString()))
        {
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            // SQLite's online backup copies a consistent snapshot page by page while writers go on.
            from.BackupDatabase(to);
        }

        await using var check = new SqliteConnection(target.ToString());
        await check.OpenAsync(ct);
        await using var command = check.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var integrity = (string?)await command.ExecuteScalarAsync(ct);
        command.CommandText = "SELECT (SELECT COUNT(*) FROM Meetings), (SELECT COUNT(*) FROM Deliverables), (SELECT COUNT(*) FROM AspNetUsers)";
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        if (integrity != "ok")
        {
            throw new StoreStartupException($"The copy at {targetPath} failed SQLite's integrity check ({integrity}); keep the original and try again.");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"Backed up {source.DataSource} to {targetPath}: {reader.GetInt64(0)} meetings, {reader.GetInt64(1)} deliverables, {reader.GetInt64(2)} accounts; integrity ok.");
    }

    public IQueryable<int> SearchDeliverableIds(PortalDbContext db, SearchQuery query)
    {
        // ("semiconductor"* OR "semiconductors"*) AND "research"*: words are letters and digits only, quoted, so
        // nothing a reader types is FTS5 syntax.
        var match = new StringBuilder();
        foreach (var term in query.Terms)
        {
            match.Append(match.Length == 0 ? "" : " AND ").Append('(')
                .AppendJoin(" OR ", term.Select(spelling => $"\"{spelling}\"*"))
                .Append(')');
        }

        var expression = match.ToString();
        return db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM DeliverableSearch WHERE DeliverableSearch MATCH {expression}");
    }

    private static bool IsInMemory(SqliteConnectionStringBuilder builder) =>
        builder.DataSource is ":memory:" or "" || builder.Mode == SqliteOpenMode.Memory;

    private sealed class FileLock(FileStream stream) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => stream.DisposeAsync();
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>
    /// SQLite's built-in lower() folds ASCII only; PostgreSQL's folds every script. Replacing it on each connection makes
    /// case-insensitive filters (a lead named "Énergie") behave the same on both.
    /// </summary>
    private sealed class UnicodeLower : DbConnectionInterceptor
    {
        public static readonly UnicodeLower Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Register(connection);
            return Task.CompletedTask;
        }

        private static void Register(DbConnection connection) =>
            ((SqliteConnection)connection).CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
    }
}
