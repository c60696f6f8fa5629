using System.Globalization;
using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Web.Pages.Shared;

/// <summary>
/// Reads the filters people put in addresses (<c>q</c>, <c>area</c>, <c>status</c>, <c>meeting</c>, dates) into
/// <see cref="DeliverableFilter"/> values, with a sentence for each value that cannot be used. One reader for the
/// deliverables list, the reports page and the exports, so a filter means the same everywhere. Given the reader's
/// <see cref="PartnershipScope"/>, the filter keeps to the chosen partnership.
/// </summary>
public sealed class FilterReader(PortalDbContext db, PartnershipScope? scope = null)
{
    public const int MaxQueryLength = 200;

    public List<string> Problems { get; } = [];

    /// <summary>The areas' names the search was read against; loaded only for a search.</summary>
    public AreaVocabulary Vocabulary { get; private set; } = AreaVocabulary.None;

    public async Task<DeliverableFilter> ReadAsync(string? q, string? area, string? status, string? meeting, CancellationToken ct)
    {
        if (q is { Length: > MaxQueryLength })
        {
            Problems.Add(ContentHtml.Words("Search words can be at most {0} characters long.", MaxQueryLength));
        }

        int? areaId = null;
        if (!string.IsNullOrEmpty(area))
        {
            areaId = await db.Areas.Where(a => a.Slug == area).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            if (areaId is null)
            {
                Problems.Add(ContentHtml.Words("There is no area \"{0}\". Choose one from the list.", area));
            }
        }

        DeliverableStatus? parsedStatus = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (DeliverableStatusText.TryParse(status, out var value))
            {
                parsedStatus = value;
            }
            else
            {
                Problems.Add(ContentHtml.Words("\"{0}\" is not a status. Statuses are: {1}.", status,
                    string.Join(Hosting.PortalCultures.IsJapanese ? "、" : ", ", DeliverableStatusText.All.Select(s => ContentHtml.Words(s.DisplayName())))));
            }
        }

        int? meetingId = null;
        int? meetingPartnershipId = null;
        if (!string.IsNullOrEmpty(meeting))
        {
            var found = int.TryParse(meeting, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? await db.Meetings.Where(m => m.Id == id).Select(m => new { m.Id, m.PartnershipId }).FirstOrDefaultAsync(ct)
                : null;
            (meetingId, meetingPartnershipId) = (found?.Id, found?.PartnershipId);
            if (meetingId is null)
            {
                Problems.Add(ContentHtml.Words("There is no meeting \"{0}\". Choose one from the list.", meeting));
            }
        }

        var query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (query is not null)
        {
            Vocabulary = await AreaVocabulary.LoadAsync(db, ct);
        }

        if (scope?.Unknown is { } unknown)
        {
            Problems.Add(ContentHtml.Words("There is no partnership \"{0}\". Choose one from the list.", unknown));
        }

        return new DeliverableFilter(query, areaId, parsedStatus, meetingId)
        {
            Search = query is null ? null : SearchText.Parse(query, Vocabulary),
            // A Council belongs to one partnership: asked for by its id (an older address, a link from the meetings
            // list), it is shown, in its own partnership, whichever partnership was chosen before.
            PartnershipId = meetingId is null ? scope?.Id : scope is null ? null : meetingPartnershipId,
        };
    }

    /// <summary>A yyyy-mm-dd date, or null; a date that does not exist (or is out of range) is a problem, never a guess.</summary>
    public DateOnly? ReadDate(string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateText.TryRead(text, out var date))
        {
            return date;
        }

        Problems.Add(Hosting.PortalCultures.IsJapanese
            ? ContentHtml.Words("{0}: \"{1}\" is not a date that exists; write it as 2025-05-01.", label, text)
            : DateText.Problem(label, text));
        return null;
    }
}
