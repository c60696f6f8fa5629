using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Core.Reporting;

/// <summary>
/// What a manager puts on a progress report: the list's own filters (<see cref="DeliverableFilter"/>: q, area, status,
/// meeting) plus partnership, lead, target dates, the date the status is read at and the date changes are shown from.
/// </summary>
public sealed record ReportFilter
{
    public static ReportFilter None { get; } = new();

    /// <summary>The filters the deliverables list uses; its status is read as of <see cref="AsOf"/> when that is set.</summary>
    public DeliverableFilter Deliverables { get; init; } = DeliverableFilter.None;

    /// <summary>The partnership reported on (null: all): the list's own scope, <see cref="DeliverableFilter.PartnershipId"/>.</summary>
    public int? PartnershipId => Deliverables.PartnershipId;

    /// <summary>Part of the EU-side or the partner-side lead, in any case.</summary>
    public string? Lead { get; init; }

    public DateOnly? TargetFrom { get; init; }
    public DateOnly? TargetTo { get; init; }

    /// <summary>Report the status each deliverable had at the end of this day (UTC); null means now.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>
    /// Show the changes made on or after this day. Null lets <see cref="ProgressReportBuilder"/> choose the date of the
    /// latest Council meeting, if one has a date.
    /// </summary>
    public DateOnly? ChangesSince { get; init; }

    /// <summary>The first instant after the as-of day, or null when reading the current status.</summary>
    public DateTime? AsOfEndUtc => AsOf?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>
    /// Every deliverable the filter selects, with the status and progress it had as of <see cref="AsOf"/>. A deliverable
    /// whose first history row is later than that did not exist yet and is left out. All of it runs in the database:
    /// the as-of status is a correlated subquery on the (DeliverableId, ChangedAtUtc) index, one seek per deliverable.
    /// </summary>
    public IQueryable<DeliverableAsOf> Apply(PortalDbContext db)
    {
        var deliverables = db.Matching(Deliverables with { Status = null });
        if (!string.IsNullOrWhiteSpace(Lead))
        {
            deliverables = deliverables.WithLead(Lead);
        }

        if (TargetFrom is { } from)
        {
            deliverables = deliverables.Where(d => d.TargetDate >= from);
        }

        if (TargetTo is { } to)
        {
            deliverables = deliverables.Where(d => d.TargetDate <= to);
        }

        IQueryable<DeliverableAsOf> states;
        if (AsOfEndUtc is { } end)
        {
            var history = db.StatusChanges.Where(h => h.ChangedAtUtc < end);
            // Scalar subqueries, one per column, rather than one row subquery: EF turns a row subquery into a window
            // over the whole history table, while each of these is an index seek.
            states = deliverables
                .Select(d => new
                {
                    Deliverable = d,
                    Status = history.Where(h => h.DeliverableId == d.Id)
                        .OrderByDescending(h => h.ChangedAtUtc).ThenByDescending(h => h.Id)
                        .Select(h => (DeliverableStatus?)h.ToStatus).FirstOrDefault(),
                    Progress = history.Where(h => h.DeliverableId == d.Id)
                        .OrderByDescending(h => h.ChangedAtUtc).ThenByDescending(h => h.Id)
                        .Select(h => h.Progress).FirstOrDefault(),
                    LastChangeUtc = history.Where(h => h.DeliverableId == d.Id).Max(h => (DateTime?)h.ChangedAtUtc),
                })
                .Where(x => x.Status != null)
                .Select(x => new DeliverableAsOf
                {
                    Deliverable = x.Deliverable,
                    Status = x.Status!.Value,
                    Progress = x.Progress,
                    LastChangeUtc = x.LastChangeUtc,
                });
        }
        else
        {
            states = deliverables.Select(d => new DeliverableAsOf
            {
                Deliverable = d,
                Status = d.Status,
                Progress = d.Progress,
                LastChangeUtc = db.StatusChanges.Where(h => h.DeliverableId == d.Id).Max(h => (DateTime?)h.ChangedAtUtc),
            });
        }

        if (Deliverables.Status is { } status)
        {
            states = states.Where(x => x.Status == status);
        }

        return states;
    }
}

/// <summary>A deliverable with the status and progress it had at the report's date.</summary>
/// <remarks>Init properties, not a positional record: EF composes further queries only through member-init projections.</remarks>
public sealed record DeliverableAsOf
{
    public Deliverable Deliverable { get; init; } = null!;
    public DeliverableStatus Status { get; init; }
    public int? Progress { get; init; }

    /// <summary>When the last history row up to the report's date was written.</summary>
    public DateTime? LastChangeUtc { get; init; }
}
