using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using DigitalPartnership.Core.Data;
using Microsoft.Data.Sqlite;

namespace DigitalPartnership.Migrations.Sqlite;

/// <summary>
/// Writes a table's rows in batches, each one statement that reads its rows from one JSON parameter
/// (<c>INSERT … SELECT value->>0, … FROM json_each($rows)</c>): SQLite parses the batch in C, where binding every value
/// as a parameter found by name cost more than the inserting itself. SQLite inserts one batch while the next is written
/// as JSON, each on a core of its own. Values are written as Microsoft.Data.Sqlite binds them, so a row reads back the
/// same whichever way it was written. Figures in docs/performance.md.
/// </summary>
internal static class SqliteBulkRows
{
    /// <summary>Rows a statement: enough that the statement's own cost vanishes, few enough that a batch's JSON stays small.</summary>
    private const int RowsPerStatement = 1000;

    /// <summary>
    /// Page cache while writing, in KiB: rows arrive in key order, but an index on a date or a title takes them all over
    /// its pages, and with SQLite's 2 MB default each insert reads its page back from the file. Given back afterwards.
    /// </summary>
    private const int WritingCacheKiB = 64 * 1024;

    public static async Task<long> WriteAsync(DbConnection connection, DbTransaction transaction, BulkTable table, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var batches = Channel.CreateBounded<string>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var inserting = Task.Run(async () =>
        {
            try
            {
                return await InsertAsync((SqliteConnection)connection, (SqliteTransaction)transaction, table, batches.Reader, ct);
            }
            catch (Exception failure)
            {
                batches.Writer.TryComplete(failure); // stops the writing of batches no one will insert
                throw;
            }
        }, ct);

        try
        {
            foreach (var batch in JsonBatches(rows))
            {
                await batches.Writer.WriteAsync(batch, ct);
            }

            batches.Writer.TryComplete();
        }
        catch (ChannelClosedException)
        {
            // The insert failed: its own exception is thrown below.
        }
        catch (Exception failure)
        {
            batches.Writer.TryComplete(failure);
        }

        return await inserting;
    }

    private static async Task<long> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, BulkTable table, ChannelReader<string> batches, CancellationToken ct)
    {
        var cacheSize = Convert.ToInt64(await PragmaAsync(connection, transaction, "cache_size", null, ct), CultureInfo.InvariantCulture);
        var written = 0L;
        var failed = true;
        try
        {
            await PragmaAsync(connection, transaction, "cache_size", -WritingCacheKiB, ct);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = InsertSql(table);
            var parameter = command.Parameters.Add("$rows", SqliteType.Text);
            await foreach (var batch in batches.ReadAllAsync(ct))
            {
                parameter.Value = batch;
                written += await command.ExecuteNonQueryAsync(ct);
            }

            failed = false;
        }
        finally
        {
            try
            {
                await PragmaAsync(connection, transaction, "cache_size", cacheSize, CancellationToken.None);
            }
            catch (SqliteException) when (failed)
            {
                // After a full disk or an I/O error SQLite has rolled the transaction back and the connection takes no
                // more commands in it: the write's own error is the one to report.
            }
        }

        return written;
    }

    private static async Task<object?> PragmaAsync(SqliteConnection connection, SqliteTransaction transaction, string name, long? value, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = value is null ? $"PRAGMA {name}" : $"PRAGMA {name} = {value}";
        return await command.ExecuteScalarAsync(ct);
    }

    private static string InsertSql(BulkTable table)
    {
        // Names from the model, never from input.
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        var values = string.Join(", ", table.Columns.Select((c, i) =>
            (c.Mapping.Converter?.ProviderClrType ?? c.Mapping.ClrType) == typeof(byte[]) ? $"unhex(value->>{i})" : $"value->>{i}"));
        return $"INSERT INTO \"{table.Name}\" ({columns}) SELECT {values} FROM json_each($rows)";
    }

    /// <summary>The rows as JSON arrays of arrays, <see cref="RowsPerStatement"/> rows each.</summary>
    private static IEnumerable<string> JsonBatches(IEnumerable<object?[]> rows)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var json = new Utf8JsonWriter(buffer);
        var inBatch = 0;
        foreach (var row in rows)
        {
            if (inBatch == 0)
            {
                json.WriteStartArray();
            }

            json.WriteStartArray();
            foreach (var value in row)
            {
                WriteValue(json, value);
            }

            json.WriteEndArray();
            if (++inBatch == RowsPerStatement)
            {
                yield return Batch();
            }
        }

        if (inBatch > 0)
        {
            yield return Batch();
        }

        string Batch()
        {
            json.WriteEndArray();
            json.Flush();
            var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
            buffer.ResetWrittenCount();
            json.Reset();
            inBatch = 0;
            return text;
        }
    }

    /// <summary>A value as Microsoft.Data.Sqlite would bind it: numbers as integers, dates as its text forms, bytes as hex for unhex().</summary>
    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteNumberValue(flag ? 1 : 0);
                break;
            case int or long or short or byte or sbyte or ushort or uint or Enum:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double or float:
                json.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case DateTime date:
                json.WriteStringValue(date.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset moment:
                json.WriteStringValue(moment.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
                break;
            case DateOnly day:
                json.WriteStringValue(day.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture));
                break;
            case decimal amount:
                json.WriteStringValue(amount.ToString("0.0###########################", CultureInfo.InvariantCulture));
                break;
            case byte[] bytes:
                json.WriteStringValue(Convert.ToHexString(bytes));
                break;
            default:
                // A type the model does not use yet: say so rather than guess how the provider would have stored it.
                throw new NotSupportedException($"Bulk writing a {value.GetType().Name} to SQLite is not supported yet; add its stored form here.");
        }
    }
}
