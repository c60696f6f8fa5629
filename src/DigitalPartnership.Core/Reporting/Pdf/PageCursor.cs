using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace DigitalPartnership.Core.Reporting.Pdf;

/// <summary>
/// Lays a briefing out on A4 pages: where the next line goes, and a new page when the next block would not fit. It
/// records what to draw rather than drawing, and <see cref="Paint"/> draws every page once the layout is done. Two
/// reasons: the footer says "Page n of m", and a tagged PDF (PDFsharp's <see cref="StructureBuilder"/>) lets a page
/// be drawn only while it is the newest page, so nothing can be added to earlier pages afterwards. Text is measured
/// once, during layout, on a measuring context.
/// </summary>
/// <remarks>
/// Every drawing is inside a structure element (heading, paragraph, table cell, figure) or an artifact (rules, fills,
/// repeated table headers, footers): PDFsharp refuses untagged drawing in a tagged document, and a screen reader then
/// reads exactly the content, in the order it was laid out.
/// </remarks>
internal sealed class PageCursor(PdfText text, XGraphics measure)
{
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;
    public const double Margin = 50;
    public const double ContentWidth = PageWidth - 2 * Margin;
    private const double Bottom = PageHeight - 60;

    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(230, 236, 244));
    private static readonly XPen RowRule = new(XColor.FromArgb(215, 215, 215), 0.5);
    private static readonly XPen HeadingRule = new(XColor.FromArgb(11, 61, 145), 1);

    private readonly List<List<Action<PagePainter>>> _pages = [];

    public PdfText Text => text;

    /// <summary>Where the next block starts on the current page, from the top edge, in points.</summary>
    public double Y { get; set; }

    /// <summary>The number of the page being laid out, from 1.</summary>
    public int PageNumber => _pages.Count;

    private List<Action<PagePainter>> Current => _pages.Count == 0 ? NewPage() : _pages[^1];

    public List<Action<PagePainter>> NewPage()
    {
        _pages.Add([]);
        Y = Margin;
        return _pages[^1];
    }

    public void EnsureRoom(double height)
    {
        if (_pages.Count == 0 || Y + height > Bottom)
        {
            NewPage();
        }
    }

    public double Width(string content, bool bold, double size) => text.Width(measure, content, bold, size);

    public IReadOnlyList<string> Wrap(string content, double width, bool bold, double size) => text.Wrap(measure, content, width, bold, size);

    /// <summary>Starts a grouping element (<c>Sect</c>): a briefing's part, which its heading names.</summary>
    public void BeginSection() => Record(p => p.Structure.BeginElement(PdfGroupingElementTag.Section));

    /// <summary>Starts a paragraph (P) whose text the caller places itself, as in a tile; <see cref="End"/> closes it.</summary>
    public void BeginParagraph() => Record(p => p.Structure.BeginElement(PdfBlockLevelElementTag.Paragraph));

    public void End() => Record(p => p.Structure.End());

    /// <summary>A heading, tagged H1–H3; levels 2 and 3 are also bookmarks (level 3 under the last level 2).</summary>
    public void Heading(string heading, int level)
    {
        var size = level switch { 1 => 20, 2 => 15, _ => 11.5 };
        var lines = Wrap(heading, ContentWidth, true, size);
        // A heading keeps some of what follows on its page.
        EnsureRoom(lines.Count * size * 1.3 + (level == 1 ? 0 : 70));
        Y += level == 2 ? 8 : 4;
        var tag = level switch { 1 => PdfBlockLevelElementTag.Heading1, 2 => PdfBlockLevelElementTag.Heading2, _ => PdfBlockLevelElementTag.Heading3 };
        var top = Y;
        Record(p =>
        {
            p.Bookmark(heading, level, top);
            p.Structure.BeginElement(tag);
        });
        var brush = level == 3 ? XBrushes.Black : Navy;
        foreach (var line in lines)
        {
            var baseline = Y + size;
            Record(p => text.Draw(p.Graphics, line, Margin, baseline, true, size, brush));
            Y += size * 1.3;
        }

        End();
        if (level == 2)
        {
            var y = Y + 1;
            Artifact(p => p.Graphics.DrawLine(HeadingRule, Margin, y, Margin + ContentWidth, y));
            Y += 8;
        }
        else
        {
            Y += 3;
        }
    }

    /// <summary>A paragraph (tagged P) that wraps, and flows onto the next page when it must.</summary>
    public void Paragraph(string content, double size, bool bold = false, XBrush? brush = null)
    {
        var lineHeight = size * 1.35;
        Record(p => p.Structure.BeginElement(PdfBlockLevelElementTag.Paragraph));
        foreach (var line in Wrap(content, ContentWidth, bold, size))
        {
            EnsureRoom(lineHeight);
            var baseline = Y + size;
            Record(p => text.Draw(p.Graphics, line, Margin, baseline, bold, size, brush));
            Y += lineHeight;
        }

        End();
    }

    /// <summary>
    /// A figure (a chart), tagged with its alternative text and bounding box, on one page: <paramref name="draw"/> gets
    /// the figure's top and draws with <see cref="Draw"/>.
    /// </summary>
    public void Figure(string alternativeText, double height, Action<double> draw)
    {
        EnsureRoom(height);
        var top = Y;
        // The bounding box in PDF user space, whose origin is the bottom left corner.
        var box = new XRect(Margin, PageHeight - top - height, ContentWidth, height);
        Record(p => p.Structure.BeginElement(PdfIllustrationElementTag.Figure, alternativeText, box));
        draw(top);
        End();
        Y = top + height;
    }

    /// <summary>Draws on the current page inside the element being laid out (a figure's shapes and labels).</summary>
    public void Draw(Action<XGraphics> drawing) => Record(p => drawing(p.Graphics));

    public void DrawText(string content, double x, double baseline, bool bold, double size, XBrush? brush = null) =>
        Record(p => text.Draw(p.Graphics, content, x, baseline, bold, size, brush));

    /// <summary>Decoration a reader need not hear (rules, fills): marked as an artifact.</summary>
    public void Artifact(Action<PagePainter> drawing) => Record(p =>
    {
        p.Structure.BeginArtifact();
        drawing(p);
        p.Structure.End();
    });

    /// <summary>
    /// A table whose cells wrap, tagged Table/THead/TBody/TR/TH/TD; a row never splits across pages, and a new page
    /// repeats the header (as an artifact: a reader hears it once). Without a header, each row's first cell is its
    /// header (TH), as in a list of label and value.
    /// </summary>
    public void Table(IReadOnlyList<string> headings, IReadOnlyList<double> widths, IEnumerable<string[]> rows, bool header = true,
        Func<int, XBrush?>? columnBrush = null)
    {
        const double size = 8.5, padding = 3;
        const double lineHeight = size * 1.3;
        var headingLines = headings.Select((heading, i) => Wrap(heading, widths[i] - 2 * padding, true, size)).ToList();
        var headerHeight = headingLines.Max(lines => lines.Count) * lineHeight + 2 * padding;
        var tableWidth = widths.Sum();

        void DrawHeader(bool repeated)
        {
            var top = Y;
            Artifact(p => p.Graphics.DrawRectangle(HeaderFill, Margin, top, tableWidth, headerHeight));
            if (repeated)
            {
                Artifact(p => DrawHeadings(p.Graphics, top));
            }
            else
            {
                Record(p =>
                {
                    p.Structure.BeginElement(PdfBlockLevelElementTag.TableHeadRowGroup);
                    p.Structure.BeginElement(PdfBlockLevelElementTag.TableRow);
                });
                var x = Margin;
                for (var i = 0; i < headings.Count; i++)
                {
                    var left = x;
                    var lines = headingLines[i];
                    Record(p =>
                    {
                        p.Structure.BeginElement(PdfBlockLevelElementTag.TableHeaderCell);
                        p.Structure.CurrentStructureElement.TableAttributes.Elements.SetName("/Scope", "/Column");
                        DrawLines(p.Graphics, lines, left, top);
                        p.Structure.End();
                    });
                    x += widths[i];
                }

                Record(p =>
                {
                    p.Structure.End();
                    p.Structure.End();
                });
            }

            Y += headerHeight;
        }

        void DrawHeadings(XGraphics gfx, double top)
        {
            var x = Margin;
            for (var i = 0; i < headings.Count; i++)
            {
                DrawLines(gfx, headingLines[i], x, top);
                x += widths[i];
            }
        }

        void DrawLines(XGraphics gfx, IReadOnlyList<string> lines, double left, double top)
        {
            for (var line = 0; line < lines.Count; line++)
            {
                text.Draw(gfx, lines[line], left + padding, top + padding + size + line * lineHeight, true, size);
            }
        }

        EnsureRoom((header ? headerHeight : 0) + 3 * lineHeight);
        Record(p => p.Structure.BeginElement(PdfBlockLevelElementTag.Table));
        if (header)
        {
            DrawHeader(repeated: false);
        }

        Record(p => p.Structure.BeginElement(PdfBlockLevelElementTag.TableBodyRowGroup));
        foreach (var row in rows)
        {
            var cells = row.Select((cell, i) => Wrap(cell, widths[i] - 2 * padding, !header && i == 0, size)).ToList();
            var height = cells.Max(c => c.Count) * lineHeight + 2 * padding;
            if (Y + height > Bottom)
            {
                NewPage();
                if (header)
                {
                    DrawHeader(repeated: true);
                }
            }

            var top = Y;
            Record(p => p.Structure.BeginElement(PdfBlockLevelElementTag.TableRow));
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                var lines = cells[i];
                var left = x;
                var rowHeader = !header && i == 0;
                var brush = columnBrush?.Invoke(i);
                Record(p =>
                {
                    p.Structure.BeginElement(rowHeader ? PdfBlockLevelElementTag.TableHeaderCell : PdfBlockLevelElementTag.TableDataCell);
                    if (rowHeader)
                    {
                        p.Structure.CurrentStructureElement.TableAttributes.Elements.SetName("/Scope", "/Row");
                    }

                    for (var line = 0; line < lines.Count; line++)
                    {
                        text.Draw(p.Graphics, lines[line], left + padding, top + padding + size + line * lineHeight, rowHeader, size, brush);
                    }

                    p.Structure.End();
                });
                x += widths[i];
            }

            End();
            Y += height;
            var rule = Y;
            Artifact(p => p.Graphics.DrawLine(RowRule, Margin, rule, Margin + tableWidth, rule));
        }

        End();
        End();
        Y += 8;
    }

    /// <summary>
    /// Draws every page laid out into <paramref name="document"/>, tagged, with "Page n of m" and the title in the
    /// footer of each (artifacts). The document must have no pages yet.
    /// </summary>
    public void Paint(PdfDocument document, string title, ReportText words)
    {
        var ua = UAManager.ForDocument(document);
        var painter = new PagePainter(document, ua.StructureBuilder);
        for (var i = 0; i < _pages.Count; i++)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            using var gfx = XGraphics.FromPdfPage(page);
            painter.Begin(page, gfx);
            foreach (var draw in _pages[i])
            {
                draw(painter);
            }

            Footer(painter, i + 1, title, words);
            // Close what is open on this page before its graphics go: the next page opens its own marked content.
            ua.StructureBuilder.EndMarkedContentsWithId();
        }
    }

    private void Footer(PagePainter painter, int number, string title, ReportText words)
    {
        painter.Structure.BeginArtifact();
        var footer = words.Format("Page {0} of {1}", number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _pages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var y = PageHeight - 30;
        text.Draw(painter.Graphics, footer, Margin + ContentWidth - text.Width(painter.Graphics, footer, false, 8), y, false, 8);
        if (number > 1)
        {
            var shortTitle = text.Wrap(painter.Graphics, title, ContentWidth - 100, false, 8)[0];
            text.Draw(painter.Graphics, shortTitle, Margin, y, false, 8, XBrushes.Gray);
        }

        painter.Structure.End();
    }

    private void Record(Action<PagePainter> draw) => Current.Add(draw);

    public static readonly XBrush Navy = new XSolidBrush(XColor.FromArgb(11, 61, 145));
}

/// <summary>The page being drawn, its graphics and the document's structure and bookmarks, while the recorded layout is replayed.</summary>
internal sealed class PagePainter(PdfDocument document, StructureBuilder structure)
{
    private PdfOutline? _section;

    public StructureBuilder Structure => structure;

    public PdfPage Page { get; private set; } = null!;

    public XGraphics Graphics { get; private set; } = null!;

    public void Begin(PdfPage page, XGraphics graphics)
    {
        Page = page;
        Graphics = graphics;
    }

    /// <summary>A bookmark (outline) to the heading: level 2 at the top, level 3 under the last level 2.</summary>
    public void Bookmark(string title, int level, double top)
    {
        if (level < 2)
        {
            return;
        }

        var outlines = level == 2 || _section is null ? document.Outlines : _section.Outlines;
        var outline = outlines.Add(title, Page, opened: level == 2);
        // Top is in PDF user space, from the bottom edge.
        outline.PageDestinationType = PdfPageDestinationType.Xyz;
        outline.Top = PageCursor.PageHeight - top + 4;
        if (level == 2)
        {
            _section = outline;
        }
    }
}
