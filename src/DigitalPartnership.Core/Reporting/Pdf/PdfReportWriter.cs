using System.Globalization;
using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Domain;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Core.Reporting.Pdf;

/// <summary>
/// Writes a progress report as a briefing a minister's office can forward as it is. The first page: the headline
/// figures, the key issues (overdue, at risk, delayed) with the reason for each, and what changed since the last
/// Council. Then the key issues in full, one section per key outcome (each deliverable once), the figures by area,
/// progress over time, and the changes themselves. The PDF is tagged (structure tree, reading order, alternative text
/// for charts, document language, bookmarks per section); fonts are embedded, Japanese set in the CJK face. It is
/// built in memory (PDFsharp cannot stream), so its size is bounded by the lists' limits, not by the data.
/// </summary>
/// <param name="text">A localizer for <see cref="ReportText"/>: the briefing is written in the reader's language; English when null.</param>
public sealed class PdfReportWriter(ReportFontFiles fonts, IStringLocalizer? text = null)
{
    private readonly ReportText _t = new(text);

    /// <summary>How many rows each list of the briefing prints; the report may hold more, the XLSX holds them all.</summary>
    public const int RowsPerList = 50;

    /// <summary>How many overdue and how many at-risk-or-delayed deliverables the first page shows.</summary>
    public const int KeyIssuesOnFirstPage = 5;

    /// <summary>The document's language when written in English, for screen readers and text-to-speech ("ja" in Japanese).</summary>
    public const string Language = "en-GB";

    private static readonly XBrush Grey = new XSolidBrush(XColor.FromArgb(85, 85, 85));

    /// <summary>Uses the installed fonts; throws <see cref="ReportFontsMissingException"/> when there are none.</summary>
    public PdfReportWriter(IStringLocalizer? text = null) : this(ReportFontFiles.Require(), text)
    {
    }

    /// <summary>Writes <paramref name="report"/>, which must hold every part (<see cref="ReportParts.Briefing"/>).</summary>
    public async Task WriteAsync(ProgressReport report, Stream output, CancellationToken ct)
    {
        report.Require(ReportParts.Briefing, nameof(PdfReportWriter));
        if (_t.IsJapanese && fonts.Cjk is null)
        {
            // Without a Japanese face every Japanese word would be missing from the page: no briefing rather than a blank one.
            throw new ReportFontsMissingException("No Japanese font for a PDF briefing in Japanese: install the Debian package "
                + "fonts-ipaexfont-gothic, or put ipaexg.ttf in a directory named by PORTAL_REPORT_FONTS.");
        }

        var text = new PdfText(ReportFontResolver.Register(fonts));
        using var document = new PdfDocument();
        document.Info.Title = report.Title;
        document.Info.Subject = _t.Format(report.Filter.AsOf is null ? "Status on {0}" : "Status as of {0}", _t.Day(report.ReportDate));
        document.Info.Author = _t["Digital Partnership Portal"];
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
        pages.Paint(document, report.Title, _t);
        // After the pages: PDFsharp's accessibility manager sets the catalog's /Lang to its default ("en") when it starts.
        PdfSharp.UniversalAccessibility.UAManager.ForDocument(document).SetDocumentLanguage(_t.Language);
        document.PageMode = PdfPageMode.UseOutlines;

        using var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    private void FirstPage(PageCursor pages, ProgressReport report)
    {
        pages.NewPage();
        var day = _t.Day(report.ReportDate);
        pages.Paragraph(_t.Format(report.Filter.AsOf is null ? "PROGRESS BRIEFING · STATUS ON {0}" : "PROGRESS BRIEFING · STATUS AS OF {0}",
            _t.IsJapanese ? day : day.ToUpperInvariant()), 8.5, bold: true, brush: Grey);
        pages.Heading(report.Title, 1);
        var generated = _t.IsJapanese
            ? $"{_t.Day(DateOnly.FromDateTime(report.GeneratedAtUtc))} {report.GeneratedAtUtc.ToString("HH:mm", CultureInfo.InvariantCulture)}"
            : report.GeneratedAtUtc.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture);
        pages.Paragraph(_t.Format("Generated {0} UTC from the Digital Partnership Portal. {1}.", generated,
            string.Join(" · ", report.FilterLines.Select(line => _t.Format("{0}: {1}", line.Label, line.Value)))), 8.5, brush: Grey);
        pages.Y += 4;

        if (report.Totals.Total == 0)
        {
            pages.BeginSection();
            pages.Heading(_t["No deliverable matches these filters"], 2);
            pages.Paragraph(_t["Nothing was counted, so this briefing has no figures, lists or charts. Widen the filters on the reports page "
                + "(for example another area, status or Council) and export again."], 10);
            pages.End();
            return;
        }

        Summary(pages, report);
        KeyIssuesAtAGlance(pages, report);
        ChangesAtAGlance(pages, report);
    }

