using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace DigitalPartnership.Core.Reporting;

/// <summary>
/// Writes report rows as RFC 4180 CSV: UTF-8 with a byte order mark (so Excel reads Japanese correctly), CRLF, one
/// header row, one row per deliverable, streamed. Cells starting with = + - @ tab or CR get a leading single quote so a
/// spreadsheet never runs them as formulas.
/// </summary>
public sealed class CsvExportWriter
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        InjectionOptions = InjectionOptions.Escape,
        InjectionEscapeCharacter = '\'',
        InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'],
    };

    public async Task WriteAsync(IAsyncEnumerable<ReportRow> rows, Stream output, CancellationToken ct)
    {
        // The byte order mark is written by hand: StreamWriter leaves it out on a stream that is not at position 0.
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), ct);
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(text, Configuration);
        foreach (var heading in ReportRow.Headings)
        {
            csv.WriteField(heading);
        }

        await csv.NextRecordAsync();
        await foreach (var row in rows.WithCancellation(ct))
        {
            csv.WriteField(row.Id.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.Title);
            csv.WriteField(row.Outcome);
            csv.WriteField(row.Meeting);
            csv.WriteField(row.Areas);
            csv.WriteField(row.StatusName);
            csv.WriteField(row.Progress?.ToString(CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(row.EuLead ?? "");
            csv.WriteField(row.PartnerLead ?? "");
            csv.WriteField(row.TargetDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(row.LastChangeUtc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "");
            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
    }
}
