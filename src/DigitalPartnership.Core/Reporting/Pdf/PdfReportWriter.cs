using System.Globalization;
using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Domain;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DigitalPartnership.Core.Reporting.Pdf;

/// <summary>
/// Writes a progress report as a briefing a minister's office can forward as it is. The first page: the headline
/// figures, the key issues (overdue, at risk, delayed) with the reason for each, and what changed since the last
/// Council. Then the key issues in full, one section per key outcome (each deliverable once), the figures by area,
/// progress over time, and the changes themselves. The PDF is tagged (structure tree, reading order, alternative text
/// for charts, document language, bookmarks per section); fonts are embedded, Japanese set in the CJK face. It is
/// built in memory (PDFsharp cannot stream), so its size is bounded by the lists' limits, not by the data.
/// </summary>
public sealed class PdfReportWriter(ReportFontFiles fonts)
{
    /// <summary>How many rows each list of the briefing prints; the report may hold more, the XLSX holds them all.</summary>
    public const int RowsPerList = 50;

    /// <summary>How many overdue and how many at-risk-or-delayed deliverables the first page shows.</summary>
    public const int KeyIssuesOnFirstPage = 5;

    /// <summary>The document's language, for screen readers and text-to-speech.</summary>
    public const string Language = "en-GB";

    private static readonly XBrush Grey = new XSolidBrush(XColor.FromArgb(85, 85, 85));

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
        document.Info.Subject = $"Status {(report.Filter.AsOf is null ? "on" : "as of")} {ReportDates.Day(report.ReportDate)}";
        document.Info.Author = "Digital Partnership Portal";
        document.Info.CreationDate = report.GeneratedAtUtc;

        using var measure = XGraphics.CreateMeasureContext(new XSize(PageCursor.PageWidth, PageCursor.PageHeight), XGraphicsUnit.Point,
            XPageDirection.Downwards, document.RenderEvents);
        var pages = new PageCursor(text, measure);
        FirstPage(pages, report);
        if (report.Totals.Total > 0)
        {
            ct.ThrowIfCancellationRequested();
            KeyIssuesInFull(pages, report);
            OutcomeSections(pages, report, ct);
            FollowThrough(pages, report);
            FiguresByArea(pages, report, ct);
            ProgressOverTime(pages, report);
            Changes(pages, report);
        }

        ct.ThrowIfCancellationRequested();
        pages.Paint(document, report.Title);
        // After the pages: PDFsharp's accessibility manager sets the catalog's /Lang to its default ("en") when it starts.
        PdfSharp.UniversalAccessibility.UAManager.ForDocument(document).SetDocumentLanguage(Language);
        document.PageMode = PdfPageMode.UseOutlines;

        using var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    private static void FirstPage(PageCursor pages, ProgressReport report)
    {
        pages.NewPage();
        pages.Paragraph($"PROGRESS BRIEFING · STATUS {(report.Filter.AsOf is null ? "ON" : "AS OF")} {ReportDates.Day(report.ReportDate).ToUpperInvariant()}",
            8.5, bold: true, brush: Grey);
        pages.Heading(report.Title, 1);
        pages.Paragraph($"Generated {report.GeneratedAtUtc.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC from the Digital Partnership Portal. "
            + string.Join(" · ", report.FilterLines.Select(line => $"{line.Label}: {line.Value}")) + ".", 8.5, brush: Grey);
        pages.Y += 4;

        if (report.Totals.Total == 0)
        {
            pages.BeginSection();
            pages.Heading("No deliverable matches these filters", 2);
            pages.Paragraph("Nothing was counted, so this briefing has no figures, lists or charts. Widen the filters on the reports page "
                + "(for example another area, status or Council) and export again.", 10);
            pages.End();
            return;
        }

        Summary(pages, report);
        KeyIssuesAtAGlance(pages, report);
        ChangesAtAGlance(pages, report);
    }

