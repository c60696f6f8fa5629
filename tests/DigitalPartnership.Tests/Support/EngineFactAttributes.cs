namespace DigitalPartnership.Tests.Support;

/// <summary>A test of something only SQLite has (its file, its locks, its online backup): skipped on a PostgreSQL run.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestEngine.IsPostgres)
        {
            Skip = "SQLite-specific: this run is on PostgreSQL (PORTAL_TEST_DATABASE=Postgres).";
        }
    }
}

/// <inheritdoc cref="SqliteFactAttribute"/>
public sealed class SqliteTheoryAttribute : TheoryAttribute
{
    public SqliteTheoryAttribute()
    {
        if (TestEngine.IsPostgres)
        {
            Skip = "SQLite-specific: this run is on PostgreSQL (PORTAL_TEST_DATABASE=Postgres).";
        }
    }
}

/// <summary>
/// A test that needs a PostgreSQL server beside the SQLite store: skipped, with the reason, unless PORTAL_TEST_POSTGRES
/// names one; with REQUIRE_POSTGRES=1 (CI) a missing server is a failure instead.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestEngine.PostgresServer is null && !TestEngine.PostgresRequired)
        {
            Skip = "Needs PostgreSQL: set PORTAL_TEST_POSTGRES to a server (e.g. Host=127.0.0.1;Port=55432;Username=postgres).";
        }
    }
}
