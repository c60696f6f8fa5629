using System.Security.Cryptography;
using System.Text;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Core.Importing;

public enum ImportOutcome
{
    Imported,

    /// <summary>The same text was imported before: nothing changed.</summary>
    AlreadyImported,
}

public sealed record ImportResult(ImportOutcome Outcome, int MeetingId, int Outcomes, int Deliverables)
{
    /// <summary>Follow-through links to earlier Councils' deliverables stored with it (those the editor accepted).</summary>
    public int Links { get; init; }
}

/// <summary>Stores what a Council text yields: one transaction, all or nothing, and the same text twice changes nothing.</summary>
public sealed class CouncilImporter(PortalDbContext db, AreaTaxonomy taxonomy, TimeProvider time)
{
    public const string ImporterName = "Council text importer";

    /// <param name="acceptedLinks">
    /// The <see cref="LinkProposal.Key"/>s of the proposed follow-through links an editor accepted; none when null or
    /// empty. A key that is not among the proposals (the store changed since the preview) refuses the import.
    /// </param>
    public async Task<ImportResult> ImportAsync(string fileName, string text, CancellationToken ct, string importedBy = ImporterName,
        IReadOnlyCollection<string>? acceptedLinks = null)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var known = await db.Meetings.AsNoTracking().Where(m => m.SourceHash == hash).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
        if (known is { } knownId)
        {
            return new ImportResult(ImportOutcome.AlreadyImported, knownId, 0, 0);
        }

        var parsed = Check(new CouncilTextParser(taxonomy).Parse(text));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var partnership = await FindOrAddPartnershipAsync(parsed.Partnership!, ct);
        if (parsed.Meeting.Ordinal is { } ordinal && partnership.Id != 0)
        {
            var twin = await db.Meetings.AsNoTracking()
                .Where(m => m.PartnershipId == partnership.Id && m.Place.Ordinal == ordinal)
                .Select(m => m.SourceFileName).FirstOrDefaultAsync(ct);
            if (twin is not null)
            {
                throw new CouncilTextException(
                    $"the {MeetingPlace.OrdinalWord(ordinal)} Council of the {partnership.Name} was already imported from {twin}");
            }
        }

        var proposals = acceptedLinks is { Count: > 0 } ? await new LinkProposer(db).ProposeAsync(parsed, ct) : [];
        var accepted = Accepted(proposals, acceptedLinks);
        var areas = await SyncAreasAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var meeting = new Meeting(partnership, parsed.Title, parsed.Meeting, fileName, text, hash, now, parsed.Facts.Date.Value?.End);
        var slugs = new UniqueSlugs(await db.Outcomes.AsNoTracking().Select(o => o.Slug).ToListAsync(ct));
        var created = new List<List<Deliverable>>();
        foreach (var parsedOutcome in parsed.Outcomes)
        {
            created.Add([]);
            var outcome = meeting.AddOutcome(slugs.Claim(parsedOutcome.Title), parsedOutcome.Title, parsedOutcome.Summary,
                parsedOutcome.Areas.Select(a => areas[a.Slug]), TextRules.Within(parsedOutcome.Section?.Display, Outcome.SectionMaxLength));
            foreach (var d in parsedOutcome.Deliverables)
            {
                created[^1].Add(outcome.AddDeliverable(d.Title, d.Status, d.Source, d.Areas.Select(a => areas[a.Slug]), now, ImporterName,
                    $"Imported from {fileName}; status proposed from the wording of the source sentence."));
            }
        }

        db.Meetings.Add(meeting);
        foreach (var link in accepted)
        {
            var earlier = await db.Deliverables.FirstAsync(d => d.Id == link.Earlier.Id, ct);
            created[link.Outcome - 1][link.Deliverable - 1].Continue(earlier, link.Basis, importedBy, now);
        }

        if (parsed.NextMeeting is { } next)
        {
            db.Milestones.Add(new Milestone(partnership, meeting, MilestoneKind.NextCouncil, $"Next Council: {next.Describe()}", next,
                TextRules.Within(parsed.Facts.NextMeetingAsStated, Milestone.AsStatedMaxLength)));
        }