    private static void Summary(PageCursor pages, ProgressReport report)
    {
        var totals = report.Totals;
        pages.BeginSection();
        pages.Heading("Summary", 2);
        Tiles(pages, [
            (Count(totals.Total), totals.Total == 1 ? "deliverable" : "deliverables"),
            ($"{totals.CompletedPercent:0}%", "completed (of those not discontinued)"),
            (Count(report.OverdueCount), "overdue"),
            (Count(report.AtRiskOrDelayedCount), "at risk or delayed, not overdue"),
            (report.ChangesSince is null ? "–" : Count(report.ChangeCount), report.ChangesSince is null ? "changes (no Council date)" : "changes since the last Council"),
        ]);
        var byStatus = "By status: " + string.Join(", ", DeliverableStatusText.All.Select(s =>
            $"{Count(totals[s])} {s.DisplayName().ToLowerInvariant()} ({totals.Percent(s):0}%)")) + ".";
        pages.Figure(byStatus, 34, top => StatusBar(pages, totals, top));
        pages.End();
    }

    /// <summary>Headline figures as a row of tiles, each a paragraph: "1,234 overdue".</summary>
    private static void Tiles(PageCursor pages, IReadOnlyList<(string Figure, string Label)> tiles)
    {
        const double height = 50, gap = 6;
        var width = (PageCursor.ContentWidth - gap * (tiles.Count - 1)) / tiles.Count;
        pages.EnsureRoom(height + 8);
        var top = pages.Y;
        for (var i = 0; i < tiles.Count; i++)
        {
            var left = PageCursor.Margin + i * (width + gap);
            var (figure, label) = tiles[i];
            pages.Artifact(p => p.Graphics.DrawRectangle(new XPen(XColor.FromArgb(200, 208, 220), 0.75), new XSolidBrush(XColor.FromArgb(246, 248, 251)),
                left, top, width, height));
            var labelLines = pages.Wrap(label, width - 12, false, 7.5);
            pages.BeginParagraph();
            pages.DrawText(figure, left + 6, top + 20, true, 15, PageCursor.Navy);
            for (var line = 0; line < Math.Min(2, labelLines.Count); line++)
            {
                pages.DrawText(labelLines[line], left + 6, top + 32 + line * 9, false, 7.5, Grey);
            }

            pages.End();
        }

        pages.Y = top + height + 8;
    }

    private static void StatusBar(PageCursor pages, StatusTally totals, double top)
    {
        var x = PageCursor.Margin;
        foreach (var (status, count) in totals.NonZero)
        {
            var width = PageCursor.ContentWidth * count / totals.Total;
            var left = x;
            pages.Draw(gfx => gfx.DrawRectangle(new XSolidBrush(StatusColor(status)), left, top, width, 10));
            x += width;
        }

        Legend(pages, top + 16);
    }

    private static void KeyIssuesAtAGlance(PageCursor pages, ProgressReport report)
    {
        pages.BeginSection();
        pages.Heading("Key issues", 2);
        if (report.KeyIssueCount == 0)
        {
            pages.Paragraph($"Nothing is overdue, at risk or delayed on {ReportDates.Day(report.ReportDate)}.", 10);
            pages.End();
            return;
        }

        pages.Paragraph($"{Deliverables(report.KeyIssueCount)} need attention: {Count(report.OverdueCount)} overdue and "
            + $"{Count(report.AtRiskOrDelayedCount)} at risk or delayed. The reason given is the note of each one's latest change.", 9.5);
        OverdueTable(pages, report, KeyIssuesOnFirstPage, continued: false);
        AtRiskOrDelayedTable(pages, report, KeyIssuesOnFirstPage, continued: false);
        if (report.OverdueCount > KeyIssuesOnFirstPage || report.AtRiskOrDelayedCount > KeyIssuesOnFirstPage)
        {
            pages.Paragraph("More key issues follow under “Key issues in full”.", 8.5, brush: Grey);
        }

        pages.End();
    }

