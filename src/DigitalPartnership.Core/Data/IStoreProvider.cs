using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DigitalPartnership.Core.Data;

/// <summary>
/// What differs between the database engines the portal runs on (SQLite, PostgreSQL): how to connect, how to keep two
/// processes from preparing the store at once, full-text search, and which failures mean "the store is unavailable".
/// One implementation per engine lives beside that engine's migrations; the portal chooses one at start-up.
/// </summary>
public interface IStoreProvider
{
    /// <summary>The value of <c>Portal:Database</c> that selects this provider: "Sqlite" or "Postgres".</summary>
    string Name { get; }

    /// <summary>The configured connection string made ready to use (a relative SQLite file made absolute, and so on).</summary>
    string Resolve(string connectionString, string contentRoot);

    /// <summary>Points <paramref name="options"/> at the store, with this provider's migrations assembly.</summary>
    void Configure(DbContextOptionsBuilder options, string connectionString);

    /// <summary>
    /// What the model needs on this engine only, applied after the shared configurations (PostgreSQL: byte-order
    /// collation for sorted titles, so lists sort as on SQLite).
    /// </summary>
    void ConfigureModel(ModelBuilder model);

    /// <summary>Where the store is, for a log line: a file path, or host and database — never a password.</summary>
    string Describe(string connectionString);

    /// <summary>
    /// Holds off every other portal process from migrating or seeding the same store until the result is disposed. The
    /// lock belongs to the process (an OS file lock, a session advisory lock), so it cannot outlive a process that dies.
    /// </summary>
    Task<IAsyncDisposable> LockForStartupAsync(string connectionString, TimeSpan wait, ILogger logger, CancellationToken ct);

    /// <summary>Engine settings and repairs made before migrating, under the start-up lock.</summary>
    Task PrepareAsync(PortalDbContext db, ILogger logger, CancellationToken ct);

    /// <summary>True when <paramref name="exception"/> means the store cannot answer now (busy, full, unreachable): retry later.</summary>
    bool IsUnavailable(Exception exception);

    /// <summary>
    /// After rows were inserted with their own ids (a store copy), makes the next generated ids follow the highest ones.
    /// </summary>
    Task SyncIdentityCountersAsync(PortalDbContext db, CancellationToken ct);

    /// <summary>
    /// Writes rows into one table the engine's fastest way, in the connection's open <paramref name="transaction"/>: for
    /// <see cref="BulkInsert"/>, millions of rows where one INSERT a row costs minutes. Each row holds the values as the
    /// store keeps them (converters applied), in the order of <paramref name="table"/>'s columns; a row's array may be
    /// filled again for the next row, so it is read before the next is asked for. Triggers run as for any insert.
    /// Returns the rows written.
    /// </summary>
    Task<long> WriteRowsAsync(DbConnection connection, DbTransaction transaction, BulkTable table, IEnumerable<object?[]> rows, CancellationToken ct);

    /// <summary>
    /// Copies the whole store to <paramref name="targetPath"/> while the portal keeps running, checks the copy opens and
    /// is sound, and says what it holds. A provider whose engine has its own tool for this says which, in the exception.
    /// </summary>
    Task<string> BackupAsync(string connectionString, string targetPath, CancellationToken ct);

    /// <summary>
    /// The ids of deliverables whose searchable text matches <paramref name="query"/>: every term must match, a term matching when
    /// any of its spellings matches as a word prefix, in any case. Typed operators are taken as text.
    /// </summary>
    IQueryable<int> SearchDeliverableIds(PortalDbContext db, SearchQuery query);
}

/// <summary>A search as the store providers run it: terms that must all match, each with the spellings that count for it.</summary>
public sealed record SearchQuery(IReadOnlyList<IReadOnlyList<string>> Terms);

/// <summary>The store cannot be opened or prepared; the message says in one line what to fix.</summary>
public sealed class StoreStartupException(string message, Exception? inner = null) : Exception(message, inner);
