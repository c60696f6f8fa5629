using System.Text;

namespace DigitalPartnership.Web.Pages.Shared;

/// <summary>
/// The language of a text the portal did not write (a title, a summary, a note, a name) where it differs from the
/// page's: <c>lang="ja"</c> on a mostly Japanese title in the English interface, <c>lang="en"</c> on an English title in
/// the Japanese one, so a screen reader speaks each with the right voice and the browser picks the right glyphs. Views
/// write <c>lang="@TextLanguage.Lang(title)"</c>; Razor leaves the attribute out when this gives null.
/// </summary>
public static class TextLanguage
{
    /// <summary>The text's language when the page is written in another one; null when the page's own holds.</summary>
    public static string? Lang(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var language = IsMostlyJapanese(text) ? Hosting.PortalCultures.Japanese.Name : Hosting.PortalCultures.English.Name;
        return language == Hosting.PortalCultures.Language ? null : language;
    }

    /// <summary>At least half of the text's letters are kana or kanji.</summary>
    public static bool IsMostlyJapanese(string text)
    {

        int letters = 0, japanese = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune))
            {
                continue;
            }

            letters++;
            if (IsJapaneseScript(rune.Value))
            {
                japanese++;
            }
        }

        return japanese > 0 && japanese * 2 >= letters;
    }

    private static bool IsJapaneseScript(int c) =>
        c is >= 0x3040 and <= 0x30FF // hiragana and katakana (with the prolonged sound mark)
            or >= 0x31F0 and <= 0x31FF // katakana phonetic extensions
            or >= 0xFF66 and <= 0xFF9F // half-width katakana
            or 0x3005 // 々, the kanji repetition mark
            or >= 0x3400 and <= 0x4DBF // kanji: CJK extension A
            or >= 0x4E00 and <= 0x9FFF // kanji: CJK unified ideographs
            or >= 0xF900 and <= 0xFAFF // kanji: compatibility ideographs
            or >= 0x20000 and <= 0x2A6DF; // kanji: CJK extension B
}
