using System.Globalization;
using System.Text.RegularExpressions;

namespace DigitalPartnership.Core.Importing;

/// <summary>
/// Recognises the two sentences a statement's facts come from: the one that reports this meeting ("The fourth
/// Ministerial meeting of the TTC took place in Luleå, Sweden, on 31 May 2023") and the one that announces the next
/// ("The co-chairs intend to meet again in mid-2023 in Europe"). Sentences about earlier meetings are neither.
/// </summary>
internal static partial class MeetingSentences
{
    private static readonly string[] OrdinalWords =
    [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
        "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
    ];

    /// <summary>The verb by which <paramref name="sentence"/> reports this meeting as held, or null.</summary>
    public static Match? HeldVerb(string sentence)
    {
        if (NextMeeting(sentence) is not null || !MeetingNoun().IsMatch(sentence))
        {
            return null;
        }

        var verb = Held().Match(sentence);
        return verb.Success ? verb : null;
    }

    /// <summary>Where the announcement of the next meeting ends ("…will be held", "…meet again"), or null.</summary>
    public static Match? NextMeeting(string sentence)
    {
        var scheduled = Scheduled().Match(sentence);
        if (scheduled.Success)
        {
            return scheduled;
        }

        var intended = Intended().Match(sentence);
        return intended.Success ? intended : null;
    }

    /// <summary>"fourth Ministerial meeting" → 4, "the inaugural … Dialogue" → 1, "met for the first time" → 1.</summary>
    public static int? Ordinal(string text)
    {
        var match = OrdinalNearMeeting().Match(text);
        if (match.Success)
        {
            var word = match.Groups["ord"].Value.ToLowerInvariant();
            var index = Array.IndexOf(OrdinalWords, word);
            return index >= 0 ? index + 1 : int.Parse(Digits().Match(word).Value, CultureInfo.InvariantCulture);
        }

        return Inaugural().IsMatch(text) ? 1 : null;
    }

    [GeneratedRegex(@"\b(?:held|hosted|convened|took place|met|gathered|chaired|co-chaired)\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Held();

    [GeneratedRegex(@"\b(?:council|dialogue|meeting|ministerial|summit|forum|session|TTC)\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MeetingNoun();

    private const string Ordinals =
        "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|\\d{1,2}(?:st|nd|rd|th)";

    private const string Nouns = "meeting|council|dialogue|ministerial|session|summit|forum";

    // "The next meeting of the Council will be held", "The second Council will take place": future tense, not this meeting.
    [GeneratedRegex(@"\b(?:next|following|upcoming|" + Ordinals + @")\b(?:\s+\S+){0,8}?\s+(?:" + Nouns + @")\b(?:\s+\S+){0,12}?\s+(?:will|shall|is to|is scheduled to|is expected to|is planned to|would)\s+(?:\S+\s+){0,3}?(?:be held|take place|convene|meet|be hosted|be organi[sz]ed)\b",
        RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Scheduled();

    // "intend to meet again", "intend to convene the sixth TTC ministerial meeting", "look forward to holding the next CET Dialogue".
    [GeneratedRegex(@"\b(?:(?:intends?|plans?|agreed|decided|expects?|aims?|look(?:s|ed)?\s+forward|are\s+looking\s+forward)\s+to|will|shall)\s+(?:(?:meet|meeting)\s+again|reconvene|(?:convene|convening|hold|holding|host|hosting|organi[sz]e|organi[sz]ing)\s+(?:the|their|our|its|a)\s+(?:\S+\s+){0,6}?(?:" + Nouns + @")(?:\s+(?:" + Nouns + @"))*\b)",
        RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Intended();

    [GeneratedRegex(@"\b(?<ord>" + Ordinals + @")\b(?=(?:\s+[^\s;:!?]+){0,9}?\s+(?:" + Nouns + @")\b)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OrdinalNearMeeting();

    [GeneratedRegex(@"\b(?:inaugural|first-ever|for the first time)\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Inaugural();

    [GeneratedRegex(@"\d+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Digits();
}
