using System.Text;

namespace DigitalPartnership.Web.Pages.Shared;

/// <summary>
/// The language of a text the portal did not write (a title, a summary, a note): <c>lang="ja"</c> when it is mostly
/// Japanese, so a screen reader speaks it with a Japanese voice and the browser picks Japanese glyphs. Views write
/// <c>lang="@JapaneseText.Lang(title)"</c>; Razor leaves the attribute out when this gives null.
/// </summary>
public static class JapaneseText
{
    public const string LanguageTag = "ja";

    /// <summary>"ja" when at least half of the text's letters are kana or kanji; otherwise null (the page's English holds).</summary>
    public static string? Lang(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

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

        return japanese > 0 && japanese * 2 >= letters ? LanguageTag : null;
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
