using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DigitalPartnership.Web.Hosting;

/// <summary>
/// The read every signed-in request makes (<see cref="PortalSessions.ValidateAsync"/>): the session, the account's stamp
/// and lock, and the store's version, as one prepared statement on a connection kept open for it. Through EF Core the
/// same read was about half of a kept page's time — renting a context, opening its connection (which registers SQLite's
/// functions again), building the command and the shaper — so this one query, the portal's hottest, is plain ADO.NET.
/// The names come from the model, so a renamed column cannot leave it behind.
/// </summary>
public sealed class SessionStateReader : IAsyncDisposable
{
    /// <summary>Idle statements kept beyond this are closed: enough for the requests that run at once on a few cores.</summary>
    private static readonly int MostKept = Math.Max(4, Environment.ProcessorCount * 4);

    private readonly DbProviderFactory _factory;
    private readonly string _connectionString;
    private readonly string _sql;
    private readonly ConcurrentQueue<Statement> _idle = new(); // lock-free, unlike a bag taken from on other threads
    private bool _disposed;

    public SessionStateReader(PortalDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        _factory = DbProviderFactories.GetFactory(connection) ?? throw new InvalidOperationException("The store's driver has no factory.");
        _connectionString = db.Database.GetConnectionString()!;
        _sql = Sql(db.Model, db.GetService<ISqlGenerationHelper>());
    }

    /// <summary>The session <paramref name="sessionId"/> of <paramref name="userId"/>, or null when there is none.</summary>
    public async Task<SessionState?> ReadAsync(string sessionId, string userId, CancellationToken ct)
    {
        if (_idle.TryDequeue(out var kept))
        {
            try
            {
                return await ReadOnAsync(kept, sessionId, userId, ct);
            }
            catch (DbException) when (!ct.IsCancellationRequested)
            {
                // A kept connection the server has since closed (a restart, an idle timeout): once more, on a new one.
            }
        }

        return await ReadOnAsync(await Statement.OpenAsync(_factory, _connectionString, _sql, ct), sessionId, userId, ct);
    }

    private async Task<SessionState?> ReadOnAsync(Statement statement, string sessionId, string userId, CancellationToken ct)
    {
        SessionState? state;
        try
        {
            state = await statement.ReadAsync(sessionId, userId, ct);
        }
        catch
        {
            await statement.DisposeAsync(); // cancelled, or the connection broke: this one is not used again
            throw;
        }

        if (_disposed || _idle.Count >= MostKept)
        {
            await statement.DisposeAsync();
        }
        else
        {
            _idle.Enqueue(statement);
        }

        return state;
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_idle.TryDequeue(out var statement))
        {
            await statement.DisposeAsync();
        }
    }

    private static string Sql(IModel model, ISqlGenerationHelper sql)
    {
        var sessions = Table<UserSession>(model);
        var users = Table<IdentityUser>(model);
        var versions = Table<StoreVersion>(model);
        string Column<T>(StoreObjectIdentifier table, string property) =>
            sql.DelimitIdentifier(model.FindEntityType(typeof(T))!.FindProperty(property)!.GetColumnName(table)!);
        string Name(StoreObjectIdentifier table) => sql.DelimitIdentifier(table.Name, table.Schema);

        return $"""
            SELECT s.{Column<UserSession>(sessions, nameof(UserSession.ExpiresAtUtc))}, s.{Column<UserSession>(sessions, nameof(UserSession.LastSeenAtUtc))},
                   u.{Column<IdentityUser>(users, nameof(IdentityUser.SecurityStamp))}, u.{Column<IdentityUser>(users, nameof(IdentityUser.LockoutEnd))},
                   (SELECT v.{Column<StoreVersion>(versions, nameof(StoreVersion.Value))} FROM {Name(versions)} AS v WHERE v.{Column<StoreVersion>(versions, nameof(StoreVersion.Id))} = {StoreVersion.RowId})
            FROM {Name(sessions)} AS s
            INNER JOIN {Name(users)} AS u ON s.{Column<UserSession>(sessions, nameof(UserSession.UserId))} = u.{Column<IdentityUser>(users, nameof(IdentityUser.Id))}
            WHERE s.{Column<UserSession>(sessions, nameof(UserSession.Id))} = @session AND s.{Column<UserSession>(sessions, nameof(UserSession.UserId))} = @user
            """;
    }

    private static StoreObjectIdentifier Table<T>(IModel model) =>
        StoreObjectIdentifier.Create(model.FindEntityType(typeof(T))!, StoreObjectType.Table)!.Value;

    /// <summary>One open connection with the statement prepared on it; used by one request at a time.</summary>
    private sealed class Statement(DbConnection connection, DbCommand command, DbParameter session, DbParameter user) : IAsyncDisposable
    {
        public static async Task<Statement> OpenAsync(DbProviderFactory factory, string connectionString, string sql, CancellationToken ct)
        {
            var connection = factory.CreateConnection()!;
            connection.ConnectionString = connectionString;
            try
            {
                await connection.OpenAsync(ct);
                var command = connection.CreateCommand();
                command.CommandText = sql;
                var session = Parameter(command, "session");
                var user = Parameter(command, "user");
                await command.PrepareAsync(ct);
                return new Statement(connection, command, session, user);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        private static DbParameter Parameter(DbCommand command, string name)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.DbType = DbType.String;
            parameter.Value = "";
            command.Parameters.Add(parameter);
            return parameter;
        }

        public async Task<SessionState?> ReadAsync(string sessionId, string userId, CancellationToken ct)
        {
            session.Value = sessionId;
            user.Value = userId;
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, ct);
            if (!await reader.ReadAsync(ct))
            {
                return null;
            }

            return new SessionState(
                DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc),
                DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? 0 : reader.GetInt64(4));
        }

        public async ValueTask DisposeAsync()
        {
            await command.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}

/// <summary>What a request's session check reads: <see cref="SessionStateReader"/>.</summary>
public sealed record SessionState(DateTime ExpiresAtUtc, DateTime LastSeenAtUtc, string? SecurityStamp, DateTimeOffset? LockoutEnd, long StoreVersion);