    private static void OverdueTable(PageCursor pages, ProgressReport report, int rows, bool continued)
    {
        if (report.OverdueCount == 0 || (continued && report.Overdue.Count <= KeyIssuesOnFirstPage))
        {
            return;
        }

        var listed = report.Overdue.Skip(continued ? KeyIssuesOnFirstPage : 0).Take(rows).ToList();
        pages.Heading(continued ? $"Overdue, continued ({Count(report.OverdueCount)})" : $"Overdue ({Count(report.OverdueCount)})", 3);
        pages.Table(["Deliverable", "Status", "Target", "Leads", "Latest note (the reason)"], [150, 55, 62, 88, 140],
            listed.Select(o => new[]
            {
                o.Title, o.Status.DisplayName(), $"{Iso(o.TargetDate)}\n{Count(o.DaysOverdue)} days late", o.Leads, o.LatestNote ?? "No note with the latest change.",
            }));
        var shown = (continued ? KeyIssuesOnFirstPage : 0) + listed.Count;
        if (report.OverdueCount > shown && continued)
        {
            pages.Paragraph($"The {Count(shown)} most overdue of {Count(report.OverdueCount)} are listed: {Count(report.OverdueCount - shown)} more in the XLSX "
                + "(every deliverable with its status and target date).", 8.5, brush: Grey);
        }
    }

    private static void AtRiskOrDelayedTable(PageCursor pages, ProgressReport report, int rows, bool continued)
    {
        if (report.AtRiskOrDelayedCount == 0 || (continued && report.AtRiskOrDelayed.Count <= KeyIssuesOnFirstPage))
        {
            return;
        }

        var listed = report.AtRiskOrDelayed.Skip(continued ? KeyIssuesOnFirstPage : 0).Take(rows).ToList();
        var count = Count(report.AtRiskOrDelayedCount);
        pages.Heading(continued ? $"At risk or delayed, continued ({count})" : $"At risk or delayed ({count})", 3);
        pages.Table(["Deliverable", "Status", "Target", "Leads", "Latest note (the reason)"], [150, 55, 62, 88, 140],
            listed.Select(d => new[]
            {
                d.Title, d.Status.DisplayName(), d.TargetDate is { } t ? Iso(t) : "none", d.Leads, d.LatestNote ?? "No note with the latest change.",
            }));
        var shown = (continued ? KeyIssuesOnFirstPage : 0) + listed.Count;
        if (report.AtRiskOrDelayedCount > shown && continued)
        {
            pages.Paragraph($"{Count(shown)} of {count} are listed, the nearest target first: {Count(report.AtRiskOrDelayedCount - shown)} more in the XLSX.",
                8.5, brush: Grey);
        }
    }

    private static void ChangesAtAGlance(PageCursor pages, ProgressReport report)
    {
        pages.BeginSection();
        if (report.ChangesSince is null)
        {
            pages.Heading("What changed since the last Council", 2);
            pages.Paragraph("No Council meeting has a date in its text, so there is no “last Council” to count from. "
                + "Choose a day under “Changes since” on the reports page to see what changed.", 9.5);
            pages.End();
            return;
        }

        pages.Heading($"What changed since {report.ChangesSinceLabel}", 2);
        var summary = report.ChangeSummary;
        if (report.ChangeCount == 0)
        {
            pages.Paragraph("No status has changed since then.", 9.5);
        }
        else
        {
            var moves = summary.MovedTo.NonZero.Select(m => $"{Count(m.Count)} to {m.Status.DisplayName().ToLowerInvariant()}").ToList();
            pages.Paragraph($"{Count(report.ChangeCount)} {(report.ChangeCount == 1 ? "change" : "changes")}: "
                + (summary.Added > 0 ? $"{Deliverables(summary.Added)} added" : "no deliverable added")
                + (moves.Count > 0 ? "; moves " + string.Join(", ", moves) : "") + ". "
                + "The changes are listed, the latest first, at the end of this briefing.", 9.5);
        }

        pages.End();
    }

