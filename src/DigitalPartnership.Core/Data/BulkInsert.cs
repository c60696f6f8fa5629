using System.Collections;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DigitalPartnership.Core.Data;

/// <summary>
/// Writes many rows in dependency order, each table the engine's fastest way (<see cref="IStoreProvider.WriteRowsAsync"/>),
/// without EF Core's change tracker: for the dataset generator (millions of rows) and the store copy, where tracking
/// each entity costs minutes.
/// Every column the model maps is written, complex types' columns included, its value read through the model's own
/// accessors and converted as the provider stores it. Triggers run as for any insert (search tables fill themselves).
/// </summary>
public static class BulkInsert
{
    /// <summary>Writes rows of one table exactly as they are, keys included (the store copy).</summary>
    public static Task<int> SaveRowsAsync(PortalDbContext db, IEntityType table, IReadOnlyList<object> rows, CancellationToken ct) =>
        WriteAsync(db, [(table, rows)], static (row, column) => column.GetGetter().GetClrValueUsingContainingEntity(row), ct);

    /// <summary>
    /// Writes a graph of new entities, found from <paramref name="roots"/> through the model's navigations. Entities are
    /// built by their own constructors and methods first, so every invariant and journal row is as the domain makes it;
    /// only the writing is different. An entity whose key is still unset is new and gets the next key after its table's
    /// highest; one with a key (an area, a partnership) exists already and is only pointed at: nothing of it is written,
    /// nor anything new that hangs from it. The keys given are not set on the entities, so a graph is written once.
    /// Returns the rows written.
    /// </summary>
    public static async Task<int> SaveNewAsync(PortalDbContext db, IEnumerable<object> roots, CancellationToken ct)
    {
        var graph = NewGraph.From(db.Model, roots);
        foreach (var (table, rows) in graph.Tables())
        {
            if (table.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] && (key.ClrType == typeof(int) || key.ClrType == typeof(long)))
            {
                var next = await HighestKeyAsync(db, table, key, ct);
                foreach (var row in rows)
                {
                    graph.GiveKey(row, ++next);
                }
            }
        }

