using DigitalPartnership.Core.Domain;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DigitalPartnership.Tests.Journal;

/// <summary>A store from before the journal keeps every history row: each becomes a journal entry with its details.</summary>
public sealed class JournalMigrationTests
{
    [Fact]
    public async Task Every_status_change_of_an_older_store_becomes_a_journal_entry_with_who_when_why_and_what()
    {
        var store = TestEngine.NewStore(TestEngine.Name, "journal-migration");
        try
        {
            await using (var db = TestDatabase.ContextOn(store))
            {
                var migrations = db.Database.GetMigrations().ToList();
                var journal = migrations.Single(m => m.EndsWith("_Journal", StringComparison.Ordinal));
                await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.IndexOf(journal) - 1]);

                // Rows as the previous version wrote them, in its schema.
                var created = new DateTime(2024, 4, 30, 9, 0, 0, DateTimeKind.Utc);
                await db.Database.ExecuteSqlAsync($"""INSERT INTO "Partnerships" ("Slug", "Name", "Partner") VALUES ('old', 'EU–Japan Digital Partnership', 'Japan')""");
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "Meetings" ("PartnershipId", "Title", "SourceFileName", "SourceText", "SourceHash", "ImportedAtUtc")
                    SELECT "Id", 'Second Council', 'old.txt', 'Old text.', 'old-hash', {created} FROM "Partnerships" WHERE "Slug" = 'old'
                    """);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "Outcomes" ("MeetingId", "Slug", "Title", "Summary", "Position", "Version")
                    SELECT "Id", 'old-outcome', 'Semiconductors', 'Summary.', 1, 0 FROM "Meetings" WHERE "SourceHash" = 'old-hash'
                    """);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "Deliverables" ("OutcomeId", "Position", "Title", "Status", "Progress", "CreatedAtUtc", "UpdatedAtUtc", "Version")
                    SELECT "Id", 1, 'Joint research on chips', 1, 60, {created}, {created}, 2 FROM "Outcomes" WHERE "Slug" = 'old-outcome'
                    """);
                foreach (var (at, by, from, to, progress, note) in new (DateTime, string, int?, int, int?, string?)[]
                         {
                             (created, "Council text importer", null, 0, null, "From the Council text."),
                             (created.AddDays(10), "editor@example.org", 0, 1, 40, "Kick-off held."),
                             (created.AddDays(20), "manager@example.org", 1, 1, 60, "Halfway, said the *working group*."),
                         })
                {
                    await db.Database.ExecuteSqlAsync($"""
                        INSERT INTO "StatusChanges" ("DeliverableId", "ChangedAtUtc", "ChangedBy", "FromStatus", "ToStatus", "Progress", "Note")
                        SELECT "Id", {at}, {by}, {from}, {to}, {progress}, {note} FROM "Deliverables" WHERE "Title" = 'Joint research on chips'
                        """);
                }

                await db.Database.MigrateAsync();
            }

            await using var after = TestDatabase.ContextOn(store);
            var id = await after.Deliverables.Where(d => d.Title == "Joint research on chips").Select(d => d.Id).SingleAsync();
            var entries = await after.JournalEntries.AsNoTracking().Include(j => j.Details).Where(j => j.DeliverableId == id)
                .OrderBy(j => j.AtUtc).ToListAsync();
            Assert.Equal(3, entries.Count);
            Assert.Equal(["Council text importer", "editor@example.org", "manager@example.org"], entries.Select(e => e.By));
            Assert.Equal(["From the Council text.", "Kick-off held.", "Halfway, said the *working group*."], entries.Select(e => e.Note));
            Assert.Equal([new DateTime(2024, 4, 30, 9, 0, 0), new DateTime(2024, 5, 10, 9, 0, 0), new DateTime(2024, 5, 20, 9, 0, 0)],
                entries.Select(e => DateTime.SpecifyKind(e.AtUtc, DateTimeKind.Unspecified)));
            Assert.Equal(["status::Not started"], Details(entries[0]));
            Assert.Equal(["status:Not started:In progress", "progress::40"], Details(entries[1]));
            Assert.Equal(["progress:40:60"], Details(entries[2])); // status unchanged, so only the progress
            Assert.All(entries, e => Assert.NotNull(e.StatusChangeId));
            Assert.Equal(3, await after.StatusChanges.CountAsync(h => h.DeliverableId == id)); // the timeline stays for the reports
        }
        finally
        {
            TestEngine.Delete(store);
        }
    }

    private static IEnumerable<string> Details(JournalEntry entry) =>
        entry.Details.OrderBy(d => d.Field == JournalFields.Status ? 0 : 1).Select(d => $"{d.Field}:{d.OldValue}:{d.NewValue}");
}
