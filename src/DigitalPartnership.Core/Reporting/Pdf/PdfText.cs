using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DigitalPartnership.Core.Reporting.Pdf;

/// <summary>
/// Measures, wraps and draws text in the report's fonts. PDFsharp draws a string in one font, so text is cut into runs:
/// what the Latin face covers stays in it, the rest (Japanese) goes to the CJK face.
/// </summary>
internal sealed class PdfText(ReportFontResolver fonts)
{
    private readonly Dictionary<(bool Bold, double Size, bool Cjk), XFont> _fonts = [];

    public XFont Font(bool bold, double size, bool cjk = false)
    {
        var key = (bold, size, cjk && fonts.Files.Cjk is not null);
        if (!_fonts.TryGetValue(key, out var font))
        {
            font = new XFont(key.Item3 ? ReportFontResolver.Cjk : ReportFontResolver.Sans, size,
                bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
            _fonts[key] = font;
        }

        return font;
    }

    public double Width(XGraphics gfx, string text, bool bold, double size) =>
        Runs(text, bold, size).Sum(run => gfx.MeasureString(run.Text, run.Font).Width);

    public void Draw(XGraphics gfx, string text, double x, double baseline, bool bold, double size, XBrush? brush = null)
    {
        foreach (var (run, font) in Runs(text, bold, size))
        {
            gfx.DrawString(run, font, brush ?? XBrushes.Black, x, baseline, XStringFormats.BaseLineLeft);
            x += gfx.MeasureString(run, font).Width;
        }
    }

    /// <summary>Lines no wider than <paramref name="width"/>: breaks at spaces, and between any two Japanese characters.</summary>
    public IReadOnlyList<string> Wrap(XGraphics gfx, string text, double width, bool bold, double size)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = new StringBuilder();
            var lineWidth = 0.0;
            foreach (var token in Tokens(paragraph))
            {
                var isSpace = string.IsNullOrWhiteSpace(token);
                if (isSpace && line.Length == 0)
                {
                    continue;
                }

                var tokenWidth = Width(gfx, token, bold, size);
                if (lineWidth + tokenWidth <= width)
                {
                    line.Append(token);
                    lineWidth += tokenWidth;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line.ToString().TrimEnd());
                    line.Clear();
                    lineWidth = 0;
                }

                if (isSpace)
                {
                    continue;
                }

                if (tokenWidth <= width)
                {
                    line.Append(token);
                    lineWidth = tokenWidth;
                    continue;
                }

                // A word wider than the column (a long address): cut it where it has to be.
                foreach (var rune in token.EnumerateRunes())
                {
                    var runeWidth = Width(gfx, rune.ToString(), bold, size);
                    if (lineWidth + runeWidth > width && line.Length > 0)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                        lineWidth = 0;
                    }

                    line.Append(rune.ToString());
                    lineWidth += runeWidth;
                }
            }

            lines.Add(line.ToString().TrimEnd());
        }

        return lines;
    }

    private IEnumerable<(string Text, XFont Font)> Runs(string text, bool bold, double size)
    {
        var run = new StringBuilder();
        bool? runIsCjk = null;
        foreach (var rune in text.EnumerateRunes())
        {
            var cjk = fonts.Files.Cjk is not null && !Rune.IsWhiteSpace(rune) && !fonts.RegularCoverage.Has(rune.Value);
            if (runIsCjk is { } current && current != cjk && run.Length > 0)
            {
                yield return (run.ToString(), Font(bold, size, current));
                run.Clear();
            }

            runIsCjk = cjk;
            run.Append(rune.ToString());
        }

        if (run.Length > 0)
        {
            yield return (run.ToString(), Font(bold, size, runIsCjk ?? false));
        }
    }

    /// <summary>Words, runs of spaces, and single Japanese characters (Japanese may break between any two).</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var word = new StringBuilder();
        var inSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var space = Rune.IsWhiteSpace(rune);
            if (BreaksAnywhere(rune.Value))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                yield return rune.ToString();
                inSpace = false;
                continue;
            }

            if (word.Length > 0 && space != inSpace)
            {
                yield return word.ToString();
                word.Clear();
            }

            inSpace = space;
            word.Append(rune.ToString());
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static bool BreaksAnywhere(int c) =>
        c is >= 0x3000 and <= 0x30FF or >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF
            or >= 0xFF00 and <= 0xFFEF or >= 0x20000 and <= 0x3FFFF;
}
