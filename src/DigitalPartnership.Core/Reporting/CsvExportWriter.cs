using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Core.Reporting;

/// <summary>
/// Writes report rows as RFC 4180 CSV: UTF-8 with a byte order mark (so Excel reads Japanese correctly), CRLF, one
/// header row, one row per deliverable, streamed. Cells starting with = + - @ tab or CR get a leading single quote so a
/// spreadsheet never runs them as formulas. The header row and the status names are in the reader's language
/// (<see cref="ReportText"/>): a program that reads the CSV asks for it in English, and gets the header it always had.
/// </summary>
/// <param name="text">A localizer for <see cref="ReportText"/>; English when null.</param>
public sealed class CsvExportWriter(IStringLocalizer? text = null)
{
    private readonly ReportText _t = new(text);

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
            csv.WriteField(_t[heading]);
        }

        await csv.NextRecordAsync();
        await foreach (var row in rows.WithCancellation(ct))
        {
            csv.WriteField(row.Id.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.Title);
            csv.WriteField(row.Outcome);
            csv.WriteField(row.Meeting);
            csv.WriteField(row.Areas);
            csv.WriteField(_t.Status(row.Status));
            csv.WriteField(row.Progress?.ToString(CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(row.EuLead ?? "");
            csv.WriteField(row.PartnerLead ?? "");
            csv.WriteField(row.TargetDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(row.LastChangeUtc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(row.TitleJapanese ?? "");
            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
    }
}
