using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DigitalPartnership.Core.Reporting.Pdf;

/// <summary>Where the next line goes on A4 pages; starts a page when the next block would not fit.</summary>
internal sealed class PageCursor(PdfDocument document, PdfText text, string title)
{
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;
    public const double Margin = 50;
    public const double ContentWidth = PageWidth - 2 * Margin;
    private const double Bottom = PageHeight - 60;

    private XGraphics? _graphics;

    public PdfText Text => text;

    public double Y { get; set; }

    public XGraphics Graphics => _graphics ?? NewPage();

    public XGraphics NewPage()
    {
        _graphics?.Dispose();
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        _graphics = XGraphics.FromPdfPage(page);
        Y = Margin;
        return _graphics;
    }

    public void EnsureRoom(double height)
    {
        if (_graphics is null || Y + height > Bottom)
        {
            NewPage();
        }
    }

    public void Heading(string heading)
    {
        EnsureRoom(60);
        Y += 8;
        Paragraph(heading, 16, bold: true);
        Graphics.DrawLine(new XPen(XColors.SteelBlue, 1), Margin, Y, Margin + ContentWidth, Y);
        Y += 8;
    }

    public void Paragraph(string content, double size, bool bold = false, XBrush? brush = null)
    {
        var lineHeight = size * 1.35;
        foreach (var line in text.Wrap(Graphics, content, ContentWidth, bold, size))
        {
            EnsureRoom(lineHeight);
            text.Draw(Graphics, line, Margin, Y + size, bold, size, brush);
            Y += lineHeight;
        }
    }

    /// <summary>A table whose cells wrap; a row never splits across pages, and a new page repeats the header.</summary>
    public void Table(IReadOnlyList<string> headings, IReadOnlyList<double> widths, IEnumerable<string[]> rows, bool header = true)
    {
        const double size = 8.5, padding = 3;
        const double lineHeight = size * 1.3;
        var headerHeight = lineHeight + 2 * padding;

        void Header()
        {
            if (!header)
            {
                return;
            }

            Graphics.DrawRectangle(new XSolidBrush(XColor.FromArgb(230, 236, 244)), Margin, Y, widths.Sum(), headerHeight);
            var x = Margin;
            for (var i = 0; i < headings.Count; i++)
            {
                text.Draw(Graphics, headings[i], x + padding, Y + padding + size, true, size);
                x += widths[i];
            }

            Y += headerHeight;
        }

        EnsureRoom(headerHeight + 3 * lineHeight);
        Header();
        foreach (var row in rows)
        {
            var cells = row.Select((cell, i) => text.Wrap(Graphics, cell, widths[i] - 2 * padding, !header && i == 0, size)).ToList();
            var height = cells.Max(c => c.Count) * lineHeight + 2 * padding;
            if (Y + height > Bottom)
            {
                NewPage();
                Header();
            }

            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                for (var line = 0; line < cells[i].Count; line++)
                {
                    text.Draw(Graphics, cells[i][line], x + padding, Y + padding + size + line * lineHeight, !header && i == 0, size);
                }

                x += widths[i];
            }

            Y += height;
            Graphics.DrawLine(new XPen(XColor.FromArgb(215, 215, 215), 0.5), Margin, Y, Margin + widths.Sum(), Y);
        }

        Y += 8;
    }

    /// <summary>Numbers every page "Page n of m" once the number of pages is known.</summary>
    public void Finish()
    {
        _graphics?.Dispose();
        _graphics = null;
        var count = document.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var gfx = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var footer = $"Page {i + 1} of {count}";
            var y = PageHeight - 30;
            text.Draw(gfx, footer, Margin + ContentWidth - text.Width(gfx, footer, false, 8), y, false, 8);
            if (i > 0)
            {
                var shortTitle = text.Wrap(gfx, title, ContentWidth - 100, false, 8)[0];
                text.Draw(gfx, shortTitle, Margin, y, false, 8, XBrushes.Gray);
            }
        }
    }
}
