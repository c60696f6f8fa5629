using System.Text.RegularExpressions;
using DigitalPartnership.Core.Domain;

namespace DigitalPartnership.Core.Importing;

/// <summary>This meeting as the text reports it, and the block and sentence it was read from.</summary>
internal sealed record HeldMeeting(
    MeetingPlace Place, Found<int?> Ordinal, Found<string> Where, Found<DateRange> Date, DocumentBlock? Block, string? Sentence);

/// <summary>The next meeting as the text announces it, and the block it was read from.</summary>
internal sealed record AnnouncedMeeting(Found<MeetingPlace> Next, string? AsStated, DocumentBlock? Block);

/// <summary>
/// Reads the meeting's own facts from the one sentence that reports it as held, never from sentences about earlier
/// meetings: its ordinal (falling back to the headline and the headings), its place and its date (falling back to the
/// dateline above the text). Nothing is invented where the text is silent: "Today" gives no date.
/// </summary>
internal static partial class MeetingFactsReader
{
    public static HeldMeeting ReadMeeting(IEnumerable<DocumentBlock> candidates, string? headline, DocumentBlock? dateline, IEnumerable<string> headings)
    {
        DocumentBlock? block = null;
        string? sentence = null;
        Match? verb = null;
        foreach (var candidate in candidates)
        {
            foreach (var s in Sentences.Split(candidate.Plain).Select(Sentences.Head))
            {
                if (MeetingSentences.HeldVerb(s) is { } held)
                {
                    (block, sentence, verb) = (candidate, s, held);
                    break;
                }
            }

            if (sentence is not null)
            {
                break;
            }
        }

        var ordinal = ReadOrdinal(sentence, headline, headings);
        var place = sentence is null ? null : PlaceReader.Find(sentence, verb!.Index);
        var where = ReadWhere(place, sentence, dateline);
        var (date, year) = ReadDate(sentence, verb, dateline, headline);
        var meeting = new MeetingPlace(ordinal.Value, where.City, where.Country, date.Value?.Start, date.Value?.Start.Year ?? year);
        return new HeldMeeting(meeting, ordinal, where.Found, date, block, sentence);
    }

    public static AnnouncedMeeting ReadNextMeeting(IEnumerable<DocumentBlock> candidates, int? ordinal)
    {
        foreach (var block in candidates)
        {
            foreach (var sentence in Sentences.Split(block.Plain).Select(Sentences.Head))
            {
                if (MeetingSentences.NextMeeting(sentence) is not { } verb)
                {
                    continue;
                }

                var after = sentence[(verb.Index + verb.Length)..];
                var place = PlaceReader.Find(after);
                var date = TextDates.FindFirstRange(sentence[verb.Index..]);
                var year = date?.Start.Year ?? TextDates.FindYear(sentence[verb.Index..]);
                var stated = MeetingSentences.Ordinal(sentence);
                var next = new MeetingPlace(stated ?? ordinal + 1, place?.City, place?.Country, date?.Start, year);
                var doubts = new List<string>();
                if (place is null)
                {
                    doubts.Add("no place given");
                }
                else if (place.City is null && place.Country is null)
                {
                    doubts.Add($"only a region given ({place.Region})");
                }

                if (year is null)
                {
                    doubts.Add("no date or year given");
                }

                if (stated is null)
                {
                    // "The next meeting will be held in Tokyo": which Council it is, is counted, not read.
                    doubts.Add(ordinal is null ? "which meeting it is not stated" : "which meeting it is not stated: counted as the one after this");
                }

                return new AnnouncedMeeting(new Found<MeetingPlace>(next, sentence, doubts.Count == 0 ? null : string.Join("; ", doubts)),
                    AsStated(after), block);
            }
        }

        return new AnnouncedMeeting(Found<MeetingPlace>.Missing("the text announces no next meeting"), null, null);
    }

    private static Found<int?> ReadOrdinal(string? sentence, string? headline, IEnumerable<string> headings)
    {
        if (sentence is not null && MeetingSentences.Ordinal(sentence) is { } fromSentence)
        {
            return new Found<int?>(fromSentence, sentence, null);
        }

        foreach (var text in new[] { headline }.Concat(headings))
        {
            if (text is not null && MeetingSentences.Ordinal(text) is { } fromHeading)
            {
                return new Found<int?>(fromHeading, text, null);
            }
        }

        return Found<int?>.Missing("the text does not say which meeting this was");
    }

