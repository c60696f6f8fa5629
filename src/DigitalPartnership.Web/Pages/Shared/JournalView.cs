using System.Globalization;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Web.Pages.Shared;

/// <summary>A subject's journal as a page shows it: entries newest first, each with its changed fields.</summary>
public sealed record JournalView(IReadOnlyList<JournalEntryView> Entries, string Partner)
{
    public static async Task<JournalView> ForDeliverableAsync(PortalDbContext db, int id, string partner, CancellationToken ct) =>
        new(await ReadAsync(db.JournalEntries.Where(j => j.DeliverableId == id), ct), partner);

    public static async Task<JournalView> ForOutcomeAsync(PortalDbContext db, int id, CancellationToken ct) =>
        new(await ReadAsync(db.JournalEntries.Where(j => j.OutcomeId == id), ct), "Partner");

    public static async Task<JournalView> ForMeetingAsync(PortalDbContext db, int id, CancellationToken ct) =>
        new(await ReadAsync(db.JournalEntries.Where(j => j.MeetingId == id), ct), "Partner");

    /// <summary>
    /// How the page names a field, in the reader's language (<see cref="JournalFields.Label"/> in English). The partner's
    /// side is named in Japanese for the partners the portal knows, else as the partner side.
    /// </summary>
    public string Label(string field, IStringLocalizer<JournalView> text)
    {
        if (!Hosting.PortalCultures.IsJapanese)
        {
            return JournalFields.Label(field, Partner);
        }

        return field == JournalFields.PartnerLead
            ? text["{0}-side lead", PartnerNames.TryGetValue(Partner, out var name) ? text[name].Value : text["Partner"].Value]
            : text[JournalFields.Label(field)];
    }

    private static readonly Dictionary<string, string> PartnerNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Partner"] = "Partner", ["Japan"] = "Japan", ["Korea"] = "Korea", ["Republic of Korea"] = "Korea", ["Singapore"] = "Singapore",
        ["Canada"] = "Canada", ["United States"] = "United States", ["U.S."] = "United States", ["India"] = "India",
    };

    private static async Task<IReadOnlyList<JournalEntryView>> ReadAsync(IQueryable<JournalEntry> entries, CancellationToken ct) =>
        await entries.AsNoTracking()
            .OrderByDescending(j => j.AtUtc).ThenByDescending(j => j.Id)
            .Select(j => new JournalEntryView(j.Id, j.AtUtc, j.By, j.Note,
                j.Details.OrderBy(d => d.Id).Select(d => new JournalDetailView(d.Field, d.OldValue, d.NewValue)).ToList()))
            .ToListAsync(ct);
}

public sealed record JournalEntryView(long Id, DateTime AtUtc, string By, string? Note, IReadOnlyList<JournalDetailView> Details)
{
    /// <summary>The first entry of a subject, which records what it was created with.</summary>
    public bool IsCreation => Details.Count > 0 && Details.All(d => d.Old is null) && Details.Any(d => d.Field == JournalFields.Status);
}

public sealed record JournalDetailView(string Field, string? Old, string? New)
{
    public bool IsLongText => JournalFields.IsLongText(Field);

    public bool IsMarkdown => Field is JournalFields.Notes or JournalFields.Summary;

    public DeliverableStatus? OldStatus => Field == JournalFields.Status && DeliverableStatusText.TryParse(Old, out var s) ? s : null;

    public DeliverableStatus? NewStatus => Field == JournalFields.Status && DeliverableStatusText.TryParse(New, out var s) ? s : null;

    /// <summary>A short value as a reader reads it: a date as "30 Apr 2024", a progress as "40%", nothing as "not set".</summary>
    public static string Show(string field, string? value)
    {
        if (value is null)
        {
            return ContentHtml.Words("not set");
        }

        return field switch
        {
            JournalFields.Progress => value + "%",
            JournalFields.TargetDate or JournalFields.Date or JournalFields.NextDate
                when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => Display.Date(date),
            JournalFields.Ordinal or JournalFields.NextOrdinal when int.TryParse(value, CultureInfo.InvariantCulture, out var n) =>
                Hosting.PortalCultures.IsJapanese ? $"第{n}回" : MeetingPlace.OrdinalWord(n),
            _ => value,
        };
    }
}