    private void Summary(PageCursor pages, ProgressReport report)
    {
        var totals = report.Totals;
        pages.BeginSection();
        pages.Heading(_t["Summary"], 2);
        Tiles(pages, [
            // The heading's word, not a lower-case key: a resource file cannot hold two keys that differ only in case.
            (Count(totals.Total), _t.IsJapanese ? _t["Deliverables"] : totals.Total == 1 ? "deliverable" : "deliverables"),
            ($"{totals.CompletedPercent:0}%", _t["completed (of those not discontinued)"]),
            (Count(report.OverdueCount), _t.IsJapanese ? _t["Overdue"] : "overdue"),
            (Count(report.AtRiskOrDelayedCount), _t["at risk or delayed, not overdue"]),
            (report.ChangesSince is null ? "–" : Count(report.ChangeCount), _t[report.ChangesSince is null ? "changes (no Council date)" : "changes since the last Council"]),
        ]);
        var byStatus = _t.Format("By status: {0}.", string.Join(_t.Comma, DeliverableStatusText.All.Select(s =>
            _t.Format("{0} {1} ({2}%)", Count(totals[s]), _t.StatusInSentence(s), totals.Percent(s).ToString("0", CultureInfo.InvariantCulture)))));
        pages.Figure(byStatus, 34, top => StatusBar(pages, totals, top));
        pages.End();
    }

    /// <summary>Headline figures as a row of tiles, each a paragraph: "1,234 overdue".</summary>
    private void Tiles(PageCursor pages, IReadOnlyList<(string Figure, string Label)> tiles)
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

    private void StatusBar(PageCursor pages, StatusTally totals, double top)
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

    private void KeyIssuesAtAGlance(PageCursor pages, ProgressReport report)
    {
        pages.BeginSection();
        pages.Heading(_t["Key issues"], 2);
        if (report.KeyIssueCount == 0)
        {
            pages.Paragraph(_t.Format("Nothing is overdue, at risk or delayed on {0}.", _t.Day(report.ReportDate)), 10);
            pages.End();
            return;
        }

        pages.Paragraph(_t.Format("{0} need attention: {1} overdue and {2} at risk or delayed. The reason given is the note of each one's latest change.",
            Deliverables(report.KeyIssueCount), Count(report.OverdueCount), Count(report.AtRiskOrDelayedCount)), 9.5);
        OverdueTable(pages, report, KeyIssuesOnFirstPage, continued: false);
        AtRiskOrDelayedTable(pages, report, KeyIssuesOnFirstPage, continued: false);
        if (report.OverdueCount > KeyIssuesOnFirstPage || report.AtRiskOrDelayedCount > KeyIssuesOnFirstPage)
        {
            pages.Paragraph(_t["More key issues follow under “Key issues in full”."], 8.5, brush: Grey);
        }

        pages.End();
    }

    private void OverdueTable(PageCursor pages, ProgressReport report, int rows, bool continued)
    {
        if (report.OverdueCount == 0 || (continued && report.Overdue.Count <= KeyIssuesOnFirstPage))
        {
            return;
        }

        var listed = report.Overdue.Skip(continued ? KeyIssuesOnFirstPage : 0).Take(rows).ToList();
        pages.Heading(_t.Format(continued ? "Overdue, continued ({0})" : "Overdue ({0})", Count(report.OverdueCount)), 3);
        pages.Table(Words("Deliverable", "Status", "Target", "Leads", "Latest note (the reason)"), [150, 55, 62, 88, 140],
            listed.Select(o => new[]
            {
                o.Title, _t.Status(o.Status), _t.Format("{0}\n{1} days late", Iso(o.TargetDate), Count(o.DaysOverdue)), o.Leads,
                o.LatestNote ?? _t["No note with the latest change."],
            }));
        var shown = (continued ? KeyIssuesOnFirstPage : 0) + listed.Count;
        if (report.OverdueCount > shown && continued)
        {
            pages.Paragraph(_t.Format("The {0} most overdue of {1} are listed: {2} more in the XLSX (every deliverable with its status and target date).",
                Count(shown), Count(report.OverdueCount), Count(report.OverdueCount - shown)), 8.5, brush: Grey);
        }
    }

