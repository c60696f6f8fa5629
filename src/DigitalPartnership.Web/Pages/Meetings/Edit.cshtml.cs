using System.Globalization;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Web.Hosting;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using DigitalPartnership.Core.Text;

namespace DigitalPartnership.Web.Pages.Meetings;

/// <summary>
/// An editor corrects a Council's facts (which one, where, when) and the next Council it announced. Each value says
/// where it came from: the sentence of the text, or the journal entry of the editor who entered it and why. A save on
/// an older version is a conflict (409), as on the deliverable page.
/// </summary>
[Authorize(Policy = PortalAccounts.CanEdit)]
public sealed class EditModel(PortalDbContext db, TimeProvider time, AreaTaxonomy taxonomy, IStringLocalizer<EditModel> text) : PageModel
{

    [BindProperty]
    public MeetingForm Input { get; set; } = new();

    public int Id { get; private set; }
    public string Partnership { get; private set; } = "";

    /// <summary>"EU–Korea · 2nd Council" where the store holds several partnerships, "2nd Council" where it holds one.</summary>
    public Microsoft.AspNetCore.Html.IHtmlContent CouncilName { get; private set; } = Microsoft.AspNetCore.Html.HtmlString.Empty;
    public MeetingPlace Current { get; private set; } = new(null, null, null, null, null);
    public bool HasNextCouncil { get; private set; }
    public IReadOnlyDictionary<string, Provenance> Sources { get; private set; } = new Dictionary<string, Provenance>();
    public JournalView Journal { get; private set; } = new([], "");

    /// <summary>Set when someone corrected this Council first: what it says now.</summary>
    public MeetingPlace? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (meeting, next) = await LoadAsync(id, ct);
        if (meeting is null)
        {
            return NotFound();
        }

        Input = MeetingForm.From(meeting, next);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var (meeting, next) = await LoadAsync(id, ct);
        if (meeting is null)
        {
            return NotFound();
        }

