using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace DigitalPartnership.Tests.Importing;

/// <summary>Storing what a text yields, against a real SQLite file.</summary>
public sealed class CouncilImporterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset ImportTime = new(2025, 1, 15, 9, 30, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Seeding_an_empty_store_imports_the_second_Council_with_provenance_and_history()
    {
        await SeedAsync();

        await using var db = _database.NewContext();
        var meeting = await db.Meetings.Include(m => m.Partnership).SingleAsync();
        Assert.Equal((2, "Brussels", "EU–Japan Digital Partnership"), (meeting.Place.Ordinal, meeting.Place.City, meeting.Partnership.Name));
        Assert.Equal(File.ReadAllText(TestFiles.SeedText), meeting.SourceText);

        var memorandum = await db.Deliverables.Include(d => d.History).SingleAsync(d => d.Title.StartsWith("A Memorandum"));
        Assert.Equal(DeliverableStatus.Completed, memorandum.Status);
        Assert.Equal(ImportTime.UtcDateTime, memorandum.CreatedAtUtc);
        var created = Assert.Single(memorandum.History);
        Assert.Equal((null, DeliverableStatus.Completed, CouncilImporter.ImporterName), (created.FromStatus, created.ToStatus, created.ChangedBy));

        var milestone = await db.Milestones.SingleAsync();
        Assert.Equal(("Tokyo", "Japan", 2025, 3), (milestone.Place.City, milestone.Place.Country, milestone.Place.Year, milestone.Place.Ordinal));
        Assert.Equal(TestFiles.Taxonomy.Areas.Count, await db.Areas.CountAsync());
    }

    [Fact]
    public async Task Importing_the_same_text_twice_changes_nothing()
    {
        await SeedAsync();
        var before = await CountsAsync();

        await using var db = _database.NewContext();
        var result = await Importer(db).ImportAsync("copy.txt", File.ReadAllText(TestFiles.SeedText), CancellationToken.None);

        Assert.Equal(ImportOutcome.AlreadyImported, result.Outcome);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_text_without_outcomes_leaves_the_store_untouched()
    {
        await SeedAsync();
        var before = await CountsAsync();

        await using var db = _database.NewContext();
        await Assert.ThrowsAsync<CouncilTextException>(() =>
            Importer(db).ImportAsync("no-outcomes.txt", File.ReadAllText(TestFiles.CouncilText("no-outcomes.txt")), CancellationToken.None));

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Another_text_of_an_imported_Council_is_refused_rather_than_duplicated()
    {
        await SeedAsync();
        var variant = File.ReadAllText(TestFiles.SeedText).Replace("Both sides agreed", "The two sides agreed");

        await using var db = _database.NewContext();
        var error = await Assert.ThrowsAsync<CouncilTextException>(() => Importer(db).ImportAsync("variant.txt", variant, CancellationToken.None));

        Assert.Contains("2nd Council", error.Message);
        Assert.Equal(1, await db.Meetings.CountAsync());
    }

    [Fact]
    public async Task A_second_partnership_and_a_repeated_outcome_title_get_their_own_addresses()
    {
        await SeedAsync();
        await using var db = _database.NewContext();
        var korea = await Importer(db).ImportAsync("korea.md", File.ReadAllText(TestFiles.CouncilText("markdown-bullets-no-next-meeting.md")), CancellationToken.None);

        Assert.Equal(ImportOutcome.Imported, korea.Outcome);
        Assert.Equal(["EU–Japan Digital Partnership", "EU–Korea Digital Partnership"], await db.Partnerships.OrderBy(p => p.Id).Select(p => p.Name).ToListAsync());
        var slugs = await db.Outcomes.Select(o => o.Slug).ToListAsync();
        Assert.Equal(slugs.Count, slugs.Distinct().Count());
        Assert.Contains("semiconductors", slugs);
    }

    [Fact]
    public async Task Stores_the_section_of_each_outcome_the_last_day_and_the_next_meeting_in_the_texts_words()
    {
        await using var db = _database.NewContext();
        await Importer(db).ImportAsync("ctd.md", File.ReadAllText(TestFiles.CouncilText("lettered-sections-split-bold.md")), CancellationToken.None);

        await using var read = _database.NewContext();
        var meeting = await read.Meetings.SingleAsync();
        Assert.Equal((new DateOnly(2025, 6, 4), new DateOnly(2025, 6, 5)), (meeting.Place.Date, meeting.EndDate));
        Assert.Equal(
            [
                ("A. Advancing Leadership on Critical and Emerging Technologies", "Artificial Intelligence"),
                ("A. Advancing Leadership on Critical and Emerging Technologies", "Quantum"),
                ("B. Connectivity and Digital Infrastructure", "Joint Projects with Chile and Peru"),
                ("B. Connectivity and Digital Infrastructure", "Secure Subsea Cables for the Arctic and Pacific Routes"),
                ("C. Trade, Labour and Economic Security", "Economic Coercion"),
                ("C. Trade, Labour and Economic Security", "Trade and Labour Dialogue"),
                ("D. Talent for Growth", "Talent for Growth"),
            ],
            (await read.Outcomes.OrderBy(o => o.Position).Select(o => new { o.Section, o.Title }).ToListAsync()).Select(o => (o.Section, o.Title)));
        Assert.Equal("in mid-2026 in Europe", (await read.Milestones.SingleAsync()).AsStated);
    }

    [Fact]
    public async Task The_seeded_text_has_no_sections_and_a_single_day()
    {
        await SeedAsync();

        await using var db = _database.NewContext();
        Assert.Null(await db.Meetings.Select(m => m.EndDate).SingleAsync());
        Assert.False(await db.Outcomes.AnyAsync(o => o.Section != null));
    }

    [Fact]
    public async Task Correcting_the_first_day_drops_the_texts_last_day_and_journals_it()
    {
        await using (var db = _database.NewContext())
        {
            await Importer(db).ImportAsync("ctd.md", File.ReadAllText(TestFiles.CouncilText("lettered-sections-split-bold.md")), CancellationToken.None);
        }

        await using var edit = _database.NewContext();
        var meeting = await edit.Meetings.SingleAsync();
        var unchanged = meeting.Correct(meeting.Place with { City = "Ottawa" }, null, null, "no change", "editor", ImportTime.UtcDateTime);
        Assert.Null(unchanged);
        Assert.Equal(new DateOnly(2025, 6, 5), meeting.EndDate);

        var entry = meeting.Correct(meeting.Place with { Date = new DateOnly(2025, 6, 3) }, null, null, "started a day earlier", "editor", ImportTime.UtcDateTime);

        Assert.Null(meeting.EndDate);
        Assert.Contains(entry!.Details, d => d.Field == JournalFields.EndDate && d.OldValue == "2025-06-05" && d.NewValue is null);
    }

    private async Task SeedAsync()
    {
        await using var db = _database.NewContext();
        var results = await new PortalSeeder(Importer(db)).SeedAsync(TestFiles.Seeds, CancellationToken.None);
        Assert.Equal(ImportOutcome.Imported, Assert.Single(results).Result?.Outcome);
    }

    private static CouncilImporter Importer(Core.Data.PortalDbContext db) => new(db, TestFiles.Taxonomy, new FakeTimeProvider(ImportTime));

    private async Task<(int Meetings, int Outcomes, int Deliverables, int History, int Milestones, int Partnerships)> CountsAsync()
    {
        await using var db = _database.NewContext();
        return (await db.Meetings.CountAsync(), await db.Outcomes.CountAsync(), await db.Deliverables.CountAsync(),
            await db.StatusChanges.CountAsync(), await db.Milestones.CountAsync(), await db.Partnerships.CountAsync());
    }
}