    private void AtRiskOrDelayedTable(PageCursor pages, ProgressReport report, int rows, bool continued)
    {
        if (report.AtRiskOrDelayedCount == 0 || (continued && report.AtRiskOrDelayed.Count <= KeyIssuesOnFirstPage))
        {
            return;
        }

        var listed = report.AtRiskOrDelayed.Skip(continued ? KeyIssuesOnFirstPage : 0).Take(rows).ToList();
        var count = Count(report.AtRiskOrDelayedCount);
        pages.Heading(_t.Format(continued ? "At risk or delayed, continued ({0})" : "At risk or delayed ({0})", count), 3);
        pages.Table(Words("Deliverable", "Status", "Target", "Leads", "Latest note (the reason)"), [150, 55, 62, 88, 140],
            listed.Select(d => new[]
            {
                d.Title, _t.Status(d.Status), d.TargetDate is { } t ? Iso(t) : _t["none"], d.Leads, d.LatestNote ?? _t["No note with the latest change."],
            }));
        var shown = (continued ? KeyIssuesOnFirstPage : 0) + listed.Count;
        if (report.AtRiskOrDelayedCount > shown && continued)
        {
            pages.Paragraph(_t.Format("{0} of {1} are listed, the nearest target first: {2} more in the XLSX.",
                Count(shown), count, Count(report.AtRiskOrDelayedCount - shown)), 8.5, brush: Grey);
        }
    }

    private void ChangesAtAGlance(PageCursor pages, ProgressReport report)
    {
        pages.BeginSection();
        if (report.ChangesSince is null)
        {
            pages.Heading(_t["What changed since the last Council"], 2);
            pages.Paragraph(_t["No Council meeting has a date in its text, so there is no “last Council” to count from. "
                + "Choose a day under “Changes since” on the reports page to see what changed."], 9.5);
            pages.End();
            return;
        }

        pages.Heading(_t.Format("What changed since {0}", report.ChangesSinceLabel ?? ""), 2);
        var summary = report.ChangeSummary;
        if (report.ChangeCount == 0)
        {
            pages.Paragraph(_t["No status has changed since then."], 9.5);
        }
        else
        {
            var moves = summary.MovedTo.NonZero.Select(m => _t.IsJapanese ? $"{_t.Status(m.Status)}へ {Count(m.Count)} 件"
                : $"{Count(m.Count)} to {_t.StatusInSentence(m.Status)}").ToList();
            pages.Paragraph(_t.Format(report.ChangeCount == 1 ? "{0} change" : "{0} changes", Count(report.ChangeCount)) + (_t.IsJapanese ? "：" : ": ")
                + (summary.Added > 0 ? _t.Format("{0} added", Deliverables(summary.Added)) : _t["no deliverable added"])
                + (moves.Count > 0 ? _t.Format("; moves {0}", string.Join(_t.Comma, moves)) : "") + (_t.IsJapanese ? "。" : ". ")
                + _t["The changes are listed, the latest first, at the end of this briefing."], 9.5);
        }

        pages.End();
    }

    private void KeyIssuesInFull(PageCursor pages, ProgressReport report)
    {
        if (report.Overdue.Count <= KeyIssuesOnFirstPage && report.AtRiskOrDelayed.Count <= KeyIssuesOnFirstPage)
        {
            return;
        }

        pages.NewPage();
        pages.BeginSection();
        pages.Heading(_t["Key issues in full"], 2);
        OverdueTable(pages, report, RowsPerList - KeyIssuesOnFirstPage, continued: true);
        AtRiskOrDelayedTable(pages, report, RowsPerList - KeyIssuesOnFirstPage, continued: true);
        pages.End();
    }

