using Microsoft.Data.Sqlite;
using Npgsql;

namespace DigitalPartnership.Tests.Support;

/// <summary>
/// The database engine the integration tests run on. SQLite unless <c>PORTAL_TEST_DATABASE=Postgres</c>, which runs
/// them on the PostgreSQL server that <c>PORTAL_TEST_POSTGRES</c> names (a connection string without a database, e.g.
/// <c>Host=127.0.0.1;Port=55432;Username=postgres</c>); each test store is a database of its own, dropped afterwards.
/// </summary>
public static class TestEngine
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static string Name { get; } =
        string.Equals(Environment.GetEnvironmentVariable("PORTAL_TEST_DATABASE"), Postgres, StringComparison.OrdinalIgnoreCase) ? Postgres : Sqlite;

    public static bool IsPostgres => Name == Postgres;

    /// <summary>The PostgreSQL server for the tests, or null when none is named.</summary>
    public static string? PostgresServer { get; } =
        Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    /// <summary>CI sets REQUIRE_POSTGRES=1: then a missing server fails the PostgreSQL tests instead of skipping them.</summary>
    public static bool PostgresRequired => Environment.GetEnvironmentVariable("REQUIRE_POSTGRES") == "1";

    /// <summary>A new, empty store: a file path (SQLite) or a database created on the server (PostgreSQL).</summary>
    public static TestStoreLocation NewStore(string engine, string purpose, string? fromTemplate = null)
    {
        var name = $"dpp_{purpose}_{Guid.NewGuid():N}";
        if (engine == Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), name + ".db");
            if (fromTemplate is not null)
            {
                File.Copy(fromTemplate, path);
            }

            return new TestStoreLocation(Sqlite, $"Data Source={path};Pooling=False", path);
        }

        var server = PostgresServer ?? throw new InvalidOperationException(
            "PORTAL_TEST_DATABASE=Postgres needs PORTAL_TEST_POSTGRES to name a server, e.g. Host=127.0.0.1;Port=55432;Username=postgres");
        Execute(server, fromTemplate is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{fromTemplate}\"");
        return new TestStoreLocation(Postgres, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, name);
    }

    /// <summary>Deletes a store made by <see cref="NewStore"/>: its files, or its database.</summary>
    public static void Delete(TestStoreLocation store)
    {
        if (store.Engine == Sqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", ".startup-lock" })
            {
                File.Delete(store.Name + suffix);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        Execute(PostgresServer!, $"DROP DATABASE IF EXISTS \"{store.Name}\" WITH (FORCE)");
    }

    private static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>Where one test store is: its engine, its connection string, and its file path or database name.</summary>
public sealed record TestStoreLocation(string Engine, string ConnectionString, string Name)
{
    /// <summary>The settings that point a portal process at this store.</summary>
    public Dictionary<string, string> ProcessSettings() => new()
    {
        ["Portal__Database"] = Engine,
        ["ConnectionStrings__Portal"] = ConnectionString,
    };

    public string SqlitePath => Engine == TestEngine.Sqlite ? Name : throw new InvalidOperationException("not a SQLite store");
}
