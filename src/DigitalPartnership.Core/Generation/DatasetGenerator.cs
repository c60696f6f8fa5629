using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Importing;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Core.Generation;

/// <summary>
/// Adds a large, realistic-looking set of deliverables (with history) to the store, for measuring the portal at scale.
/// Deterministic for a given seed, so two runs measure the same data.
/// </summary>
public sealed class DatasetGenerator(PortalDbContext db, TimeProvider time)
{
    public const string GeneratorName = "Dataset generator";

    /// <summary>Starts the source name (and hash) of every generated meeting: <see cref="WithoutGenerated"/> reads it.</summary>
    private const string SourcePrefix = "generated-";
    private const int DeliverablesPerOutcome = 5;
    // One generated meeting per written batch, so memory stays flat however many are asked for.
    private const int BatchSize = 5000;

    private static readonly string[] Subjects =
    [
        "A joint working group", "A team of experts", "A pilot project", "A research programme", "A memorandum of cooperation",
        "An exchange of best practice", "A joint call for proposals", "A workshop series", "A mutual recognition study",
        "An information-sharing mechanism", "A roadmap", "A joint statement",
    ];

    private static readonly string[] Verbs =
    [
        "will be established", "has been launched", "was signed", "will be explored", "is under way", "was adopted",
        "will be prepared", "has been initiated",
    ];

    private static readonly string[] EuLeads = ["DG CONNECT", "DG TRADE", "DG RTD", "ENISA", "EuroHPC JU", "DG DIGIT", "EEAS"];
    private static readonly string[] PartnerLeads = ["MIC", "METI", "Digital Agency", "NICT", "JST", "MOFA", "NISC"];

    /// <summary>
    /// <paramref name="meetings"/> without the ones this generator made, in the query: the one place that knows how a
    /// generated meeting is marked, for the lists and timelines that show real Councils only.
    /// </summary>
    public static IQueryable<Meeting> WithoutGenerated(IQueryable<Meeting> meetings) =>
        meetings.Where(m => !m.SourceHash.StartsWith(SourcePrefix));

    public async Task<int> GenerateAsync(int deliverables, int historyPerDeliverable, int seed, Action<int>? progress, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(deliverables);
        ArgumentOutOfRangeException.ThrowIfNegative(historyPerDeliverable);

        var random = new Random(seed);
        var now = time.GetUtcNow().UtcDateTime;
        // Read untracked: the new rows point at these existing ones, and nothing is tracked while writing.
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Position).ToListAsync(ct);
        var partnership = await db.Partnerships.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException("The store has no partnership yet: seed it first.");
        var firstOrdinal = (await db.Meetings.MaxAsync(m => m.Place.Ordinal, ct) ?? 0) + 100;
        var runId = Guid.NewGuid().ToString("N")[..8];

        var created = 0;
        Meeting? meeting = null;
        Outcome? outcome = null;
        var outcomeNumber = 0;
        // The store writes one batch while the domain builds the next: each keeps a core busy. Only the writer uses the
        // context, and one batch at a time; the next batch shares no new entity with the one being written.
        Task writing = Task.CompletedTask;
        try
        {
            while (created < deliverables)
            {
                if (meeting is null)
                {
                    meeting = NewMeeting(partnership, firstOrdinal++, runId, now);
                }

                if (outcome is null || outcome.Deliverables.Count >= DeliverablesPerOutcome)
                {
                    outcomeNumber++;
                    var outcomeAreas = Pick(random, areas, random.Next(1, 3));
                    outcome = meeting.AddOutcome($"{SourcePrefix}{runId}-{outcomeNumber}",
                        $"{outcomeAreas[0].Name}: generated outcome {outcomeNumber}",
                        $"Generated outcome on {string.Join(" and ", outcomeAreas.Select(a => a.Name))}.", outcomeAreas);
                }

                AddDeliverable(random, outcome, areas, historyPerDeliverable, now);
                created++;
                if (created % BatchSize == 0 || created == deliverables)
                {
                    await writing;
                    var (batch, upTo) = (meeting, created);
                    // Written in bulk: the entities are built by the domain as usual, only the writing is different.
                    writing = Task.Run(async () =>
                    {
                        await BulkInsert.SaveNewAsync(db, [batch], ct);
                        progress?.Invoke(upTo);
                    }, ct);
                    meeting = null;
                    outcome = null;
                }
            }

            await writing;
        }
        finally
        {
            // Whatever went wrong, the context is not given back while a batch is still being written with it; a write
            // that failed behind an error of the loop is observed here, the loop's error being the one thrown.
            await writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _ = writing.Exception;
        }

        return created;
    }

    private void AddDeliverable(Random random, Outcome outcome, IReadOnlyList<Area> areas, int history, DateTime now)
    {
        var subject = Subjects[random.Next(Subjects.Length)];
        var area = areas.Count == 0 ? null : areas[random.Next(areas.Count)];
        var verb = Verbs[random.Next(Verbs.Length)];
        var sentence = $"{subject} on {area?.Name.ToLowerInvariant() ?? "digital cooperation"} {verb}.";
        var start = now.AddDays(-random.Next(200, 900));
        var deliverable = outcome.AddDeliverable(sentence.TrimEnd('.'), StatusProposal.For(sentence), sentence,
            area is null ? [] : [area], start, GeneratorName, "Generated.");

        var at = start;
        for (var i = 0; i < history; i++)
        {
            at = at.AddDays(random.Next(1, 60)).AddMinutes(random.Next(0, 1440));
            if (at > now)
            {
                break;
            }

            var status = (DeliverableStatus)random.Next(0, 6);
            deliverable.ChangeStatus(status, status == DeliverableStatus.Completed ? 100 : random.Next(0, 10) * 10,
                $"Generated change {i + 1}.", GeneratorName, at);
        }

        deliverable.SetResponsibility(
            EuLeads[random.Next(EuLeads.Length)],
            PartnerLeads[random.Next(PartnerLeads.Length)],
            random.Next(4) == 0 ? null : DateOnly.FromDateTime(now.AddDays(random.Next(-365, 730))),
            GeneratorName, deliverable.UpdatedAtUtc);
    }

    private static Meeting NewMeeting(Partnership partnership, int ordinal, string runId, DateTime now)
    {
        var text = $"Generated meeting {ordinal} ({runId}) for measuring the portal at scale. Not a Council text.";
        return new Meeting(partnership, $"Generated meeting {ordinal}", new MeetingPlace(ordinal, "Generated", null, null, now.Year),
            $"{SourcePrefix}{runId}-{ordinal}", text, $"{SourcePrefix}{runId}-{ordinal}", now);
    }

    private static List<T> Pick<T>(Random random, IReadOnlyList<T> items, int count) =>
        items.OrderBy(_ => random.Next()).Take(Math.Min(count, items.Count)).ToList();
}
