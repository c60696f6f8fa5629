using System.Globalization;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DigitalPartnership.Web.Pages.Deliverables;

/// <summary>
/// The deliverable form as typed. Everything arrives as text and is checked here, so each mistake gets a message in
/// words (a date that does not exist, a link that is not http(s)) and the form comes back as it was typed.
/// </summary>
public sealed class DeliverableForm
{
    public const int MaxLinks = 20;

    public string Title { get; set; } = "";
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
            nameof(Notes), nameof(EvidenceLinks), nameof(ChangeNote) }.Select(field => $"{prefix}.{field}").ToList();

    public static DeliverableForm From(Deliverable d) => new()
    {
        Title = d.Title,
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
    /// <paramref name="errors"/> under its field: what the edit and the new page both save.
    /// </summary>
    public (DeliverableUpdate Update, List<Area> Areas)? Read(FormAreas areas, ModelStateDictionary errors, string prefix)
    {
        var chosen = ChosenAreas(areas.Tracked, errors, prefix);
        return ToUpdate(errors, prefix) is { } update ? (update, chosen) : null;
    }

    private DeliverableUpdate? ToUpdate(ModelStateDictionary errors, string prefix)
    {
        var title = Text(errors, prefix, nameof(Title), Title, Deliverable.TitleMaxLength, "The title", TextKind.SingleLine);
        if (title is null)
        {
            errors.AddModelError($"{prefix}.{nameof(Title)}", "Give the deliverable a title.");
        }

        if (!DeliverableStatusText.TryParse(Status, out var status))
        {
            errors.AddModelError($"{prefix}.{nameof(Status)}",
                $"Choose a status from the list ({string.Join(", ", DeliverableStatusText.All.Select(s => s.DisplayName()))}).");
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
                errors.AddModelError($"{prefix}.{nameof(Progress)}", "Progress is a whole number from 0 to 100, or empty.");
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
                errors.AddModelError($"{prefix}.{nameof(TargetDate)}", DateText.Problem("Target date", TargetDate));
            }
        }

        var euLead = Text(errors, prefix, nameof(EuLead), EuLead, Deliverable.LeadMaxLength, "The EU-side lead", TextKind.SingleLine);
        var partnerLead = Text(errors, prefix, nameof(PartnerLead), PartnerLead, Deliverable.LeadMaxLength, "The partner-side lead", TextKind.SingleLine);
        var notes = Text(errors, prefix, nameof(Notes), Notes, Deliverable.NotesMaxLength, "The notes", TextKind.Markdown);
        var changeNote = Text(errors, prefix, nameof(ChangeNote), ChangeNote, StatusChange.NoteMaxLength, "The note for the history", TextKind.Markdown);
        var links = Links(errors, $"{prefix}.{nameof(EvidenceLinks)}");

        return errors.IsValid
            ? new DeliverableUpdate(status, progress, euLead, partnerLead, target, notes, changeNote, links, title)
            : null;
    }

    /// <summary>The chosen areas from <paramref name="all"/>; a slug that is not an area is a problem, not ignored.</summary>
    private List<Area> ChosenAreas(IReadOnlyList<Area> all, ModelStateDictionary errors, string prefix)
    {
        var unknown = Areas.Where(slug => all.All(a => a.Slug != slug)).ToList();
        if (unknown.Count > 0)
        {
            errors.AddModelError($"{prefix}.{nameof(Areas)}", $"There is no area \"{unknown[0]}\". Choose areas from the list.");
        }

        return all.Where(a => Areas.Contains(a.Slug)).ToList();
    }

    private List<EvidenceLinkInput> Links(ModelStateDictionary errors, string key)
    {
        var links = new List<EvidenceLinkInput>();
        var lines = (EvidenceLinks ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        if (lines.Count > MaxLinks)
        {
            errors.AddModelError(key, $"At most {MaxLinks} evidence links.");
            return links;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var parts = lines[i].Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var url = parts[0];
            var title = parts.Length > 1 ? parts[1] : null;
            if (EvidenceLink.Problem(url, title) is { } problem)
            {
                errors.AddModelError(key, $"Line {i + 1}: {problem}");
                continue;
            }

            links.Add(new EvidenceLinkInput(url, title));
        }

        return links;
    }

    private static string? Text(ModelStateDictionary errors, string prefix, string field, string? value, int maxLength, string label, TextKind kind)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Replace("\r\n", "\n").Trim();
        if (TextRules.Problem(label, text, maxLength, kind) is { } problem)
        {
            errors.AddModelError($"{prefix}.{field}", problem);
        }

        return text;
    }
}
