using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Generation;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalPartnership.Tests.Hosting;

/// <summary>
/// The dataset generator writes its rows in bulk, past EF Core's change tracker: the store it leaves must read exactly as
/// if the portal had saved each deliverable itself — Councils with their places, links, timeline, journal, search —
/// or every figure measured on it measures something else.
/// </summary>
public sealed class DatasetGeneratorTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_generated_store_reads_as_if_each_deliverable_had_been_saved_by_the_portal()
    {
        long versionBefore;
        int seeded;
        await using (var db = _factory.NewContext())
        {
            versionBefore = await db.StoreVersions.Select(v => v.Value).SingleAsync();
            seeded = await db.Deliverables.CountAsync();
        }

        await GenerateAsync(300);
        await GenerateAsync(50); // a second run continues after the highest keys

        await using (var db = _factory.NewContext())
        {
            Assert.Equal(seeded + 350, await db.Deliverables.CountAsync());
            Assert.True(await db.StoreVersions.Select(v => v.Value).SingleAsync() > versionBefore, "kept pages would not see the new rows");

            // Each generated Council has its place, as the Council pages name it.
            var meetings = await db.Meetings.Where(m => m.SourceHash.StartsWith("generated-")).ToListAsync();
            Assert.Equal(2, meetings.Count);
            Assert.All(meetings, m =>
            {
                Assert.NotNull(m.Place.Ordinal);
                Assert.Equal("Generated", m.Place.City);
                Assert.Equal(PortalFactory.Now.Year, m.Place.Year);
            });

            var deliverables = await db.Deliverables.Include(d => d.Areas).Include(d => d.History).Include(d => d.Outcome).ThenInclude(o => o.Areas)
                .Where(d => d.Outcome.Meeting.SourceHash.StartsWith("generated-")).OrderBy(d => d.Id).ToListAsync();
            Assert.Equal(350, deliverables.Count);
            Assert.All(deliverables, d =>
            {
                Assert.NotEmpty(d.Areas);
                Assert.NotEmpty(d.Outcome.Areas);
                // The timeline ends where the deliverable stands.
                Assert.Equal(d.Status, d.History.MaxBy(h => (h.ChangedAtUtc, h.Id))!.ToStatus);
            });

            // The journal: a creation with every field, then one entry per status change, each tied to its timeline row.
            var sample = deliverables[123];
            var journal = await db.Set<JournalEntry>().Include(e => e.Details).Include(e => e.StatusChange)
                .Where(e => e.DeliverableId == sample.Id).OrderBy(e => e.Id).ToListAsync();
            Assert.Contains(journal[0].Details, x => x.Field == JournalFields.Title && x.OldValue == null && x.NewValue == sample.Title);
            Assert.Equal(sample.History.Count, journal.Count(e => e.StatusChange is not null));
            Assert.All(journal.Where(e => e.StatusChange is not null), e => Assert.Equal(sample.Id, e.StatusChange!.DeliverableId));
            Assert.Contains(journal, e => e.Details.Any(x => x.Field == JournalFields.EuLead && x.NewValue == sample.EuLead));

            // Search finds a generated deliverable by the words of its title.
            var found = await db.Matching(new DeliverableFilter(sample.Title)).Select(d => d.Id).ToListAsync();
            Assert.Contains(sample.Id, found);
        }
    }

    private async Task GenerateAsync(int deliverables)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<DatasetGenerator>().GenerateAsync(deliverables, 3, 5, null, CancellationToken.None);
        Assert.Equal(deliverables, created);
    }
}