        var read = Input.Read(ModelState, nameof(Input), next is not null, text);
        if (read is { Place.Ordinal: { } ordinal }
            && await db.Meetings.AnyAsync(m => m.PartnershipId == meeting.PartnershipId && m.Id != id && m.Place.Ordinal == ordinal, ct))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(MeetingForm.Ordinal)}",
                text["The {0} already has a {1} Council; choose another ordinal.", Partnership, MeetingPlace.OrdinalWord(ordinal), ordinal]);
        }

        if (read is null || !ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        if (meeting.Version != Input.Version)
        {
            return Conflict(meeting);
        }

        db.Entry(meeting).Property(m => m.Version).OriginalValue = Input.Version;
        var by = User.Identity!.Name!;
        var now = time.GetUtcNow().UtcDateTime;
        var entry = meeting.Correct(read.Place, next, read.Next, read.Reason, by, now);
        if (entry is null)
        {
            TempData.SetStatusMessage(text["Nothing changed, so nothing was saved."]);
            return RedirectToPage("/Meetings/Details", new { id });
        }

        db.Audit(now, by, AuditActions.MeetingCorrected, $"Meeting #{id}: {meeting.Place.ShortName}",
            string.Join("; ", entry.Details.Select(d => $"{d.Field}: {d.OldValue ?? "—"} → {d.NewValue ?? "—"}")));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Conflict(await db.Meetings.AsNoTracking().FirstAsync(m => m.Id == id, ct));
        }

        TempData.SetStatusMessage(text["Saved. The correction and its reason are in the Council's journal."]);
        return RedirectToPage("/Meetings/Details", new { id });
    }

    private PageResult Conflict(Meeting current)
    {
        Theirs = current.Place;
        Input.Version = current.Version;
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
        return new PageResult { StatusCode = StatusCodes.Status409Conflict };
    }

    private async Task<(Meeting? Meeting, Milestone? Next)> LoadAsync(int id, CancellationToken ct)
    {
        Id = id;
        var meeting = await db.Meetings.Include(m => m.Partnership).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return (null, null);
        }

        var next = await db.Milestones.FirstOrDefaultAsync(m => m.AnnouncedAtId == id && m.Kind == MilestoneKind.NextCouncil, ct);
        Partnership = meeting.Partnership.Name;
        CouncilName = MeetingText.Council(await Shared.PartnershipScope.OfAsync(HttpContext), Partnership, meeting.Place.Ordinal);
        Current = meeting.Place;
        HasNextCouncil = next is not null;
        Journal = await JournalView.ForMeetingAsync(db, id, ct);
        Sources = Provenance.For(Journal, FromText(meeting.SourceText));
        return (meeting, next);
    }

    /// <summary>The sentences the importer read each fact from, by journal field; none for a text the parser cannot read.</summary>
    private Dictionary<string, string?> FromText(string sourceText)
    {
        try
        {
            var facts = new CouncilTextParser(taxonomy).Parse(sourceText).Facts;
            return new Dictionary<string, string?>
            {
                [JournalFields.Ordinal] = facts.Ordinal.Source,
                [JournalFields.City] = facts.Place.Source,
                [JournalFields.Country] = facts.Place.Source,
                [JournalFields.Date] = facts.Date.Source,
                [JournalFields.Year] = facts.Date.Source,
                [JournalFields.NextOrdinal] = facts.NextMeeting.Source,
                [JournalFields.NextCity] = facts.NextMeeting.Source,
                [JournalFields.NextCountry] = facts.NextMeeting.Source,
                [JournalFields.NextDate] = facts.NextMeeting.Source,
                [JournalFields.NextYear] = facts.NextMeeting.Source,
            };
        }
        catch (CouncilTextException)
        {
            return [];
        }
    }

    /// <summary>Where a value came from: the last editor who entered it (who, when, why), or the sentence of the text.</summary>
    public sealed record Provenance(string? Sentence, JournalEntryView? Entry)
    {
        public static IReadOnlyDictionary<string, Provenance> For(JournalView journal, IReadOnlyDictionary<string, string?> sentences)
        {
            var fields = new[]
            {
                JournalFields.Ordinal, JournalFields.City, JournalFields.Country, JournalFields.Date, JournalFields.Year,
                JournalFields.NextOrdinal, JournalFields.NextCity, JournalFields.NextCountry, JournalFields.NextDate, JournalFields.NextYear,
            };
            // The journal is newest first: the first entry that touched a field is the one its value comes from.
            return fields.ToDictionary(f => f, f => new Provenance(sentences.GetValueOrDefault(f),
                journal.Entries.FirstOrDefault(e => e.Details.Any(d => d.Field == f))));
        }
    }

    /// <summary>What a correction sets, read and checked.</summary>
    public sealed record Correction(MeetingPlace Place, MeetingPlace? Next, string Reason);

    /// <summary>The form as typed: every field is text, so a wrong value is kept and explained, never lost to binding.</summary>
    public sealed class MeetingForm
    {
        public string? Ordinal { get; set; }
        public string? City { get; set; }
        public string? Country { get; set; }
        public string? Date { get; set; }
        public string? Year { get; set; }
        public string? NextOrdinal { get; set; }
        public string? NextCity { get; set; }
        public string? NextCountry { get; set; }
        public string? NextDate { get; set; }
        public string? NextYear { get; set; }
        public string? Reason { get; set; }
        public int Version { get; set; }

        public static MeetingForm From(Meeting meeting, Milestone? next) => new()
        {
            Ordinal = Text(meeting.Place.Ordinal),
            City = meeting.Place.City,
            Country = meeting.Place.Country,
            Date = meeting.Place.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Year = Text(meeting.Place.Year),
            NextOrdinal = Text(next?.Place.Ordinal),
            NextCity = next?.Place.City,
            NextCountry = next?.Place.Country,
            NextDate = next?.Place.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            NextYear = Text(next?.Place.Year),
            Version = meeting.Version,
        };

        public Correction? Read(ModelStateDictionary errors, string prefix, bool hasNext, IStringLocalizer<EditModel> text)
        {
            var problems = errors.ErrorCount;
            var place = Place(errors, prefix, "", Ordinal, City, Country, Date, Year, text["This Council"], text);
            var next = hasNext ? Place(errors, prefix, "Next", NextOrdinal, NextCity, NextCountry, NextDate, NextYear, text["The next Council"], text) : null;
            var reason = Reason?.Trim();
            if (string.IsNullOrEmpty(reason))
            {
                errors.AddModelError($"{prefix}.{nameof(Reason)}", text["Say why: the reason is kept with the correction for every reader."]);
            }
            else if (Problem(text["The reason"], reason, JournalEntry.NoteMaxLength, TextKind.Markdown, text) is { } problem)
            {
                errors.AddModelError($"{prefix}.{nameof(Reason)}", problem);
            }

            return errors.ErrorCount == problems ? new Correction(place, next, reason!) : null;
        }

        private static MeetingPlace Place(ModelStateDictionary errors, string prefix, string field, string? ordinalText, string? cityText,
            string? countryText, string? dateText, string? yearText, string label, IStringLocalizer<EditModel> text)
        {
            int? ordinal = null;
            if (!string.IsNullOrWhiteSpace(ordinalText))
            {
                if (int.TryParse(ordinalText.Trim().TrimEnd('s', 't', 'n', 'd', 'r', 'h'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 999)
                {
                    ordinal = n;
                }
                else
                {
                    errors.AddModelError($"{prefix}.{field}Ordinal", text["{0}'s ordinal must be a whole number from 1 (the first Council) upwards.", label]);
                }
            }

            var city = Line(errors, $"{prefix}.{field}City", text["{0}'s city", label], cityText, MeetingPlace.CityMaxLength, text);
            var country = Line(errors, $"{prefix}.{field}Country", text["{0}'s country", label], countryText, MeetingPlace.CountryMaxLength, text);
            DateOnly? date = null;
            if (!string.IsNullOrWhiteSpace(dateText))
            {
                if (DateOnly.TryParseExact(dateText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 1990 and <= 2200)
                {
                    date = d;
                }
                else
                {
                    errors.AddModelError($"{prefix}.{field}Date", text["{0}'s date “{1}” is not a day that exists; write it as year-month-day, e.g. 2024-04-30.", label, dateText]);
                }
            }

            int? year = null;
            if (!string.IsNullOrWhiteSpace(yearText))
            {
                if (int.TryParse(yearText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1990 and <= 2200)
                {
                    year = y;
                }
                else
                {
                    errors.AddModelError($"{prefix}.{field}Year", text["{0}'s year must be a year such as 2025.", label]);
                }
            }

            if (date is { } known && year is { } stated && known.Year != stated)
            {
                errors.AddModelError($"{prefix}.{field}Year", text["{0}'s year ({1}) is not the year of its date ({2}).", label, stated, known.Year]);
            }

            return new MeetingPlace(ordinal, city, country, date, date?.Year ?? year);
        }

        private static string? Line(ModelStateDictionary errors, string key, string label, string? typed, int maxLength, IStringLocalizer<EditModel> text)
        {
            var value = string.IsNullOrWhiteSpace(typed) ? null : typed.Trim();
            if (Problem(char.ToUpperInvariant(label[0]) + label[1..], value, maxLength, TextKind.SingleLine, text) is { } problem)
            {
                errors.AddModelError(key, problem);
                return null;
            }

            return value;
        }

        /// <summary>
        /// <see cref="TextRules.Problem"/> in the reader's language: the same checks, the English message unchanged.
        /// </summary>
        private static string? Problem(string label, string? value, int maxLength, TextKind kind, IStringLocalizer<EditModel> text)
        {
            var problem = TextRules.Problem(label, value, maxLength, kind);
            if (problem is null || !PortalCultures.IsJapanese)
            {
                return problem;
            }

            return value!.Length > maxLength
                ? text["{0} can be at most {1:N0} characters long ({2:N0} now).", label, maxLength, value.Length]
                : TextRules.HasInvisibleControls(value, kind != TextKind.SingleLine)
                    ? text["{0} contains invisible control characters (such as a line break or a right-to-left override); type or paste it again as plain text.", label]
                    : text["{0} cannot be formatted: {1}. Please simplify it.", label, MarkdownLimits.Problem(value) ?? ""];
        }

        private static string? Text(int? number) => number?.ToString(CultureInfo.InvariantCulture);
    }
}
