using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Domain;

/// <summary>
/// A deliverable's and an outcome's Japanese title and summary: kept beside the English, journalled like every field,
/// left alone by saves that do not show them, and found by a Japanese search on either engine.
/// </summary>
public sealed class JapaneseVersionTests : IAsyncLifetime
{
    private static readonly DateTime Now = PortalFactory.Now.UtcDateTime;
    private readonly PortalFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_deliverables_Japanese_is_stored_journalled_and_kept_by_a_save_that_does_not_show_it()
    {
        var id = await _factory.DeliverableIdAsync();
        await using (var db = _factory.NewContext())
        {
            var d = await db.Deliverables.Include(x => x.EvidenceLinks).Include(x => x.Journal).SingleAsync(x => x.Id == id);
            d.Update(UpdateOf(d) with { Japanese = new JapaneseVersion("  中核技術に関する協力  ", "半導体と6Gの共同研究。") }, "editor@example.org", Now);
            await db.SaveChangesAsync();
        }

        await using (var db = _factory.NewContext())
        {
            var d = await db.Deliverables.Include(x => x.EvidenceLinks).SingleAsync(x => x.Id == id);
            Assert.Equal("中核技術に関する協力", d.TitleJapanese);
            Assert.Equal("半導体と6Gの共同研究。", d.SummaryJapanese);
            var entry = await db.Set<JournalEntry>().Include(e => e.Details).Where(e => e.DeliverableId == id).OrderByDescending(e => e.Id).FirstAsync();
            Assert.Contains(entry.Details, x => x.Field == JournalFields.TitleJapanese && x.OldValue == null && x.NewValue == "中核技術に関する協力");
            Assert.Contains(entry.Details, x => x.Field == JournalFields.SummaryJapanese && x.NewValue == "半導体と6Gの共同研究。");

            // A save without the Japanese (a bulk status update, the API) leaves it as it was.
            d.Update(UpdateOf(d) with { Status = DeliverableStatus.AtRisk }, "editor@example.org", Now.AddHours(1));
            Assert.Equal("中核技術に関する協力", d.TitleJapanese);
            await db.SaveChangesAsync();

            // Blank removes it, and the journal says so.
            d.Update(UpdateOf(d) with { Japanese = JapaneseVersion.None }, "editor@example.org", Now.AddHours(2));
            await db.SaveChangesAsync();
            Assert.Null(d.TitleJapanese);
            var removed = await db.Set<JournalEntry>().Include(e => e.Details).Where(e => e.DeliverableId == id).OrderByDescending(e => e.Id).FirstAsync();
            Assert.Contains(removed.Details, x => x.Field == JournalFields.TitleJapanese && x.OldValue == "中核技術に関する協力" && x.NewValue == null);
        }
    }

    [Fact]
    public async Task An_outcomes_Japanese_is_journalled_and_too_long_a_title_is_refused()
    {
        await using var db = _factory.NewContext();
        var outcome = await db.Outcomes.Include(o => o.Areas).Include(o => o.Journal).OrderBy(o => o.Position).FirstAsync();

        var entry = outcome.Edit(outcome.Title, outcome.Summary, "editor@example.org", Now, japanese: new JapaneseVersion("半導体と6G", null));

        Assert.Equal("半導体と6G", outcome.TitleJapanese);
        Assert.NotNull(entry);
        Assert.Equal([JournalFields.TitleJapanese], entry.Details.Select(x => x.Field));
        var tooLong = new JapaneseVersion(new string('語', JapaneseVersion.TitleMaxLength + 1), null);
        var refused = Assert.Throws<ArgumentException>(() => outcome.Edit(outcome.Title, outcome.Summary, "editor@example.org", Now, japanese: tooLong));
        Assert.Contains("Japanese title", refused.Message);
        Assert.Equal("半導体と6G", outcome.TitleJapanese);
    }

    [Fact]
    public async Task A_Japanese_search_finds_a_deliverable_by_its_Japanese_title_summary_or_outcome()
    {
        var id = await _factory.DeliverableIdAsync();
        await using (var db = _factory.NewContext())
        {
            var d = await db.Deliverables.Include(x => x.EvidenceLinks).Include(x => x.Outcome).SingleAsync(x => x.Id == id);
            d.Update(UpdateOf(d) with { Japanese = new JapaneseVersion("先端技術の協力", "量子計算の共同研究を含む。") }, "editor@example.org", Now);
            await db.SaveChangesAsync();
        }

        Assert.Equal([id], await FoundAsync("先端技術"));
        Assert.Equal([id], await FoundAsync("量子計算"));
        Assert.Empty(await FoundAsync("存在しない語"));
    }

    private async Task<List<int>> FoundAsync(string query)
    {
        await using var db = _factory.NewContext();
        var filter = new DeliverableFilter(query) { Search = SearchText.Parse(query, await AreaVocabulary.LoadAsync(db, CancellationToken.None)) };
        return await db.Matching(filter).Select(d => d.Id).ToListAsync();
    }

    private static DeliverableUpdate UpdateOf(Deliverable d) => new(d.Status, d.Progress, d.EuLead, d.PartnerLead, d.TargetDate, d.Notes, null,
        d.EvidenceLinks.Select(e => new EvidenceLinkInput(e.Url, e.Title)).ToList());
}