    private void OutcomeSections(PageCursor pages, ProgressReport report, CancellationToken ct)
    {
        pages.NewPage();
        pages.BeginSection();
        pages.Heading(_t["Key outcomes"], 2);
        pages.Paragraph(_t["One section per key outcome of the Councils, in the order of their texts. Each deliverable is listed once, "
            + "under its outcome, with its status on the report date, its leads, its target and the note of its latest change."], 9);
        foreach (var section in report.OutcomeSections)
        {
            ct.ThrowIfCancellationRequested();
            var outcome = section.Outcome;
            pages.BeginSection();
            pages.Heading(outcome.Title, 3);
            pages.Paragraph(_t.Format("{0} · {1}: {2}", outcome.Meeting, Deliverables(outcome.Counts.Total), Describe(outcome.Counts)), 8.5, brush: Grey);
            pages.Table(Words("Deliverable", "Status", "Target", "Leads", "Latest note"), [160, 62, 62, 85, 126],
                section.Deliverables.Select(d => new[]
                {
                    d.Title, _t.Status(d.Status) + (d.Progress is { } p ? $" ({p}%)" : ""), d.TargetDate is { } t ? Iso(t) : "", d.Leads, d.LatestNote ?? "",
                }));
            if (section.NotListed > 0)
            {
                pages.Paragraph(_t.Format("The first {0} of {1} are listed: {2} more in the XLSX.",
                    Count(section.Deliverables.Count), Count(outcome.Counts.Total), Count(section.NotListed)), 8.5, brush: Grey);
            }

            pages.End();
        }

        var withoutSection = report.ByOutcome.Skip(report.OutcomeSections.Count).ToList();
        if (withoutSection.Count > 0)
        {
            pages.Paragraph(_t.Format("{0} more key outcomes, with {1}, have no section here: the XLSX lists every deliverable with its outcome.",
                Count(withoutSection.Count), Deliverables(withoutSection.Sum(o => o.Counts.Total))), 9, brush: Grey);
        }

        pages.End();
    }

    /// <summary>Per Council: its deliverables carried over from an earlier Council and those new there, as on the reports page.</summary>
    private void FollowThrough(PageCursor pages, ProgressReport report)
    {
        if (report.ByCouncil.Count == 0)
        {
            return;
        }

        pages.BeginSection();
        pages.Heading(_t["From one Council to the next"], 2);
        pages.Paragraph(_t["Each Council's deliverables: those that carry on a commitment of an earlier Council, and those new at that Council."], 9);
        pages.Table(Words("Council", "Carried over from an earlier Council", "New at this Council", "Deliverables"), [205, 120, 90, 70],
            report.ByCouncil.Select(c => (string[])[c.Council, Count(c.CarriedOver), Count(c.New), Count(c.Deliverables)]));
        pages.End();
    }

