using System.Globalization;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Text;
using DigitalPartnership.Web.Hosting;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Web.Pages.Deliverables;

/// <summary>
/// The deliverable form as typed. Everything arrives as text and is checked here, so each mistake gets a message in
/// words (a date that does not exist, a link that is not http(s)) and the form comes back as it was typed.
/// </summary>
public sealed class DeliverableForm
{
    public const int MaxLinks = 20;

    public string Title { get; set; } = "";

    /// <summary>The title in Japanese, for Japanese readers; blank for none.</summary>
    public string? TitleJapanese { get; set; }

    /// <summary>A summary in Japanese (Markdown), for Japanese readers; blank for none.</summary>
    public string? SummaryJapanese { get; set; }

    public string Status { get; set; } = "";
    public string? Progress { get; set; }
    public string? EuLead { get; set; }
    public string? PartnerLead { get; set; }
    public string? TargetDate { get; set; }
    public string? Notes { get; set; }
    public string? ChangeNote { get; set; }

    /// <summary>One link a line: the address, then optionally a space and a title.</summary>
    public string? EvidenceLinks { get; set; }

    /// <summary>Slugs of the areas the deliverable is filed under.</summary>
    public List<string> Areas { get; set; } = [];

    /// <summary>The version the form was loaded from; a save on an older version is a conflict.</summary>
    public int Version { get; set; }

    /// <summary>The form's fields in the order the page shows them, so the error summary lists problems in that order.</summary>
    public static IReadOnlyList<string> FieldOrder(string prefix) =>
        new[] { nameof(Title), nameof(Status), nameof(Progress), nameof(TargetDate), nameof(EuLead), nameof(PartnerLead), nameof(Areas),
            nameof(TitleJapanese), nameof(SummaryJapanese), nameof(Notes), nameof(EvidenceLinks), nameof(ChangeNote) }.Select(field => $"{prefix}.{field}").ToList();

    public static DeliverableForm From(Deliverable d) => new()
    {
        Title = d.Title,
        TitleJapanese = d.TitleJapanese,
        SummaryJapanese = d.SummaryJapanese,
        Status = d.Status.Slug(),
        Progress = d.Progress?.ToString(CultureInfo.InvariantCulture),
        EuLead = d.EuLead,
        PartnerLead = d.PartnerLead,
        TargetDate = d.TargetDate is { } target ? DateText.Iso(target) : null,
        Notes = d.Notes,
        EvidenceLinks = string.Join("\n", d.EvidenceLinks.Select(e => e.Title is null ? e.Url : $"{e.Url} {e.Title}")),
        Areas = d.Areas.Select(a => a.Slug).ToList(),
        Version = d.Version,
    };

    /// <summary>
    /// The checked values and the chosen areas (from <paramref name="areas"/>), or null with every problem added to
    /// <paramref name="errors"/> under its field: what the edit and the new page both save. The messages are in the
    /// reader's language (<paramref name="services"/> give the localizers).
    /// </summary>
    /// <remarks>Without <paramref name="services"/> (the API) the messages are English.</remarks>
    public (DeliverableUpdate Update, List<Area> Areas)? Read(FormAreas areas, ModelStateDictionary errors, string prefix, IServiceProvider? services = null)
    {
        var words = services is null ? Words.English
            : new Words(services.GetRequiredService<IStringLocalizer<DeliverableForm>>(), FormText.Of(services),
                StatusIn(services.GetRequiredService<IStringLocalizer<PortalText>>()));
        var chosen = ChosenAreas(areas.Tracked, errors, prefix, words);
        return ToUpdate(errors, prefix, words) is { } update ? (update, chosen) : null;
    }

    private static Func<DeliverableStatus, string> StatusIn(IStringLocalizer<PortalText> shared) => status => shared.Status(status);

    /// <summary>The localizers a read needs: the form's own sentences, the rules' sentences, the shared words.</summary>
    private sealed record Words(IStringLocalizer Form, IStringLocalizer Rules, Func<DeliverableStatus, string> Status)
    {
        public static Words English { get; } = new(EnglishText.Instance, EnglishText.Instance, status => status.DisplayName());
    }

