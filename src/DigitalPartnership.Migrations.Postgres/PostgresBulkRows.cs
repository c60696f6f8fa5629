using System.Data.Common;
using DigitalPartnership.Core.Data;
using Npgsql;

namespace DigitalPartnership.Migrations.Postgres;

/// <summary>
/// Writes a table's rows with one binary <c>COPY … FROM STDIN</c>: the rows stream to the server in its own wire format,
/// with no statement, parameter or round trip per batch (docs/performance.md). Each value is written as its column's
/// store type, as EF Core would have sent it.
/// </summary>
internal static class PostgresBulkRows
{
    public static async Task<long> WriteAsync(DbConnection connection, BulkTable table, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        // The store type without its facets ("character varying(200)" is written as "character varying").
        var types = table.Columns.Select(c => c.Mapping.StoreTypeNameBase).ToArray();
        // Names from the model, never from input.
        var copy = $"COPY \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] is { } value)
                {
                    await importer.WriteAsync(value, types[c], ct);
                }
                else
                {
                    await importer.WriteNullAsync(ct);
                }
            }
        }

        return (long)await importer.CompleteAsync(ct);
    }
}
