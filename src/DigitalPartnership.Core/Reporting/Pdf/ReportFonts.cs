using System.Buffers.Binary;
using PdfSharp.Fonts;

namespace DigitalPartnership.Core.Reporting.Pdf;

/// <summary>The font files a briefing is set in, found among the fonts the machine has installed.</summary>
/// <param name="Regular">A TrueType sans-serif face for Latin text (DejaVu Sans).</param>
/// <param name="Bold">Its bold face.</param>
/// <param name="Cjk">A TrueType face for what <paramref name="Regular"/> cannot render (Japanese), or null.</param>
public sealed record ReportFontFiles(string Regular, string Bold, string? Cjk)
{
    /// <summary>Debian's packages that provide the files looked for: fonts-dejavu-core, fonts-ipaexfont-gothic.</summary>
    public const string DebianPackages = "fonts-dejavu-core fonts-ipaexfont-gothic";

    private static readonly string[] RegularCandidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
    ];

    private static readonly string[] BoldCandidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
    ];

    // TrueType outlines only: PDFsharp cannot embed the CFF outlines of Noto CJK's .ttc/.otf files.
    private static readonly string[] CjkCandidates =
    [
        "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
        "/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf",
        "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
        "/usr/share/fonts/truetype/ipafont-gothic/ipag.ttf",
        "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
    ];

    /// <summary>
    /// The installed fonts, looking first in the directory named by the environment variable PORTAL_REPORT_FONTS (which
    /// may hold DejaVuSans.ttf, DejaVuSans-Bold.ttf and ipaexg.ttf), then in Debian's and other distributions' places.
    /// Null when no Latin regular and bold face is installed.
    /// </summary>
    public static ReportFontFiles? FindInstalled()
    {
        var directory = Environment.GetEnvironmentVariable("PORTAL_REPORT_FONTS");
        IEnumerable<string> Look(string[] candidates, string fileName) =>
            string.IsNullOrWhiteSpace(directory) ? candidates : candidates.Prepend(Path.Combine(directory, fileName));

        var regular = Look(RegularCandidates, "DejaVuSans.ttf").FirstOrDefault(File.Exists);
        var bold = Look(BoldCandidates, "DejaVuSans-Bold.ttf").FirstOrDefault(File.Exists);
        var cjk = Look(CjkCandidates, "ipaexg.ttf").FirstOrDefault(File.Exists);
        return regular is null || bold is null ? null : new ReportFontFiles(regular, bold, cjk);
    }

    /// <summary>Like <see cref="FindInstalled"/>, but says what to install when nothing is found.</summary>
    public static ReportFontFiles Require() => FindInstalled() ?? throw new ReportFontsMissingException(
        "No font for PDF reports: looked for DejaVu Sans (regular and bold) in " + string.Join(", ", RegularCandidates)
        + ". Install the Debian packages " + DebianPackages + " (apt-get install " + DebianPackages + "), "
        + "or put DejaVuSans.ttf, DejaVuSans-Bold.ttf and ipaexg.ttf in a directory named by PORTAL_REPORT_FONTS.");
}

/// <summary>No usable font is installed, so no PDF can be made; the message says what to install.</summary>
public sealed class ReportFontsMissingException(string message) : InvalidOperationException(message);

/// <summary>
/// Serves PDFsharp the report's font files by family name. PDFsharp has one font resolver per process, so the first
/// files registered are the ones every report uses.
/// </summary>
internal sealed class ReportFontResolver : IFontResolver
{
    public const string Sans = "Report Sans";
    public const string Cjk = "Report CJK";

    private static readonly Lock Gate = new();
    private static ReportFontResolver? _registered;

    private readonly ReportFontFiles _files;
    private readonly Dictionary<string, byte[]> _faces = [];

    private ReportFontResolver(ReportFontFiles files)
    {
        _files = files;
        RegularCoverage = Coverage.Read(File.ReadAllBytes(files.Regular));
    }

    public ReportFontFiles Files => _files;

    /// <summary>The characters the regular face has glyphs for; the others go to the CJK face.</summary>
    public Coverage RegularCoverage { get; }

