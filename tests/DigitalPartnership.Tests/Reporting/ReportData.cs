using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;

namespace DigitalPartnership.Tests.Reporting;

/// <summary>Small builders for report tests: a partnership, its meetings, areas, outcomes and deliverables with history.</summary>
public sealed class ReportData(PortalDbContext db)
{
    public static readonly DateTime Start = new(2024, 1, 10, 9, 0, 0, DateTimeKind.Utc);
    private int _meetings;
    private int _areas;
    private int _outcomes;

    public PortalDbContext Db => db;

    public Partnership Partnership(string name = "EU–Japan Digital Partnership", string partner = "Japan")
    {
        var partnership = new Partnership(name, partner);
        db.Partnerships.Add(partnership);
        return partnership;
    }

    public Meeting Meeting(Partnership partnership, int ordinal, string city, DateOnly? date)
    {
        _meetings++;
        var meeting = new Meeting(partnership, $"Council {ordinal}", new MeetingPlace(ordinal, city, null, date, date?.Year),
            $"council-{_meetings}.txt", $"Text {_meetings}", $"hash-{Guid.NewGuid():N}", Start);
        db.Meetings.Add(meeting);
        return meeting;
    }

    public Area Area(string name)
    {
        _areas++;
        var area = new Area(Core.Text.Slugs.From(name), name, name, _areas);
        db.Areas.Add(area);
        return area;
    }

    public Outcome Outcome(Meeting meeting, string title, params Area[] areas)
    {
        _outcomes++;
        return meeting.AddOutcome($"{Core.Text.Slugs.From(title)}-{_outcomes}", title, title, areas);
    }

    public Deliverable Deliverable(Outcome outcome, string title, DeliverableStatus status = DeliverableStatus.NotStarted,
        DateTime? createdAtUtc = null, params Area[] areas) =>
        outcome.AddDeliverable(title, status, title, areas, createdAtUtc ?? Start, "Test", "Created by the test.");

    public async Task SaveAsync()
    {
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}