    /// <summary>The English texts as the code writes them: the key, with its arguments.</summary>
    private sealed class EnglishText : IStringLocalizer
    {
        public static EnglishText Instance { get; } = new();

        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(CultureInfo.CurrentCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private DeliverableUpdate? ToUpdate(ModelStateDictionary errors, string prefix, Words words)
    {
        var title = Text(errors, prefix, nameof(Title), Title, Deliverable.TitleMaxLength, "The title", TextKind.SingleLine, words);
        if (title is null)
        {
            errors.AddModelError($"{prefix}.{nameof(Title)}", words.Form["Give the deliverable a title."]);
        }

        if (!DeliverableStatusText.TryParse(Status, out var status))
        {
            errors.AddModelError($"{prefix}.{nameof(Status)}", words.Form["Choose a status from the list ({0}).",
                string.Join(PortalCultures.IsJapanese ? "、" : ", ", DeliverableStatusText.All.Select(s => words.Status(s)))]);
        }

        int? progress = null;
        if (!string.IsNullOrWhiteSpace(Progress))
        {
            if (int.TryParse(Progress.Trim().TrimEnd('%'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100)
            {
                progress = value;
            }
            else
            {
                errors.AddModelError($"{prefix}.{nameof(Progress)}", words.Form["Progress is a whole number from 0 to 100, or empty."]);
            }
        }

        DateOnly? target = null;
        if (!string.IsNullOrWhiteSpace(TargetDate))
        {
            if (DateText.TryRead(TargetDate, out var date))
            {
                target = date;
            }
            else
            {
                errors.AddModelError($"{prefix}.{nameof(TargetDate)}", FormText.Date(words.Rules, "Target date", TargetDate));
            }
        }

        var euLead = Text(errors, prefix, nameof(EuLead), EuLead, Deliverable.LeadMaxLength, "The EU-side lead", TextKind.SingleLine, words);
        var partnerLead = Text(errors, prefix, nameof(PartnerLead), PartnerLead, Deliverable.LeadMaxLength, "The partner-side lead", TextKind.SingleLine, words);
        var notes = Text(errors, prefix, nameof(Notes), Notes, Deliverable.NotesMaxLength, "The notes", TextKind.Markdown, words);
        var changeNote = Text(errors, prefix, nameof(ChangeNote), ChangeNote, StatusChange.NoteMaxLength, "The note for the history", TextKind.Markdown, words);
        var links = Links(errors, $"{prefix}.{nameof(EvidenceLinks)}", words);
        var japanese = new JapaneseVersion(
            Text(errors, prefix, nameof(TitleJapanese), TitleJapanese, JapaneseVersion.TitleMaxLength, "The Japanese title", TextKind.SingleLine, words),
            Text(errors, prefix, nameof(SummaryJapanese), SummaryJapanese, JapaneseVersion.SummaryMaxLength, "The Japanese summary", TextKind.Markdown, words));

        return errors.IsValid
            ? new DeliverableUpdate(status, progress, euLead, partnerLead, target, notes, changeNote, links, title, japanese)
            : null;
    }

    /// <summary>The chosen areas from <paramref name="all"/>; a slug that is not an area is a problem, not ignored.</summary>
    private List<Area> ChosenAreas(IReadOnlyList<Area> all, ModelStateDictionary errors, string prefix, Words words)
    {
        var unknown = Areas.Where(slug => all.All(a => a.Slug != slug)).ToList();
        if (unknown.Count > 0)
        {
            errors.AddModelError($"{prefix}.{nameof(Areas)}", words.Form["There is no area \"{0}\". Choose areas from the list.", unknown[0]]);
        }

        return all.Where(a => Areas.Contains(a.Slug)).ToList();
    }

    private List<EvidenceLinkInput> Links(ModelStateDictionary errors, string key, Words words)
    {
        var links = new List<EvidenceLinkInput>();
        var lines = (EvidenceLinks ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        if (lines.Count > MaxLinks)
        {
            errors.AddModelError(key, words.Form["At most {0} evidence links.", MaxLinks]);
            return links;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var parts = lines[i].Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var url = parts[0];
            var title = parts.Length > 1 ? parts[1] : null;
            if (FormText.Link(words.Rules, url, title) is { } problem)
            {
                errors.AddModelError(key, words.Form["Line {0}: {1}", i + 1, problem]);
                continue;
            }

            links.Add(new EvidenceLinkInput(url, title));
        }

        return links;
    }

    private static string? Text(ModelStateDictionary errors, string prefix, string field, string? value, int maxLength, string label, TextKind kind, Words words)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Replace("\r\n", "\n").Trim();
        if (FormText.Text(words.Rules, label, text, maxLength, kind) is { } problem)
        {
            errors.AddModelError($"{prefix}.{field}", problem);
        }

        return text;
    }
}