        db.Audit(now, importedBy, AuditActions.CouncilTextImported, $"Meeting: {parsed.Title}",
            $"{fileName}: {parsed.Outcomes.Count} outcomes, {parsed.Outcomes.Sum(o => o.Deliverables.Count)} deliverables");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ImportResult(ImportOutcome.Imported, meeting.Id, meeting.Outcomes.Count,
            meeting.Outcomes.Sum(o => o.Deliverables.Count)) { Links = accepted.Count };
    }

    /// <summary>The proposals whose keys an editor accepted; a key not proposed refuses the import, as a stale preview.</summary>
    private static IReadOnlyList<LinkProposal> Accepted(IReadOnlyList<LinkProposal> proposals, IReadOnlyCollection<string>? keys)
    {
        var byKey = proposals.ToDictionary(p => p.Key, StringComparer.Ordinal);
        var accepted = new List<LinkProposal>();
        foreach (var key in (keys ?? []).Distinct(StringComparer.Ordinal))
        {
            if (!byKey.TryGetValue(key, out var proposal))
            {
                throw new CouncilTextException("a link it was asked to make is not among the links proposed now (the store changed since the preview, "
                    + "or the form was altered); preview the text again");
            }

            accepted.Add(proposal);
        }

        return accepted;
    }

    /// <summary>
    /// What a text must yield to be stored, beyond what the parser demands: the partnership it belongs to, and every
    /// value within the rules its entity enforces (PostgreSQL would refuse an over-long value; SQLite would keep it).
    /// </summary>
    public static CouncilText Check(CouncilText parsed)
    {
        if (parsed.Partnership is null)
        {
            throw new CouncilTextException("names no partnership: expected \"the EU and <partner>\" or \"<partner>-EU\" near the start");
        }

        return StorageProblem(parsed) is { } problem ? throw new CouncilTextException(problem) : parsed;
    }

    /// <summary>The first value the entities would refuse, in words, or null.</summary>
    private static string? StorageProblem(CouncilText parsed)
    {
        var checks = new List<(string Label, string? Text, int MaxLength, TextKind Kind)>
        {
            ("the meeting's title", parsed.Title, Meeting.TitleMaxLength, TextKind.SingleLine),
            ("the partnership's name", parsed.Partnership!.Name, Partnership.NameMaxLength, TextKind.SingleLine),
            ("the partner's name", parsed.Partnership.Partner, Partnership.PartnerMaxLength, TextKind.SingleLine),
            // Shortened to fit when stored; only a control character could still be refused.
            ("the next meeting's wording", TextRules.Within(parsed.Facts.NextMeetingAsStated, Milestone.AsStatedMaxLength), Milestone.AsStatedMaxLength, TextKind.SingleLine),
        };
        foreach (var (place, which) in new[] { (parsed.Meeting, "the meeting's"), (parsed.NextMeeting, "the next meeting's") })
        {
            checks.Add(($"{which} city", place?.City, MeetingPlace.CityMaxLength, TextKind.SingleLine));
            checks.Add(($"{which} country", place?.Country, MeetingPlace.CountryMaxLength, TextKind.SingleLine));
        }

        foreach (var (outcome, i) in parsed.Outcomes.Select((o, i) => (o, i + 1)))
        {
            checks.Add(($"outcome {i}'s title", outcome.Title, Outcome.TitleMaxLength, TextKind.SingleLine));
            checks.Add(($"outcome {i}'s section", TextRules.Within(outcome.Section?.Display, Outcome.SectionMaxLength), Outcome.SectionMaxLength, TextKind.SingleLine));
            checks.Add(($"outcome {i}'s summary", outcome.Summary, Outcome.SummaryMaxLength, TextKind.Markdown));
            foreach (var (deliverable, j) in outcome.Deliverables.Select((d, j) => (d, j + 1)))
            {
                checks.Add(($"deliverable {i}.{j}'s title", deliverable.Title, Deliverable.TitleMaxLength, TextKind.SingleLine));
                checks.Add(($"deliverable {i}.{j}'s source sentence", deliverable.Source, Deliverable.SourceSentenceMaxLength, TextKind.MultiLine));
            }
        }

        return checks.Select(c => TextRules.Problem(c.Label, c.Text, c.MaxLength, c.Kind)).FirstOrDefault(p => p is not null)?.TrimEnd('.');
    }

    /// <summary>Makes the stored areas match the curated taxonomy (new areas added, names and aliases updated).</summary>
    public async Task<IReadOnlyDictionary<string, Area>> SyncAreasAsync(CancellationToken ct)
    {
        var stored = await db.Areas.Include(a => a.Aliases).ToDictionaryAsync(a => a.Slug, ct);
        var position = 0;
        foreach (var definition in taxonomy.Areas)
        {
            position++;
            if (!stored.TryGetValue(definition.Slug, out var area))
            {
                area = new Area(definition.Slug, definition.Name, definition.Description, position);
                db.Areas.Add(area);
                stored.Add(definition.Slug, area);
            }

            area.Update(definition.Name, definition.Description, position);
            area.SetAliases(definition.Aliases);
        }

        await db.SaveChangesAsync(ct);
        return stored;
    }

    private async Task<Partnership> FindOrAddPartnershipAsync(PartnershipName name, CancellationToken ct)
    {
        var slug = Slugs.From(name.Name);
        var partnership = await db.Partnerships.FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (partnership is null)
        {
            partnership = new Partnership(name.Name, name.Partner);
            db.Partnerships.Add(partnership);
            await db.SaveChangesAsync(ct);
        }

        return partnership;
    }

    /// <summary>Outcome addresses are global; a title seen before gets "-2", "-3"….</summary>
    private sealed class UniqueSlugs(IEnumerable<string> taken)
    {
        private readonly HashSet<string> _taken = new(taken, StringComparer.Ordinal);

        public string Claim(string title)
        {
            var slug = Slugs.From(title);
            var candidate = slug;
            for (var n = 2; !_taken.Add(candidate); n++)
            {
                candidate = $"{slug}-{n}";
            }

            return candidate;
        }
    }
}