    private static void KeyIssuesInFull(PageCursor pages, ProgressReport report)
    {
        if (report.Overdue.Count <= KeyIssuesOnFirstPage && report.AtRiskOrDelayed.Count <= KeyIssuesOnFirstPage)
        {
            return;
        }

        pages.NewPage();
        pages.BeginSection();
        pages.Heading("Key issues in full", 2);
        OverdueTable(pages, report, RowsPerList - KeyIssuesOnFirstPage, continued: true);
        AtRiskOrDelayedTable(pages, report, RowsPerList - KeyIssuesOnFirstPage, continued: true);
        pages.End();
    }

    private static void OutcomeSections(PageCursor pages, ProgressReport report, CancellationToken ct)
    {
        pages.NewPage();
        pages.BeginSection();
        pages.Heading("Key outcomes", 2);
        pages.Paragraph("One section per key outcome of the Councils, in the order of their texts. Each deliverable is listed once, "
            + "under its outcome, with its status on the report date, its leads, its target and the note of its latest change.", 9);
        foreach (var section in report.OutcomeSections)
        {
            ct.ThrowIfCancellationRequested();
            var outcome = section.Outcome;
            pages.BeginSection();
            pages.Heading(outcome.Title, 3);
            pages.Paragraph($"{outcome.Meeting} · {Deliverables(outcome.Counts.Total)}: "
                + string.Join(", ", outcome.Counts.NonZero.Select(c => $"{Count(c.Count)} {c.Status.DisplayName().ToLowerInvariant()}")), 8.5, brush: Grey);
            pages.Table(["Deliverable", "Status", "Target", "Leads", "Latest note"], [160, 62, 62, 85, 126],
                section.Deliverables.Select(d => new[]
                {
                    d.Title, d.Status.DisplayName() + (d.Progress is { } p ? $" ({p}%)" : ""), d.TargetDate is { } t ? Iso(t) : "", d.Leads, d.LatestNote ?? "",
                }));
            if (section.NotListed > 0)
            {
                pages.Paragraph($"The first {Count(section.Deliverables.Count)} of {Count(outcome.Counts.Total)} are listed: "
                    + $"{Count(section.NotListed)} more in the XLSX.", 8.5, brush: Grey);
            }

            pages.End();
        }

        var withoutSection = report.ByOutcome.Skip(report.OutcomeSections.Count).ToList();
        if (withoutSection.Count > 0)
        {
            pages.Paragraph($"{Count(withoutSection.Count)} more key outcomes, with {Deliverables(withoutSection.Sum(o => o.Counts.Total))}, "
                + "have no section here: the XLSX lists every deliverable with its outcome.", 9, brush: Grey);
        }

        pages.End();
    }

    /// <summary>Per Council: its deliverables carried over from an earlier Council and those new there, as on the reports page.</summary>
    private static void FollowThrough(PageCursor pages, ProgressReport report)
    {
        if (report.ByCouncil.Count == 0)
        {
            return;
        }

        pages.BeginSection();
        pages.Heading("From one Council to the next", 2);
        pages.Paragraph("Each Council's deliverables: those that carry on a commitment of an earlier Council, and those new at that Council.", 9);
        pages.Table(["Council", "Carried over from an earlier Council", "New at this Council", "Deliverables"], [205, 120, 90, 70],
            report.ByCouncil.Select(c => (string[])[c.Council, Count(c.CarriedOver), Count(c.New), Count(c.Deliverables)]));
        pages.End();
    }

