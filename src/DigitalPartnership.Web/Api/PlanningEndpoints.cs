using System.ComponentModel;
using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Reporting;
using DigitalPartnership.Web.Pages.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Web.Api;

/// <summary>Looking ahead and summing up: the milestones timeline and a progress report's figures as of a day.</summary>
public static class PlanningEndpoints
{
    /// <summary>Target dates the milestones answer lists; more is a list, not a timeline.</summary>
    public const int TargetLimit = 200;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/milestones", MilestonesAsync).WithName("GetMilestones").WithTags("Milestones")
            .WithSummary("The next Councils announced and the open deliverables' target dates from today")
            .WithDescription($"Councils announced by a text and not imported yet, the latest announced first; open deliverables' target dates "
                + $"from today on, the soonest first (at most {TargetLimit}); how many open deliverables are past their target date.")
            .WithResponseExample(ApiExamples.Milestones);
        api.MapGet("/reports/summary", ReportSummaryAsync).WithName("GetReportSummary").WithTags("Reports")
            .RequireAuthorization(ApiPolicies.Report)
            .WithSummary("A progress report's figures, as of any past day (Manager or Admin)")
            .WithDescription("The figures of /reports for the same parameters: counts by status, by area and by outcome as they stood at the "
                + "end of asOf (today when left out), how many were overdue, and how many changes were made since the given day (else since "
                + "the latest Council).")
            .WithResponseExample(ApiExamples.Report)
            .ProducesValidationProblem();
    }

    /// <summary>Open deliverables with a target date: what can still be due, as the milestones page counts them.</summary>
    public static IQueryable<Deliverable> OpenTargets(PortalDbContext db) =>
        db.Deliverables.AsNoTracking().Where(d => d.TargetDate != null && !DeliverableStatusText.Closed.Contains(d.Status));

    private static async Task<ApiJsonResult<MilestonesModel>> MilestonesAsync(PortalDbContext db, TimeProvider time, CancellationToken ct)
    {
        var today = time.UtcToday();
        var councils = (await Councils.AnnouncedAsync(db, ct))
            .Select(c => new NextCouncilModel(c.Partnership, c.Place.Ordinal, c.Place.CouncilName, c.Place.City, c.Place.Country, c.Place.Date,
                c.Place.Year, c.Place.Describe(), c.AnnouncedAtId))
            .ToList();
        var targets = await OpenTargets(db).Where(d => d.TargetDate >= today)
            .OrderBy(d => d.TargetDate).ThenBy(d => d.Id).Take(TargetLimit)
            .Select(d => new TargetModel(d.Id, d.Title, d.TargetDate!.Value, d.Status))
            .ToListAsync(ct);
        var overdue = await OpenTargets(db).CountAsync(d => d.TargetDate < today, ct);
        return ApiResults.Json(new MilestonesModel(today, councils, targets, overdue));
    }

    private static async Task<Results<ApiJsonResult<ReportSummaryModel>, ValidationProblem>> ReportSummaryAsync(
        [Description("A partnership's slug.")] string? partnership,
        [Description("A meeting's id.")] string? meeting,
        [Description("An area's slug.")] string? area,
        [Description("A status, e.g. in-progress.")] string? status,
        [Description("Words to search for.")] string? q,
        [Description("Part of the EU-side or partner-side lead.")] string? lead,
        [Description("Target date from, yyyy-mm-dd.")] string? targetFrom,
        [Description("Target date to, yyyy-mm-dd.")] string? targetTo,
        [Description("Read each status as it was at the end of this day, yyyy-mm-dd; today when left out.")] string? asOf,
        [Description("Count changes from this day, yyyy-mm-dd; from the latest Council when left out.")] string? since,
        PortalDbContext db, ProgressReportBuilder reports, TimeProvider time, CancellationToken ct)
    {
        (string Name, string? Value, Action<ReportQuery, string?> Set)[] parameters =
        [
            ("partnership", partnership, (r, v) => r.Partnership = v), ("meeting", meeting, (r, v) => r.Meeting = v),
            ("area", area, (r, v) => r.Area = v), ("status", status, (r, v) => r.Status = v), ("q", q, (r, v) => r.Q = v),
            ("lead", lead, (r, v) => r.Lead = v), ("targetFrom", targetFrom, (r, v) => r.TargetFrom = v),
            ("targetTo", targetTo, (r, v) => r.TargetTo = v), ("asOf", asOf, (r, v) => r.AsOf = v), ("since", since, (r, v) => r.Since = v),
        ];
        var today = time.UtcToday();
        var errors = new Dictionary<string, string[]>();
        // The reports page's own reader, given one parameter at a time, so each problem is reported under its parameter.
        foreach (var (name, value, set) in parameters.Where(p => !string.IsNullOrEmpty(p.Value)))
        {
            var single = new ReportQuery();
            set(single, value);
            if ((await single.ReadAsync(db, today, ct)).Problems is { Count: > 0 } problems)
            {
                errors[name] = [.. problems];
            }
        }

        var query = new ReportQuery();
        foreach (var (_, value, set) in parameters)
        {
            set(query, value);
        }

        var (filter, together) = errors.Count == 0 ? await query.ReadAsync(db, today, ct) : (ReportFilter.None, []);
        if (together.Count > 0)
        {
            errors["targetFrom"] = [.. together]; // the one rule between two parameters: from before to
        }

        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }

        var report = await reports.BuildAsync(filter, ReportParts.None, ct);
        return ApiResults.Json(new ReportSummaryModel(report.Title, report.PartnershipName, report.ReportDate,
            report.FilterLines.Select(l => new FilterLineModel(l.Label, l.Value)).ToList(),
            StatusCountsModel.From(report.Totals),
            report.ByArea.Select(a => new AreaSummaryModel(a.Slug, a.Name, StatusCountsModel.From(a.Counts))).ToList(),
            report.ByOutcome.Select(o => new OutcomeSummaryModel(o.OutcomeId, o.Title, o.Meeting, StatusCountsModel.From(o.Counts))).ToList(),
            report.OverdueCount, report.ChangesSince, report.ChangesSinceLabel, report.ChangeCount));
    }
}