    public static ReportFontResolver Register(ReportFontFiles files)
    {
        lock (Gate)
        {
            if (_registered is null)
            {
                _registered = new ReportFontResolver(files);
                GlobalFontSettings.FontResolver = _registered;
            }

            return _registered;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => familyName switch
    {
        Sans => new FontResolverInfo(bold ? "sans-bold" : "sans"),
        // The Japanese face has no bold: PDFsharp thickens it, as a word processor would.
        Cjk when _files.Cjk is not null => new FontResolverInfo("cjk", mustSimulateBold: bold, mustSimulateItalic: false),
        _ => null,
    };

    public byte[]? GetFont(string faceName)
    {
        lock (_faces)
        {
            if (!_faces.TryGetValue(faceName, out var bytes))
            {
                var path = faceName switch
                {
                    "sans" => _files.Regular,
                    "sans-bold" => _files.Bold,
                    "cjk" => _files.Cjk,
                    _ => null,
                };
                if (path is null)
                {
                    return null;
                }

                bytes = File.ReadAllBytes(path);
                _faces[faceName] = bytes;
            }

            return bytes;
        }
    }
}

/// <summary>Which characters a TrueType font maps to a glyph, read from its cmap table (formats 4 and 12).</summary>
internal sealed class Coverage
{
    private readonly HashSet<int> _codePoints;

    private Coverage(HashSet<int> codePoints) => _codePoints = codePoints;

    public bool Has(int codePoint) => _codePoints.Contains(codePoint);

    public static Coverage Read(ReadOnlySpan<byte> font)
    {
        var codePoints = new HashSet<int>();
        var tables = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        var cmap = -1;
        for (var i = 0; i < tables; i++)
        {
            var record = font[(12 + 16 * i)..];
            if (record[..4].SequenceEqual("cmap"u8))
            {
                cmap = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            }
        }

        if (cmap < 0)
        {
            return new Coverage(codePoints);
        }

        var subtables = BinaryPrimitives.ReadUInt16BigEndian(font[(cmap + 2)..]);
        for (var i = 0; i < subtables; i++)
        {
            var record = font[(cmap + 4 + 8 * i)..];
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(record[2..]);
            if (platform is not (0 or 3) || (platform == 3 && encoding is not (1 or 10)))
            {
                continue; // only Unicode subtables
            }

            var table = font[(cmap + (int)BinaryPrimitives.ReadUInt32BigEndian(record[4..]))..];
            switch (BinaryPrimitives.ReadUInt16BigEndian(table))
            {
                case 4:
                    ReadFormat4(table, codePoints);
                    break;
                case 12:
                    ReadFormat12(table, codePoints);
                    break;
            }
        }

        return new Coverage(codePoints);
    }

    private static void ReadFormat4(ReadOnlySpan<byte> table, HashSet<int> codePoints)
    {
        var segments = BinaryPrimitives.ReadUInt16BigEndian(table[6..]) / 2;
        var ends = 14;
        var starts = ends + 2 * segments + 2;
        var deltas = starts + 2 * segments;
        var rangeOffsets = deltas + 2 * segments;
        for (var s = 0; s < segments; s++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(table[(ends + 2 * s)..]);
            int start = BinaryPrimitives.ReadUInt16BigEndian(table[(starts + 2 * s)..]);
            int delta = BinaryPrimitives.ReadInt16BigEndian(table[(deltas + 2 * s)..]);
            int rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(table[(rangeOffsets + 2 * s)..]);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    var at = rangeOffsets + 2 * s + rangeOffset + 2 * (c - start);
                    glyph = at + 1 < table.Length ? BinaryPrimitives.ReadUInt16BigEndian(table[at..]) : 0;
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                if (glyph != 0)
                {
                    codePoints.Add(c);
                }
            }
        }
    }

    private static void ReadFormat12(ReadOnlySpan<byte> table, HashSet<int> codePoints)
    {
        var groups = BinaryPrimitives.ReadUInt32BigEndian(table[12..]);
        for (var g = 0; g < groups; g++)
        {
            var group = table[(16 + 12 * g)..];
            var start = (int)BinaryPrimitives.ReadUInt32BigEndian(group);
            var end = (int)BinaryPrimitives.ReadUInt32BigEndian(group[4..]);
            for (var c = start; c <= end && c <= 0x10FFFF; c++)
            {
                codePoints.Add(c);
            }
        }
    }
}