    private static void FiguresByArea(PageCursor pages, ProgressReport report, CancellationToken ct)
    {
        if (report.ByArea.Count == 0)
        {
            return;
        }

        pages.NewPage();
        pages.BeginSection();
        pages.Heading("Figures by area", 2);
        pages.Paragraph("A deliverable filed under several areas of cooperation is counted in each of them, so the areas add up to more "
            + "than the total; it is listed once, under the first of its areas.", 9);
        var statuses = DeliverableStatusText.All;
        pages.Table(["Area", .. statuses.Select(s => s.DisplayName()), "Total"], [115, .. statuses.Select(_ => 55.0), 50],
            report.ByArea.Select(a => (string[])[a.Name, .. statuses.Select(s => Count(a.Counts[s])), Count(a.Counts.Total)]));
        if (report.WithoutArea > 0)
        {
            pages.Paragraph($"{Deliverables(report.WithoutArea)} filed under no area {(report.WithoutArea == 1 ? "is" : "are")} counted in the totals only.",
                8.5, brush: Grey);
        }

        pages.Y += 6;
        StatusByAreaChart(pages, report.ByArea);

        pages.BeginSection();
        pages.Heading("Deliverables by area", 3);
        foreach (var area in report.ByArea)
        {
            ct.ThrowIfCancellationRequested();
            var rows = report.AreaRows.TryGetValue(area.AreaId, out var found) ? found : [];
            pages.Paragraph($"{area.Name} · {Deliverables(area.Counts.Total)}", 9.5, bold: true);
            if (rows.Count > 0)
            {
                pages.Table(["Deliverable", "Status", "Key outcome"], [230, 70, 195], rows.Select(r => new[] { r.Title, r.StatusName, r.Outcome }));
            }

            var note = rows.Count >= ProgressReportBuilder.RowsPerArea
                ? $"The first {Count(rows.Count)} filed first under this area are listed; the XLSX lists every deliverable with its areas."
                : area.Counts.Total > rows.Count
                    ? $"{Count(area.Counts.Total - rows.Count)} more {(area.Counts.Total - rows.Count == 1 ? "is" : "are")} filed under an earlier area too and listed there."
                    : null;
            if (note is not null)
            {
                pages.Paragraph(note, 8.5, brush: Grey);
            }

            pages.Y += 4;
        }

        pages.End();
        pages.End();
    }

    private static void StatusByAreaChart(PageCursor pages, IReadOnlyList<AreaProgress> areas)
    {
        const double barHeight = 12, gap = 5, labelWidth = 150;
        var height = 36 + areas.Count * (barHeight + gap);
        var alt = "Status by area, a bar chart: " + string.Join("; ", areas.Select(a => $"{a.Name}: {Count(a.Counts.Total)} ("
            + string.Join(", ", a.Counts.NonZero.Select(c => $"{Count(c.Count)} {c.Status.DisplayName().ToLowerInvariant()}")) + ")")) + ".";
        pages.Figure(alt, height, top =>
        {
            pages.DrawText("Status by area", PageCursor.Margin, top + 11, true, 11);
            Legend(pages, top + 16);
            var barsLeft = PageCursor.Margin + labelWidth;
            var barsWidth = PageCursor.ContentWidth - labelWidth - 45;
            var max = Math.Max(1, areas.Max(a => a.Counts.Total));
            var y = top + 34;
            foreach (var area in areas)
            {
                var barTop = y;
                pages.DrawText(pages.Wrap(area.Name, labelWidth - 8, false, 8)[0], PageCursor.Margin, barTop + 9, false, 8);
                var x = barsLeft;
                foreach (var (status, count) in area.Counts.NonZero)
                {
                    var width = barsWidth * count / max;
                    var left = x;
                    pages.Draw(gfx => gfx.DrawRectangle(new XSolidBrush(StatusColor(status)), left, barTop, width, barHeight));
                    x += width;
                }

                pages.DrawText(Count(area.Counts.Total), x + 4, barTop + 9, false, 8);
                y += barHeight + gap;
            }
        });
    }

