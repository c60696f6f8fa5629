using System.Text;

namespace DigitalPartnership.Core.Importing;

/// <summary>Reads a Council text file strictly: it must exist, be UTF-8 and hold text.</summary>
public static class CouncilTextFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<string> ReadAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw new CouncilTextException($"{path}: no such file");
        }

        var bytes = await File.ReadAllBytesAsync(path, ct);
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new CouncilTextException($"{path}: not UTF-8 text (save it as UTF-8 and try again)");
        }

        text = text.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CouncilTextException($"{path}: the file is empty");
        }

        if (text.Contains('\0'))
        {
            throw new CouncilTextException($"{path}: not a text file");
        }

        return text;
    }
}