    private void FiguresByArea(PageCursor pages, ProgressReport report, CancellationToken ct)
    {
        if (report.ByArea.Count == 0)
        {
            return;
        }

        pages.NewPage();
        pages.BeginSection();
        pages.Heading(_t["Figures by area"], 2);
        pages.Paragraph(_t["A deliverable filed under several areas of cooperation is counted in each of them, so the areas add up to more "
            + "than the total; it is listed once, under the first of its areas."], 9);
        var statuses = DeliverableStatusText.All;
        pages.Table([_t["Area"], .. statuses.Select(_t.Status), _t["Total"]], [115, .. statuses.Select(_ => 55.0), 50],
            report.ByArea.Select(a => (string[])[a.Name, .. statuses.Select(s => Count(a.Counts[s])), Count(a.Counts.Total)]));
        if (report.WithoutArea > 0)
        {
            pages.Paragraph(_t.Format(report.WithoutArea == 1 ? "{0} filed under no area is counted in the totals only." : "{0} filed under no area are counted in the totals only.",
                Deliverables(report.WithoutArea)), 8.5, brush: Grey);
        }

        pages.Y += 6;
        StatusByAreaChart(pages, report.ByArea);

        pages.BeginSection();
        pages.Heading(_t["Deliverables by area"], 3);
        foreach (var area in report.ByArea)
        {
            ct.ThrowIfCancellationRequested();
            var rows = report.AreaRows.TryGetValue(area.AreaId, out var found) ? found : [];
            pages.Paragraph($"{area.Name} · {Deliverables(area.Counts.Total)}", 9.5, bold: true);
            if (rows.Count > 0)
            {
                pages.Table(Words("Deliverable", "Status", "Key outcome"), [230, 70, 195], rows.Select(r => new[] { r.Title, _t.Status(r.Status), r.Outcome }));
            }

            var note = rows.Count >= ProgressReportBuilder.RowsPerArea
                ? _t.Format("The first {0} filed first under this area are listed; the XLSX lists every deliverable with its areas.", Count(rows.Count))
                : area.Counts.Total > rows.Count
                    ? _t.Format(area.Counts.Total - rows.Count == 1 ? "{0} more is filed under an earlier area too and listed there."
                        : "{0} more are filed under an earlier area too and listed there.", Count(area.Counts.Total - rows.Count))
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

    private void StatusByAreaChart(PageCursor pages, IReadOnlyList<AreaProgress> areas)
    {
        const double barHeight = 12, gap = 5, labelWidth = 150;
        var height = 36 + areas.Count * (barHeight + gap);
        var alt = _t.Format("Status by area, a bar chart: {0}.", string.Join(_t.IsJapanese ? "。" : "; ",
            areas.Select(a => _t.Format("{0}: {1} ({2})", a.Name, Count(a.Counts.Total), Describe(a.Counts)))));
        pages.Figure(alt, height, top =>
        {
            pages.DrawText(_t["Status by area"], PageCursor.Margin, top + 11, true, 11);
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

    private void ProgressOverTime(PageCursor pages, ProgressReport report)
    {
        var months = report.ProgressOverTime;
        if (months.Count < 2)
        {
            return;
        }

        const double chartHeight = 170;
        pages.BeginSection();
        pages.Heading(_t["Progress over time"], 2);
        var first = months[0];
        var last = months[^1];
        var alt = _t.Format("Deliverables by status at each month end, a stacked column chart from {0} to {1}. At the start: {2}. At the end: {3}.",
            Month(first.MonthEnd), Month(last.MonthEnd), Describe(first.Counts), Describe(last.Counts));
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

    private void Legend(PageCursor pages, double top)
    {
        var x = PageCursor.Margin;
        foreach (var status in DeliverableStatusText.All)
        {
            var left = x;
            var name = _t.Status(status);
            pages.Draw(gfx => gfx.DrawRectangle(new XSolidBrush(StatusColor(status)), left, top + 2, 8, 8));
            pages.DrawText(name, x + 11, top + 9, false, 8);
            x += 14 + pages.Width(name, false, 8) + 10;
        }
    }

    private void Changes(PageCursor pages, ProgressReport report)
    {
        if (report.ChangesSince is null || report.ChangeCount == 0)
        {
            return;
        }

        pages.NewPage();
        pages.BeginSection();
        pages.Heading(_t.Format("Changes since {0}", report.ChangesSinceLabel ?? ""), 2);
        var listed = report.Changes.Take(RowsPerList).ToList();
        pages.Table(Words("When (UTC)", "Deliverable", "Change", "By", "Note"), [62, 160, 95, 80, 98],
            listed.Select(c => new[]
            {
                c.ChangedAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), c.DeliverableTitle,
                Transition(c) + (c.Progress is { } p ? $" ({p}%)" : ""), c.ChangedBy, c.Note ?? "",
            }));
        if (report.ChangeCount > listed.Count)
        {
            pages.Paragraph(_t.Format("The latest {0} of {1} changes are listed: {2} more in the XLSX.",
                Count(listed.Count), Count(report.ChangeCount), Count(report.ChangeCount - listed.Count)), 8.5, brush: Grey);
        }

        pages.End();
    }

    internal static XColor StatusColor(DeliverableStatus status) =>
        XColor.FromArgb(unchecked((int)(0xFF000000 | Convert.ToUInt32(status.Colour()[1..], 16))));

    /// <summary>"3 in progress, 1 completed", "進行中 3 件、完了 1 件".</summary>
    private string Describe(StatusTally counts) =>
        string.Join(_t.Comma, counts.NonZero.Select(c => _t.Format("{0} {1}", Count(c.Count), _t.StatusInSentence(c.Status))));

    private string Deliverables(int count) => _t.Deliverables(count);

    /// <summary>Column headings in the reader's language.</summary>
    private string[] Words(params string[] english) => english.Select(word => _t[word]).ToArray();

    /// <summary>"In progress → Completed", or "New: Not started", in the reader's language (<see cref="ReportChange.Transition"/>).</summary>
    private string Transition(ReportChange change) => _t.IsJapanese
        ? change.FromStatus is { } from ? $"{_t.Status(from)} → {_t.Status(change.ToStatus)}" : _t.Format("New: {0}", _t.Status(change.ToStatus))
        : change.Transition;

    /// <summary>"May 2024", "2024年5月".</summary>
    private string Month(DateOnly monthEnd) => _t.IsJapanese
        ? monthEnd.ToString("yyyy年M月", CultureInfo.InvariantCulture)
        : monthEnd.ToString("MMMM yyyy");

    private static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
