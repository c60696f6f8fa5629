using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DigitalPartnership.Core.Data;

/// <summary>
/// Writes the rows a context holds as Added with multi-row INSERT statements, in dependency order, on any provider:
/// for the dataset generator (hundreds of thousands of rows) and the store copy, where SaveChanges' row-by-row
/// bookkeeping costs minutes. Keys the store would generate are given up front (after the table's highest), so the
/// rows that point at them are written in the same pass. Entities are built by their own constructors and methods
/// first, so every invariant and history row is as the domain makes it; only the writing is different. Triggers run as
/// for any insert (search tables fill themselves). Returns the number of rows written; the context is cleared.
/// </summary>
public static class BulkInsert
{
    /// <summary>
    /// Parameters per statement. SQLite finds each named parameter by a linear search of the statement's names, so a
    /// statement's cost grows with the square of its parameters: a few hundred keep it cheap, and still save a round
    /// trip per row on PostgreSQL.
    /// </summary>
    private const int ParametersPerStatement = 400;

    public static async Task<int> SaveAddedAsync(PortalDbContext db, CancellationToken ct)
    {
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList();
        var byType = added.GroupBy(e => e.Metadata).ToDictionary(g => g.Key, g => g.ToList());
        await AssignKeysAsync(db, byType, ct);

        var connection = db.Database.GetDbConnection();
        var sql = db.GetService<ISqlGenerationHelper>();
        var written = 0;
        await db.Database.OpenConnectionAsync(ct);
        // One transaction for the whole batch (the caller's, if it has one): one commit, not one per statement.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            foreach (var entityType in ModelOrder.PrincipalsFirst(db.Model).Where(byType.ContainsKey))
            {
                var table = entityType.GetTableName()!;
                var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
                var columns = entityType.GetProperties()
                    .Where(p => p.GetColumnName(store) is not null && p.GetComputedColumnSql() is null)
                    .ToList();
                var rowsPerStatement = Math.Max(1, ParametersPerStatement / columns.Count);
                var mappings = columns.Select(c => c.GetRelationalTypeMapping()).ToList();
                DbCommand? full = null; // prepared once for full chunks, its parameters given new values each time
                try
                {
                    foreach (var chunk in byType[entityType].Chunk(rowsPerStatement))
                    {
                        var reuse = chunk.Length == rowsPerStatement;
                        var command = reuse && full is not null ? full : NewCommand(db, connection, sql, table, columns, mappings, store, chunk.Length);
                        if (reuse && full is null)
                        {
                            full = command;
                        }

                        var index = 0;
                        foreach (var entry in chunk)
                        {
                            var values = entry.CurrentValues;
                            for (var c = 0; c < columns.Count; c++)
                            {
                                // The value as the store keeps it (an enum as its number, a date as the provider wants it).
                                command.Parameters[index++].Value = values[columns[c]] is { } value
                                    ? mappings[c].Converter?.ConvertToProvider(value) ?? value
                                    : DBNull.Value;
                            }
                        }

                        written += await command.ExecuteNonQueryAsync(ct);
                        if (!reuse)
                        {
                            await command.DisposeAsync();
                        }
                    }
                }
                finally
                {
                    if (full is not null)
                    {
                        await full.DisposeAsync();
                    }
                }
            }

            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        db.ChangeTracker.Clear();
        await db.Store.SyncIdentityCountersAsync(db, ct);
        return written;
    }

    /// <summary>Gives each new row whose key the store would generate the next key after the table's highest.</summary>
    private static async Task AssignKeysAsync(PortalDbContext db, Dictionary<IEntityType, List<EntityEntry>> byType, CancellationToken ct)
    {
        // Principals first: a principal's new key flows into the foreign keys of its dependents (EF's fix-up).
        foreach (var entityType in ModelOrder.PrincipalsFirst(db.Model).Where(byType.ContainsKey))
        {
            if (entityType.FindPrimaryKey()?.Properties is not [{ ValueGenerated: ValueGenerated.OnAdd } key]
                || (key.ClrType != typeof(int) && key.ClrType != typeof(long)))
            {
                continue;
            }

            var pending = byType[entityType].Where(e => e.Property(key.Name).IsTemporary).ToList();
            if (pending.Count == 0)
            {
                continue;
            }

            var sql = db.GetService<ISqlGenerationHelper>();
            // Names from the model, never from input.
            var query = $"SELECT CAST(COALESCE(MAX({sql.DelimitIdentifier(key.GetColumnName())}), 0) AS BIGINT) AS {sql.DelimitIdentifier("Value")} FROM {sql.DelimitIdentifier(entityType.GetTableName()!)}";
            var next = await db.Database.SqlQueryRaw<long>(query).SingleAsync(ct);
            foreach (var entry in pending)
            {
                var property = entry.Property(key.Name);
                property.CurrentValue = key.ClrType == typeof(int) ? (object)(int)++next : ++next;
                property.IsTemporary = false;
            }
        }
    }

    private static DbCommand NewCommand(PortalDbContext db, DbConnection connection, ISqlGenerationHelper sql, string table,
        IReadOnlyList<IProperty> columns, IReadOnlyList<RelationalTypeMapping> mappings, StoreObjectIdentifier store, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = InsertSql(sql, table, columns, store, rows);
        var index = 0;
        for (var row = 0; row < rows; row++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                // Typed by the column's mapping (DbType, provider type), with no value yet: values come per execution.
                command.Parameters.Add(mappings[c].CreateParameter(command, sql.GenerateParameterName($"p{index++}"), null, nullable: true));
            }
        }

        return command;
    }

    private static string InsertSql(ISqlGenerationHelper sql, string table, IReadOnlyList<IProperty> columns, StoreObjectIdentifier store, int rows)
    {
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table)).Append(" (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(store)!))).Append(") VALUES ");
        var index = 0;
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < columns.Count; column++)
            {
                text.Append(column == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder($"p{index++}"));
            }

            text.Append(')');
        }

        return text.ToString();
    }
}

/// <summary>The tables of the model in an order where every foreign key finds its row already written.</summary>
public static class ModelOrder
{
    public static IEnumerable<IEntityType> PrincipalsFirst(IModel model)
    {
        var pending = model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).ToList();
        var placed = new HashSet<IEntityType>();
        while (pending.Count > 0)
        {
            var ready = pending.Where(e => e.GetForeignKeys().All(fk => fk.PrincipalEntityType == e || placed.Contains(fk.PrincipalEntityType))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException($"Foreign keys form a cycle among {string.Join(", ", pending.Select(e => e.GetTableName()))}.");
            }

            foreach (var entity in ready.OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
            {
                placed.Add(entity);
                pending.Remove(entity);
                yield return entity;
            }
        }
    }
}