    private static void ProgressOverTime(PageCursor pages, ProgressReport report)
    {
        var months = report.ProgressOverTime;
        if (months.Count < 2)
        {
            return;
        }

        const double chartHeight = 170;
        pages.BeginSection();
        pages.Heading("Progress over time", 2);
        var first = months[0];
        var last = months[^1];
        var alt = $"Deliverables by status at each month end, a stacked column chart from {first.MonthEnd:MMMM yyyy} to {last.MonthEnd:MMMM yyyy}. "
            + $"At the start: {Describe(first.Counts)}. At the end: {Describe(last.Counts)}.";
        pages.Figure(alt, chartHeight + 40, top =>
        {
            Legend(pages, top);
            var left = PageCursor.Margin + 34;
            var width = PageCursor.ContentWidth - 34;
            var bottom = top + 20 + chartHeight;
            var max = Math.Max(1, months.Max(m => m.Counts.Total));
            var column = width / months.Count;
            pages.Draw(gfx => gfx.DrawLine(XPens.Gray, left, bottom, left + width, bottom));
            pages.DrawText(Count(max), PageCursor.Margin, top + 28, false, 7);
            pages.DrawText("0", PageCursor.Margin, bottom, false, 7);
            var labelEvery = Math.Max(1, (int)Math.Ceiling(months.Count / 12.0));
            for (var i = 0; i < months.Count; i++)
            {
                var y = bottom;
                var x = left + i * column + column * 0.1;
                foreach (var (status, count) in months[i].Counts.NonZero)
                {
                    var height = chartHeight * count / max;
                    var columnTop = y - height;
                    pages.Draw(gfx => gfx.DrawRectangle(new XSolidBrush(StatusColor(status)), x, columnTop, column * 0.8, height));
                    y -= height;
                }

                if (i % labelEvery == 0 || i == months.Count - 1)
                {
                    pages.DrawText(months[i].MonthEnd.ToString("yyyy-MM", CultureInfo.InvariantCulture), left + i * column, bottom + 10, false, 6.5);
                }
            }
        });
        pages.End();
    }

    private static void Legend(PageCursor pages, double top)
    {
        var x = PageCursor.Margin;
        foreach (var status in DeliverableStatusText.All)
        {
            var left = x;
            pages.Draw(gfx => gfx.DrawRectangle(new XSolidBrush(StatusColor(status)), left, top + 2, 8, 8));
            pages.DrawText(status.DisplayName(), x + 11, top + 9, false, 8);
            x += 14 + pages.Width(status.DisplayName(), false, 8) + 10;
        }
    }

    private static void Changes(PageCursor pages, ProgressReport report)
    {
        if (report.ChangesSince is null || report.ChangeCount == 0)
        {
            return;
        }

        pages.NewPage();
        pages.BeginSection();
        pages.Heading($"Changes since {report.ChangesSinceLabel}", 2);
        var listed = report.Changes.Take(RowsPerList).ToList();
        pages.Table(["When (UTC)", "Deliverable", "Change", "By", "Note"], [62, 160, 95, 80, 98],
            listed.Select(c => new[]
            {
                c.ChangedAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), c.DeliverableTitle,
                c.Transition + (c.Progress is { } p ? $" ({p}%)" : ""), c.ChangedBy, c.Note ?? "",
            }));
        if (report.ChangeCount > listed.Count)
        {
            pages.Paragraph($"The latest {Count(listed.Count)} of {Count(report.ChangeCount)} changes are listed: "
                + $"{Count(report.ChangeCount - listed.Count)} more in the XLSX.", 8.5, brush: Grey);
        }

        pages.End();
    }

    internal static XColor StatusColor(DeliverableStatus status) =>
        XColor.FromArgb(unchecked((int)(0xFF000000 | Convert.ToUInt32(status.Colour()[1..], 16))));

    private static string Describe(StatusTally counts) =>
        string.Join(", ", counts.NonZero.Select(c => $"{Count(c.Count)} {c.Status.DisplayName().ToLowerInvariant()}"));

    private static string Deliverables(int count) => count == 1 ? "1 deliverable" : $"{Count(count)} deliverables";

    private static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