        return await WriteAsync(db, graph.TablesWithLinks(), graph.Value, ct);
    }

    private static async Task<long> HighestKeyAsync(PortalDbContext db, IEntityType table, IProperty key, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        // Names from the model, never from input.
        var query = $"SELECT CAST(COALESCE(MAX({sql.DelimitIdentifier(key.GetColumnName())}), 0) AS BIGINT) AS {sql.DelimitIdentifier("Value")} FROM {sql.DelimitIdentifier(table.GetTableName()!)}";
        return await db.Database.SqlQueryRaw<long>(query).SingleAsync(ct);
    }

    private static async Task<int> WriteAsync(PortalDbContext db, IEnumerable<(IEntityType Table, IReadOnlyList<object> Rows)> tables,
        Func<object, IProperty, object?> valueOf, CancellationToken ct)
    {
        var byTable = tables.Where(t => t.Rows.Count > 0).ToDictionary(t => t.Table, t => t.Rows);
        long written = 0;
        await db.Database.OpenConnectionAsync(ct);
        // One transaction for the whole batch (the caller's, if it has one): one commit, not one per statement.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            foreach (var entityType in ModelOrder.PrincipalsFirst(db.Model).Where(byTable.ContainsKey))
            {
                var store = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
                var columns = entityType.GetFlattenedProperties()
                    .Where(p => p.GetColumnName(store) is not null && p.GetComputedColumnSql() is null)
                    .ToList();
                var table = new BulkTable(store.Name, columns.Select(c => new BulkColumn(c.GetColumnName(store)!, c.GetRelationalTypeMapping())).ToList());
                written += await db.Store.WriteRowsAsync(transaction.Connection!, transaction, table, Values(byTable[entityType], columns, table, valueOf), ct);
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

        await db.Store.SyncIdentityCountersAsync(db, ct);
        return checked((int)written);
    }

    /// <summary>Each row's values as the store keeps them (an enum as its number, a date as the provider wants it), in one array filled again per row.</summary>
    private static IEnumerable<object?[]> Values(IReadOnlyList<object> rows, IReadOnlyList<IProperty> columns, BulkTable table, Func<object, IProperty, object?> valueOf)
    {
        var values = new object?[columns.Count];
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                values[c] = valueOf(row, columns[c]) is { } value ? table.Columns[c].Mapping.Converter?.ConvertToProvider(value) ?? value : null;
            }

            yield return values;
        }
    }

    /// <summary>
    /// The new entities reachable from some roots, by table, with what EF Core's fix-up would otherwise have worked out:
    /// each one's key, each foreign key's principal, and the link rows of many-to-many navigations.
    /// </summary>
    private sealed class NewGraph
    {
        private readonly Dictionary<IEntityType, List<object>> _rows = [];
        private readonly HashSet<object> _seen = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<object, long> _keys = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<(object Dependent, object ForeignKey), object> _principals = new(SameObjects.Instance);
        private readonly List<(ISkipNavigation Navigation, object From, object To)> _links = [];
        private readonly HashSet<(object Join, object First, object Second)> _linked = new(SameObjects.Instance);

        public static NewGraph From(IModel model, IEnumerable<object> roots)
        {
            var graph = new NewGraph();
            foreach (var root in roots)
            {
                var type = model.FindEntityType(root.GetType())
                    ?? throw new InvalidOperationException($"{root.GetType().Name} is not an entity of the model.");
                if (!IsNew(root, type))
                {
                    throw new InvalidOperationException($"This {type.DisplayName()} has a key already: only new entities are written in bulk.");
                }

                graph.Visit(root, type);
            }

            return graph;
        }

        public IEnumerable<(IEntityType Table, IReadOnlyList<object> Rows)> Tables() =>
            _rows.Select(pair => (pair.Key, (IReadOnlyList<object>)pair.Value));

        /// <summary>The entities' tables and the link tables, whose rows (property bags) are made once keys are given.</summary>
        public IEnumerable<(IEntityType Table, IReadOnlyList<object> Rows)> TablesWithLinks() =>
            Tables().Concat(_links.GroupBy(link => link.Navigation.JoinEntityType).Select(links => (links.Key,
                (IReadOnlyList<object>)links.Select(link => (object)LinkRow(link.Navigation, link.From, link.To)).ToList())));

        public void GiveKey(object row, long key) => _keys[row] = key;

        /// <summary>A column's value: the key given, the key of the principal a navigation points at, or the entity's own.</summary>
        public object? Value(object row, IProperty column)
        {
            if (column.IsPrimaryKey() && _keys.TryGetValue(row, out var key))
            {
                return column.ClrType == typeof(int) ? (object)checked((int)key) : key;
            }

            foreach (var foreignKey in column.GetContainingForeignKeys())
            {
                if (_principals.TryGetValue((row, foreignKey), out var principal))
                {
                    return KeyOf(principal, foreignKey.PrincipalKey.Properties[PlaceOf(column, foreignKey.Properties)]);
                }
            }

            return column.GetGetter().GetClrValueUsingContainingEntity(row);
        }

        private static int PlaceOf(IProperty column, IReadOnlyList<IProperty> columns)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i] == column)
                {
                    return i;
                }
            }

            throw new InvalidOperationException($"{column.Name} is not part of the foreign key.");
        }

        private object? KeyOf(object entity, IProperty key) =>
            _keys.TryGetValue(entity, out var given)
                ? key.ClrType == typeof(int) ? (object)checked((int)given) : given
                : key.GetGetter().GetClrValueUsingContainingEntity(entity);

        private Dictionary<string, object> LinkRow(ISkipNavigation navigation, object from, object to)
        {
            var join = navigation.JoinEntityType;
            var toKey = join.GetForeignKeys().Single(fk => fk != navigation.ForeignKey);
            var row = new Dictionary<string, object>();
            foreach (var (foreignKey, principal) in new[] { (navigation.ForeignKey, from), (toKey, to) })
            {
                for (var i = 0; i < foreignKey.Properties.Count; i++)
                {
                    row[foreignKey.Properties[i].Name] = KeyOf(principal, foreignKey.PrincipalKey.Properties[i])!;
                }
            }

            return row;
        }

        private void Visit(object entity, IEntityType type)
        {
            if (!_seen.Add(entity))
            {
                return;
            }

            if (!_rows.TryGetValue(type, out var rows))
            {
                _rows[type] = rows = [];
            }

            rows.Add(entity);
            foreach (var navigation in type.GetNavigations())
            {
                foreach (var target in Targets(navigation.GetGetter().GetClrValueUsingContainingEntity(entity), navigation.IsCollection))
                {
                    // The dependent's foreign key points at the principal, whichever side the navigation is on.
                    if (navigation.IsOnDependent)
                    {
                        _principals[(entity, navigation.ForeignKey)] = target;
                    }
                    else
                    {
                        _principals[(target, navigation.ForeignKey)] = entity;
                    }

                    VisitIfNew(target, navigation.TargetEntityType);
                }
            }

            foreach (var navigation in type.GetSkipNavigations())
            {
                var join = navigation.JoinEntityType;
                var fromFirst = join.GetForeignKeys().First() == navigation.ForeignKey;
                foreach (var target in Targets(navigation.GetGetter().GetClrValueUsingContainingEntity(entity), isCollection: true))
                {
                    // A link seen from both of its ends is still one row.
                    if (_linked.Add(fromFirst ? (join, entity, target) : (join, target, entity)))
                    {
                        _links.Add((navigation, entity, target));
                    }

                    VisitIfNew(target, navigation.TargetEntityType);
                }
            }
        }

        private void VisitIfNew(object entity, IEntityType type)
        {
            if (IsNew(entity, type))
            {
                Visit(entity, type);
            }
        }

        private static bool IsNew(object entity, IEntityType type) =>
            type.FindPrimaryKey()!.Properties.Any(key => key.GetGetter().HasSentinelValueUsingContainingEntity(entity));

        private static IEnumerable<object> Targets(object? value, bool isCollection) =>
            value is null ? [] : isCollection ? ((IEnumerable)value).Cast<object>() : [value];

        /// <summary>Tuples equal when they hold the very same objects: entities are rows, not values.</summary>
        private sealed class SameObjects : IEqualityComparer<(object, object)>, IEqualityComparer<(object, object, object)>
        {
            public static readonly SameObjects Instance = new();

            public bool Equals((object, object) x, (object, object) y) => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

            public int GetHashCode((object, object) t) => HashCode.Combine(RuntimeHelpers.GetHashCode(t.Item1), RuntimeHelpers.GetHashCode(t.Item2));

            public bool Equals((object, object, object) x, (object, object, object) y) =>
                ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2) && ReferenceEquals(x.Item3, y.Item3);

            public int GetHashCode((object, object, object) t) =>
                HashCode.Combine(RuntimeHelpers.GetHashCode(t.Item1), RuntimeHelpers.GetHashCode(t.Item2), RuntimeHelpers.GetHashCode(t.Item3));
        }
    }
}

/// <summary>A table as <see cref="IStoreProvider.WriteRowsAsync"/> writes it: its name and its columns, in the order of each row's values.</summary>
public sealed record BulkTable(string Name, IReadOnlyList<BulkColumn> Columns);

/// <summary>A column's name, and its type mapping, which says how the store keeps its values.</summary>
public sealed record BulkColumn(string Name, RelationalTypeMapping Mapping);

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
