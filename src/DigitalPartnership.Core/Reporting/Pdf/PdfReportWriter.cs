using System.Globalization;
using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Domain;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DigitalPartnership.Core.Reporting.Pdf;

/// <summary>
/// Writes a progress report as a PDF briefing: title page, summary with charts, one section per area, what is
/// overdue and what changed. Fonts are embedded; Japanese is set in the CJK face. The document is built in memory
/// (PDFsharp cannot stream), so its size is bounded by the report's list limits, not by the number of deliverables.
/// </summary>
public sealed class PdfReportWriter(ReportFontFiles fonts)
{
    /// <summary>Uses the installed fonts; throws <see cref="ReportFontsMissingException"/> when there are none.</summary>
    public PdfReportWriter() : this(ReportFontFiles.Require())
    {
    }

    /// <summary>Writes <paramref name="report"/>, which must hold every part (<see cref="ReportParts.Briefing"/>).</summary>
    public async Task WriteAsync(ProgressReport report, Stream output, CancellationToken ct)
    {
        report.Require(ReportParts.Briefing, nameof(PdfReportWriter));
        var text = new PdfText(ReportFontResolver.Register(fonts));
        using var document = new PdfDocument();
        document.Info.Title = report.Title;
        document.Info.Author = "Digital Partnership Portal";
        document.Info.CreationDate = report.GeneratedAtUtc;

        var pages = new PageCursor(document, text, report.Title);
        TitlePage(pages, report);
        pages.NewPage();
        Summary(pages, report);
        foreach (var area in report.ByArea)
        {
            ct.ThrowIfCancellationRequested();
            AreaSection(pages, report, area);
        }

        Overdue(pages, report);
        Changes(pages, report);
        pages.Finish();

        using var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    private static void TitlePage(PageCursor pages, ProgressReport report)
    {
        pages.Y = 200;
        pages.Paragraph(report.Title, 24, bold: true);
        pages.Y += 10;
        pages.Paragraph($"Status {(report.Filter.AsOf is null ? "on" : "as of")} {ReportDates.Day(report.ReportDate)}", 14);
        pages.Paragraph($"Generated {report.GeneratedAtUtc.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC", 10, brush: Grey);
        pages.Y += 30;
        pages.Paragraph("What this report covers", 12, bold: true);
        pages.Table(["Filter", "Value"], [140, PageCursor.ContentWidth - 140],
            report.FilterLines.Select(line => new[] { line.Label, line.Value }), header: false);
    }

    private static void Summary(PageCursor pages, ProgressReport report)
    {
        pages.Heading("Summary");
        var totals = report.Totals;
        pages.Paragraph($"{Deliverables(totals.Total)}; {totals.CompletedPercent:0}% of those not discontinued are completed. "
            + $"{report.OverdueCount} overdue. "
            + (report.ChangesSince is null ? "" : $"{report.ChangeCount} status changes since {report.ChangesSinceLabel}."), 10);
        pages.Y += 6;
        pages.Table(["Status", "Deliverables", "Share"], [200, 100, 100],
            DeliverableStatusText.All.Select(s => new[] { s.DisplayName(), Count(totals[s]), $"{totals.Percent(s):0.0}%" })
                .Append(["Total", Count(totals.Total), "100%"]));
        if (report.WithoutArea > 0)
        {
            pages.Paragraph($"{report.WithoutArea} of them are linked to no area of cooperation and appear in no area section.", 9, brush: Grey);
        }

        if (report.ByArea.Count > 0)
        {
            pages.Y += 10;
            StatusByAreaChart(pages, report.ByArea);
        }

        if (report.ProgressOverTime.Count > 1)
        {
            pages.Y += 10;
            ProgressChart(pages, report.ProgressOverTime);
        }
    }

    private static void StatusByAreaChart(PageCursor pages, IReadOnlyList<AreaProgress> areas)
    {
        const double barHeight = 13, gap = 5, labelWidth = 150;
        var height = 40 + areas.Count * (barHeight + gap);
        pages.EnsureRoom(height + 30);
        pages.Paragraph("Status by area", 12, bold: true);
        Legend(pages);

        var gfx = pages.Graphics;
        var barsLeft = PageCursor.Margin + labelWidth;
        var barsWidth = PageCursor.ContentWidth - labelWidth - 40;
        var max = Math.Max(1, areas.Max(a => a.Counts.Total));
        foreach (var area in areas)
        {
            var top = pages.Y;
            var label = pages.Text.Wrap(gfx, area.Name, labelWidth - 8, false, 8)[0];
            pages.Text.Draw(gfx, label, PageCursor.Margin, top + 10, false, 8);
            var x = barsLeft;
            foreach (var status in DeliverableStatusText.All)
            {
                var width = barsWidth * area.Counts[status] / max;
                if (width > 0)
                {
                    gfx.DrawRectangle(new XSolidBrush(StatusColor(status)), x, top, width, barHeight);
                    x += width;
                }
            }

            pages.Text.Draw(gfx, Count(area.Counts.Total), x + 4, top + 10, false, 8);
            pages.Y += barHeight + gap;
        }
    }

    private static void ProgressChart(PageCursor pages, IReadOnlyList<MonthlyStatus> months)
    {
        const double chartHeight = 160;
        pages.EnsureRoom(chartHeight + 70);
        pages.Paragraph("Deliverables by status at each month end", 12, bold: true);
        Legend(pages);

        var gfx = pages.Graphics;
        var left = PageCursor.Margin + 30;
        var width = PageCursor.ContentWidth - 30;
        var bottom = pages.Y + chartHeight;
        var max = Math.Max(1, months.Max(m => m.Counts.Total));
        var column = width / months.Count;
        gfx.DrawLine(XPens.Gray, left, bottom, left + width, bottom);
        pages.Text.Draw(gfx, Count(max), PageCursor.Margin, pages.Y + 8, false, 7);
        pages.Text.Draw(gfx, "0", PageCursor.Margin, bottom, false, 7);
        var labelEvery = Math.Max(1, (int)Math.Ceiling(months.Count / 12.0));
        for (var i = 0; i < months.Count; i++)
        {
            var y = bottom;
            foreach (var status in DeliverableStatusText.All)
            {
                var height = chartHeight * months[i].Counts[status] / max;
                if (height > 0)
                {
                    gfx.DrawRectangle(new XSolidBrush(StatusColor(status)), left + i * column + column * 0.1, y - height, column * 0.8, height);
                    y -= height;
                }
            }

            if (i % labelEvery == 0 || i == months.Count - 1)
            {
                pages.Text.Draw(gfx, months[i].MonthEnd.ToString("yyyy-MM", CultureInfo.InvariantCulture), left + i * column, bottom + 10, false, 6.5);
            }
        }

        pages.Y = bottom + 20;
    }

    private static void Legend(PageCursor pages)
    {
        var x = PageCursor.Margin;
        foreach (var status in DeliverableStatusText.All)
        {
            pages.Graphics.DrawRectangle(new XSolidBrush(StatusColor(status)), x, pages.Y + 2, 8, 8);
            pages.Text.Draw(pages.Graphics, status.DisplayName(), x + 11, pages.Y + 9, false, 8);
            x += 14 + pages.Text.Width(pages.Graphics, status.DisplayName(), false, 8) + 10;
        }

        pages.Y += 18;
    }

    private static void AreaSection(PageCursor pages, ProgressReport report, AreaProgress area)
    {
        pages.EnsureRoom(120);
        pages.Heading(area.Name);
        pages.Paragraph($"{Deliverables(area.Counts.Total)}: "
            + string.Join(", ", area.Counts.NonZero.Select(c => $"{c.Count} {c.Status.DisplayName().ToLowerInvariant()}")), 10);
        var rows = report.AreaRows.TryGetValue(area.AreaId, out var found) ? found : [];
        pages.Table(["Deliverable", "Status", "Progress", "Target", "Leads"], [215, 65, 50, 60, 105],
            rows.Select(r => new[]
            {
                r.Title, r.StatusName, r.Progress is { } p ? $"{p}%" : "", r.TargetDate is { } t ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
                string.Join(" / ", new[] { r.EuLead, r.PartnerLead }.Where(l => !string.IsNullOrEmpty(l))),
            }));
        if (area.Counts.Total > rows.Count)
        {
            pages.Paragraph($"The first {rows.Count} of {area.Counts.Total} deliverables are listed; the CSV and XLSX exports list them all.", 8.5, brush: Grey);
        }
    }

    private static void Overdue(PageCursor pages, ProgressReport report)
    {
        pages.EnsureRoom(120);
        pages.Heading("Overdue");
        if (report.OverdueCount == 0)
        {
            pages.Paragraph($"Nothing is overdue on {ReportDates.Day(report.ReportDate)}.", 10);
            return;
        }

        pages.Paragraph($"{Deliverables(report.OverdueCount)} passed their target date before {ReportDates.Day(report.ReportDate)} and are neither completed nor discontinued.", 10);
        pages.Table(["Deliverable", "Target", "Days late", "Status", "Leads"], [215, 60, 50, 65, 105],
            report.Overdue.Select(o => new[]
            {
                o.Title, o.TargetDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Count(o.DaysOverdue), o.Status.DisplayName(),
                string.Join(" / ", new[] { o.EuLead, o.PartnerLead }.Where(l => !string.IsNullOrEmpty(l))),
            }));
        if (report.OverdueCount > report.Overdue.Count)
        {
            pages.Paragraph($"The {report.Overdue.Count} most overdue of {report.OverdueCount} are listed.", 8.5, brush: Grey);
        }
    }

    private static void Changes(PageCursor pages, ProgressReport report)
    {
        if (report.ChangesSince is null)
        {
            return;
        }

        pages.EnsureRoom(120);
        pages.Heading($"Changes since {report.ChangesSinceLabel}");
        if (report.ChangeCount == 0)
        {
            pages.Paragraph("No status has changed since then.", 10);
            return;
        }

        pages.Table(["When (UTC)", "Deliverable", "Change", "By", "Note"], [62, 160, 95, 80, 98],
            report.Changes.Select(c => new[]
            {
                c.ChangedAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), c.DeliverableTitle,
                c.Transition + (c.Progress is { } p ? $" ({p}%)" : ""), c.ChangedBy, c.Note ?? "",
            }));
        if (report.ChangeCount > report.Changes.Count)
        {
            pages.Paragraph($"The latest {report.Changes.Count} of {report.ChangeCount} changes are listed; the XLSX export lists them all.", 8.5, brush: Grey);
        }
    }

    private static readonly XBrush Grey = new XSolidBrush(XColor.FromArgb(90, 90, 90));

    internal static XColor StatusColor(DeliverableStatus status) =>
        XColor.FromArgb(unchecked((int)(0xFF000000 | Convert.ToUInt32(status.Colour()[1..], 16))));

    private static string Deliverables(int count) => count == 1 ? "1 deliverable" : $"{Count(count)} deliverables";

    private static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
