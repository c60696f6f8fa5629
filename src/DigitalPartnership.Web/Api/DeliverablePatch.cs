using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Web.Pages.Deliverables;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DigitalPartnership.Web.Api;

/// <summary>
/// The body of <c>PATCH /api/v1/deliverables/{id}</c>, read as a JSON merge patch: a field left out keeps its value, a
/// null clears it. The patch is laid over the edit form as it would open, and the form's own rules check the result, so
/// the API and the page accept exactly the same values and say the same words about the rest.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class DeliverablePatch
{
    private readonly HashSet<string> _given = [];

    public string? Title { get; set { field = value; _given.Add(nameof(Title)); } }

    [Description("The title in Japanese, for readers of the Japanese interface; null clears it.")]
    public string? TitleJapanese { get; set { field = value; _given.Add(nameof(TitleJapanese)); } }

    [Description("A summary in Japanese (Markdown); null clears it.")]
    public string? SummaryJapanese { get; set { field = value; _given.Add(nameof(SummaryJapanese)); } }

    [Description("not-started, in-progress, at-risk, delayed, completed or discontinued.")]
    public string? Status { get; set { field = value; _given.Add(nameof(Status)); } }

    [Description("Percent, 0–100; null clears it.")]
    public int? Progress { get; set { field = value; _given.Add(nameof(Progress)); } }

    public string? EuLead { get; set { field = value; _given.Add(nameof(EuLead)); } }

    public string? PartnerLead { get; set { field = value; _given.Add(nameof(PartnerLead)); } }

    [Description("yyyy-mm-dd; null clears it.")]
    public string? TargetDate { get; set { field = value; _given.Add(nameof(TargetDate)); } }

    [Description("Markdown.")]
    public string? Notes { get; set { field = value; _given.Add(nameof(Notes)); } }

    [Description("Why the change is made (Markdown): kept in the deliverable's history with it.")]
    public string? ChangeNote { get; set { field = value; _given.Add(nameof(ChangeNote)); } }

    [Description("The whole list of evidence links: it replaces the one there is.")]
    public List<EvidenceLinkModel>? EvidenceLinks { get; set { field = value; _given.Add(nameof(EvidenceLinks)); } }

    [Description("Slugs of the areas to file it under: the whole list, replacing the one there is.")]
    public List<string>? Areas { get; set { field = value; _given.Add(nameof(Areas)); } }

    /// <summary>The JSON names of the fields a patch may hold, for telling a client which of theirs is unknown.</summary>
    public static IReadOnlySet<string> FieldNames { get; } = ApiJson.Options.GetTypeInfo(typeof(DeliverablePatch)).Properties
        .Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// <paramref name="form"/> (the deliverable as its edit form opens) with this patch laid over it; null when a link
    /// cannot be written as the form's lines, with the problem in <paramref name="errors"/>.
    /// </summary>
    public DeliverableForm? Over(DeliverableForm form, IDictionary<string, string[]> errors)
    {
        if (_given.Contains(nameof(Title))) form.Title = Title ?? "";
        if (_given.Contains(nameof(TitleJapanese))) form.TitleJapanese = TitleJapanese;
        if (_given.Contains(nameof(SummaryJapanese))) form.SummaryJapanese = SummaryJapanese;
        if (_given.Contains(nameof(Status))) form.Status = Status ?? "";
        if (_given.Contains(nameof(Progress))) form.Progress = Progress?.ToString(CultureInfo.InvariantCulture);
        if (_given.Contains(nameof(EuLead))) form.EuLead = EuLead;
        if (_given.Contains(nameof(PartnerLead))) form.PartnerLead = PartnerLead;
        if (_given.Contains(nameof(TargetDate))) form.TargetDate = TargetDate;
        if (_given.Contains(nameof(Notes))) form.Notes = Notes;
        if (_given.Contains(nameof(Areas))) form.Areas = Areas ?? [];
        form.ChangeNote = ChangeNote;
        if (_given.Contains(nameof(EvidenceLinks)))
        {
            // The form takes links as lines, "address title": an address with a space or a title with a line break
            // would read as something else, so they are refused here rather than reinterpreted.
            var links = EvidenceLinks ?? [];
            var unwritable = links.FindIndex(l => string.IsNullOrWhiteSpace(l?.Url) || l.Url.Any(char.IsWhiteSpace)
                || (l.Title is { } title && TextRules.HasInvisibleControls(title, multiline: false)));
            if (unwritable >= 0)
            {
                errors[Field(nameof(EvidenceLinks))] = [$"Link {unwritable + 1}: give an http:// or https:// address without spaces, and a title on one line."];
                return null;
            }

            form.EvidenceLinks = string.Join("\n", links.Select(l => l.Title is null ? l.Url : $"{l.Url} {l.Title}"));
        }

        return form;
    }

    /// <summary>The form's problems under the API's field names ("Input.TargetDate" → "targetDate").</summary>
    public static Dictionary<string, string[]> ProblemsOf(ModelStateDictionary state) =>
        state.Where(entry => entry.Value is { Errors.Count: > 0 })
            .ToDictionary(entry => Field(entry.Key[(entry.Key.LastIndexOf('.') + 1)..]),
                entry => entry.Value!.Errors.Select(e => e.ErrorMessage).ToArray());

    public static string Field(string property) => JsonNamingPolicy.CamelCase.ConvertName(property);
}