    private static (string? City, string? Country, Found<string> Found) ReadWhere(PlaceFound? place, string? sentence, DocumentBlock? dateline)
    {
        var fromDateline = dateline is null ? null : DatelinePlace(dateline.Plain);
        if (place is null && fromDateline is not null)
        {
            return (fromDateline.City, fromDateline.Country,
                new Found<string>(fromDateline.Display, dateline!.Plain, "place read from the dateline above the text"));
        }

        if (place is null || (place.City is null && place.Country is null))
        {
            return (null, null, Found<string>.Missing(place?.Region is { } region
                ? $"the text places the meeting only in a region ({region})"
                : "the text gives no place for this meeting"));
        }

        var country = place.Country;
        if (country is null && place.City is not null && fromDateline is { Country: { } datelineCountry } && fromDateline.City == place.City)
        {
            country = datelineCountry; // "took place in Luleå" under the dateline "Luleå, Sweden"
        }

        if (country is null && place.City is { } cityState && Countries.IsCityState(cityState))
        {
            country = Countries.Canonical(cityState); // "in Singapore": the city is the country
        }

        string? implied = null;
        if (country is null && place.City?.StartsWith("near ", StringComparison.Ordinal) == false && Countries.ImpliedBy(place.City) is { } impliedCountry)
        {
            country = impliedCountry; // "Washington, D.C." is in the United States, though the text does not say so
            implied = $"country taken from \"{place.City}\"; the text names none";
        }

        var found = new PlaceFound(place.City, country, place.Region, place.Phrase);
        var doubt = place.City?.StartsWith("near ", StringComparison.Ordinal) == true
            ? $"the text places the meeting only \"{place.Phrase}\""
            : implied ?? (country is null && !Countries.IsCityState(place.City ?? "") ? "no country named" : null); // Singapore is its own country
        return (place.City, country, new Found<string>(found.Display, sentence, doubt));
    }

    /// <summary>"31 May 2023 Luleå, Sweden" → Luleå, Sweden; "Pittsburgh, Pennsylvania" → Pittsburgh (a state is not a country).</summary>
    private static PlaceFound? DatelinePlace(string dateline)
    {
        var words = TextDates.WithoutDates(dateline).Trim().Trim(',').Trim();
        if (words.Length == 0)
        {
            return null;
        }

        var parts = words.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var city = parts[0];
        var country = parts.Length > 1 && Countries.IsCountry(parts[1]) ? parts[1] : null;
        if (Countries.IsCountry(city) && !Countries.IsCityState(city))
        {
            return new PlaceFound(null, city, null, dateline);
        }

        return new PlaceFound(city, country, null, dateline);
    }

    private static (Found<DateRange> Date, int? Year) ReadDate(string? sentence, Match? verb, DocumentBlock? dateline, string? headline)
    {
        if (sentence is not null && TextDates.FindFirstRange(sentence) is { } inSentence)
        {
            return (new Found<DateRange>(inSentence, sentence, null), null);
        }

        if (dateline is not null && TextDates.FindFirstRange(dateline.Plain) is { } inDateline)
        {
            return (new Found<DateRange>(inDateline, dateline.Plain, "date read from the dateline above the text"), null);
        }

        if (headline is not null && TextDates.FindFirstRange(headline) is { } inHeadline)
        {
            return (new Found<DateRange>(inHeadline, headline, "date read from the headline"), null);
        }

        var year = sentence is null ? null : TextDates.FindYear(sentence[verb!.Index..]);
        var doubt = sentence is not null && TodayOpening().IsMatch(sentence)
            ? "the text says only \"Today\": no date given"
            : year is not null ? $"only the year ({year}) given" : "the text gives no date for this meeting";
        return (Found<DateRange>.Missing(doubt), year);
    }

    /// <summary>The next meeting's time and place as the sentence puts it, up to what it is for ("to review…").</summary>
    private static string? AsStated(string afterVerb)
    {
        var end = PurposeOrAside().Match(afterVerb);
        var words = (end.Success ? afterVerb[..end.Index] : afterVerb).Trim().TrimEnd('.', ',', ';').Trim();
        return words.Length is > 0 and <= 200 ? words : null;
    }

    [GeneratedRegex(@"^(?:Today|This week|Yesterday)\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TodayOpening();

    [GeneratedRegex(@"\s+to\s+\p{Ll}|,\s*(?:co-chaired|chaired|where|which|with|to|and)\b|;|\.\s", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PurposeOrAside();
}
