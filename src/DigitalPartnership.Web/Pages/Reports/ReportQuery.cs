using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Reporting;
using DigitalPartnership.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Web.Pages.Reports;

/// <summary>
/// The report's parameters as they stand in the address — the same for the page and for every export, so a download
/// holds exactly what the page showed: <c>partnership</c>, <c>meeting</c>, <c>area</c>, <c>status</c>, <c>q</c>,
/// <c>lead</c>, <c>targetFrom</c>, <c>targetTo</c>, <c>asOf</c>, <c>since</c>.
/// </summary>
public sealed class ReportQuery
{
    [FromQuery(Name = "partnership")] public string? Partnership { get; set; }
    [FromQuery(Name = "meeting")] public string? Meeting { get; set; }
    [FromQuery(Name = "area")] public string? Area { get; set; }
    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "lead")] public string? Lead { get; set; }
    [FromQuery(Name = "targetFrom")] public string? TargetFrom { get; set; }
    [FromQuery(Name = "targetTo")] public string? TargetTo { get; set; }
    [FromQuery(Name = "asOf")] public string? AsOf { get; set; }
    [FromQuery(Name = "since")] public string? Since { get; set; }

    /// <param name="scope">
    /// The reader's partnership (which <c>partnership</c> in the address chooses, else the one remembered); null where
    /// nothing is remembered (the API), and <c>partnership</c> is read as a filter of its own.
    /// </param>
    private string? _chosen;

    /// <param name="text">
    /// The problems in the reader's language (<c>Resources/Pages/Reports/ReportQuery.ja.resx</c>); without it (the API),
    /// English.
    /// </param>
    public async Task<(ReportFilter Filter, IReadOnlyList<string> Problems)> ReadAsync(PortalDbContext db, DateOnly today, CancellationToken ct,
        PartnershipScope? scope = null, IStringLocalizer<ReportQuery>? text = null)
    {
        string T(string english, params object[] arguments) =>
            text is null ? string.Format(System.Globalization.CultureInfo.InvariantCulture, english, arguments) : text[english, arguments].Value;

        var reader = new FilterReader(db, scope);
        var deliverables = await reader.ReadAsync(Q, Area, Status, Meeting, ct);
        // An export link carries the partnership the page showed, even when the page had it from the reader's choice.
        _chosen = scope?.Chosen?.Slug;
        int? partnershipId = deliverables.PartnershipId;
        if (scope is null && !string.IsNullOrEmpty(Partnership))
        {
            partnershipId = await db.Partnerships.Where(p => p.Slug == Partnership).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (partnershipId is null)
            {
                reader.Problems.Add(T("There is no partnership \"{0}\". Choose one from the list.", Partnership));
            }
        }

        if (Lead is { Length: > 200 })
        {
            reader.Problems.Add(T("The lead can be at most {0} characters long.", 200));
        }

        var asOf = reader.ReadDate(AsOf, T("As of"));
        if (asOf > today)
        {
            reader.Problems.Add(T("\"As of\" cannot be in the future: the portal knows only what has happened."));
        }

        var filter = new ReportFilter
        {
            Deliverables = deliverables with { PartnershipId = partnershipId },
            Lead = string.IsNullOrWhiteSpace(Lead) ? null : Lead.Trim(),
            TargetFrom = reader.ReadDate(TargetFrom, T("Target from")),
            TargetTo = reader.ReadDate(TargetTo, T("Target to")),
            AsOf = asOf,
            ChangesSince = reader.ReadDate(Since, T("Changes since")),
        };
        if (filter.TargetFrom > filter.TargetTo)
        {
            reader.Problems.Add(T("\"Target from\" is after \"Target to\"."));
        }

        return (filter, reader.Problems);
    }

    /// <summary>
    /// The parameters that are set, under their names in the address, for <c>asp-all-route-data</c>: the export links
    /// and the way back from a failed export carry exactly what the page was asked for. A new dictionary each time,
    /// because an <c>asp-route-…</c> beside it is added into it.
    /// </summary>
    public Dictionary<string, string> RouteValues() =>
        new KeyValuePair<string, string?>[]
            {
                new("partnership", Partnership ?? _chosen), new("meeting", Meeting), new("area", Area), new("status", Status), new("q", Q),
                new("lead", Lead), new("targetFrom", TargetFrom), new("targetTo", TargetTo), new("asOf", AsOf), new("since", Since),
            }
            .Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .ToDictionary(p => p.Key, p => p.Value!);
}
