using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DigitalPartnership.Core.Data;

/// <summary>How many rows of one table were copied (and found in the target afterwards).</summary>
public sealed record CopiedTable(string Table, long Rows);

/// <summary>
/// Moves a whole store from one database to another (SQLite to PostgreSQL, or back): every table of the model —
/// accounts, roles, sessions, the key ring, partnerships to history and audit — with their ids, in one transaction on the
/// target, so an interrupted copy leaves the target empty. Both stores must be at the code's migration (a target with no
/// schema at all is migrated first) and the target must hold no rows. Search tables and the store's version are not
/// copied: the target's own triggers fill and move them as the rows arrive.
/// </summary>
public sealed class StoreCopy(PortalDbContext source, PortalDbContext target)
{
    private const int BatchSize = 5000;

    private static readonly MethodInfo RowsOfClass = typeof(StoreCopy).GetMethod(nameof(RowsOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    public async Task<IReadOnlyList<CopiedTable>> CopyAsync(Action<CopiedTable>? copied, CancellationToken ct)
    {
        await CheckSchemaAsync(source, "source", migrateIfBlank: false, ct);
        await CheckSchemaAsync(target, "target", migrateIfBlank: true, ct);
        var tables = ModelOrder.PrincipalsFirst(target.Model).Where(t => t.ClrType != typeof(StoreVersion)).ToList();
        foreach (var table in tables)
        {
            if (await QueryOf(target, table).AnyAsync(ct))
            {
                throw new StoreStartupException($"The target already holds rows in {table.GetTableName()}: copy only into an empty, migrated database. Nothing was changed.");
            }
        }

        var results = new List<CopiedTable>();
        await using var transaction = await target.Database.BeginTransactionAsync(ct);
        foreach (var table in tables)
        {
            var rows = 0L;
            var batch = new List<object>(BatchSize);
            await foreach (var row in QueryOf(source, table).AsAsyncEnumerable().WithCancellation(ct))
            {
                batch.Add(row);
                rows++;
                if (batch.Count == BatchSize)
                {
                    await BulkInsert.SaveRowsAsync(target, table, batch, ct);
                    batch.Clear();
                }
            }

            await BulkInsert.SaveRowsAsync(target, table, batch, ct);
            var found = await QueryOf(target, table).LongCountAsync(ct);
            if (found != rows)
            {
                throw new StoreStartupException($"{table.GetTableName()}: {rows} rows read but {found} found in the target; nothing was kept.");
            }

            var result = new CopiedTable(table.GetTableName()!, rows);
            results.Add(result);
            copied?.Invoke(result);
        }

        await transaction.CommitAsync(ct);
        return results;
    }

    private static async Task CheckSchemaAsync(PortalDbContext db, string which, bool migrateIfBlank, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), ct);
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        var known = db.Database.GetMigrations().ToList();
        if (applied.Count == 0 && migrateIfBlank)
        {
            await db.Database.MigrateAsync(ct);
            return;
        }

        if (!applied.SequenceEqual(known))
        {
            throw new StoreStartupException(
                $"The {which} store is at migration {(applied.Count == 0 ? "(none)" : applied[^1])}, the code at {known[^1]}: run 'migrate' on it first. Nothing was changed.");
        }
    }

    /// <summary>The rows of one table as entities, untracked: a class for most, a property bag for the link tables.</summary>
    private static IQueryable<object> QueryOf(PortalDbContext db, IEntityType table)
    {
        if (table.HasSharedClrType)
        {
            return db.Set<Dictionary<string, object>>(table.Name).AsNoTracking();
        }

        return (IQueryable<object>)RowsOfClass.MakeGenericMethod(table.ClrType).Invoke(null, [db])!;
    }

    private static IQueryable<object> RowsOf<TEntity>(PortalDbContext db)
        where TEntity : class =>
        db.Set<TEntity>().AsNoTracking();
}
