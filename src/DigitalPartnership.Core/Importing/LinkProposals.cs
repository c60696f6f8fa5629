using System.Globalization;
using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Core.Importing;

/// <summary>A deliverable of an earlier Council of the same partnership: what a new one may continue.</summary>
public sealed record EarlierDeliverable(int Id, string Title, string Council, DeliverableStatus Status, IReadOnlyList<AreaRef> Areas);

/// <summary>
/// A proposed follow-through link: deliverable <see cref="Deliverable"/> of outcome <see cref="Outcome"/> (both counted
/// from 1, in the text's order) continues <see cref="Earlier"/>. The score is explained by the words and areas the two
/// share, so an editor can judge it.
/// </summary>
public sealed record LinkProposal(int Outcome, int Deliverable, EarlierDeliverable Earlier, double Score, double Wording, double AreaShare,
    IReadOnlyList<string> SharedWords, IReadOnlyList<string> SharedAreas)
{
    /// <summary>How the import form names the link it accepts: "3.1:17".</summary>
    public string Key => $"{Outcome}.{Deliverable}:{Earlier.Id}";

    /// <summary>The score and what it rests on, in words, as the link keeps it.</summary>
    public string Basis
    {
        get
        {
            var words = SharedWords.Count == 0 ? "no shared words" : $"shared words {string.Join(", ", SharedWords.Take(8))}";
            var areas = SharedAreas.Count == 0 ? "no area in common" : $"same areas {string.Join(", ", SharedAreas)}";
            return TextRules.Within($"Proposed at import, score {Percent(Score)}: {words}; {areas}.", Continuation.BasisMaxLength)!;
        }
    }

    public static string Percent(double share) => share.ToString("0%", CultureInfo.InvariantCulture);

    /// <summary>Reads a <see cref="Key"/> back; false for anything else.</summary>
    public static bool TryParseKey(string? key, out (int Outcome, int Deliverable, int EarlierId) link)
    {
        link = default;
        var parts = key?.Split(':', '.') ?? [];
        if (parts.Length != 3 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0))
        {
            return false;
        }

        link = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
        return true;
    }
}

/// <summary>
/// Follow-through from one Council to the next: which earlier deliverables of the same partnership a new Council's
/// deliverables continue. The importer proposes, an editor accepts or rejects each, and the deliverable page offers the
/// same earlier deliverables to link by hand.
/// </summary>
public sealed class LinkProposer(PortalDbContext db)
{
    /// <summary>The lowest score proposed.</summary>
    public const double Threshold = 0.3;

    /// <summary>
    /// The least wording two commitments must share, whatever their areas: tried on the EU–US TTC's six statements, one
    /// shared word ("ai") in the same area proposed every AI commitment for every other.
    /// </summary>
    public const double MinimumWording = 0.25;

    /// <summary>At least two shared content words, for the same reason.</summary>
    public const int MinimumSharedWords = 2;

    /// <summary>How many earlier deliverables are proposed for one new deliverable, the best first.</summary>
    public const int PerDeliverable = 2;

    /// <summary>How many earlier deliverables are compared, those of the latest Councils first.</summary>
    public const int CandidateLimit = 5_000;

    private const double WordingWeight = 0.75;

    /// <summary>The links a text's deliverables may have to the stored Councils of its partnership, best first per deliverable.</summary>
    public async Task<IReadOnlyList<LinkProposal>> ProposeAsync(CouncilText text, CancellationToken ct)
    {
        if (text.Partnership is not { } name)
        {
            return [];
        }

        var slug = Slugs.From(name.Name);
        var partnershipId = await db.Partnerships.AsNoTracking().Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (partnershipId is not { } id)
        {
            return [];
        }

        var order = new CouncilOrder(0, text.Meeting.Ordinal, text.Facts.Date.Value?.Start ?? text.Meeting.Date, text.Meeting.Year);
        return Propose(text, await EarlierAsync(id, order, ct));
    }

    /// <summary>
    /// The deliverables of the Councils of a partnership held before <paramref name="later"/>, the latest Council's
    /// first, at most <see cref="CandidateLimit"/>; each Council named with its partnership where the store holds several.
    /// </summary>
    public async Task<IReadOnlyList<EarlierDeliverable>> EarlierAsync(int partnershipId, CouncilOrder later, CancellationToken ct)
    {
        var meetings = (await Councils.Held(db, partnershipId)
                .Select(m => new { m.Id, m.Place.Ordinal, m.Place.Date, m.Place.Year, m.Place.City, m.Place.Country, Partnership = m.Partnership.Name })
                .ToListAsync(ct))
            .Where(m => m.Id != later.Id && FollowThroughRules.IsEarlier(new CouncilOrder(m.Id, m.Ordinal, m.Date, m.Year), later))
            .OrderByDescending(m => m.Ordinal).ThenByDescending(m => m.Date).ThenByDescending(m => m.Id)
            .ToList();
        var found = new List<EarlierDeliverable>();
        var several = await Councils.SeveralPartnershipsAsync(db, ct);
        foreach (var meeting in meetings)
        {
            var rows = await db.Deliverables.AsNoTracking().Where(d => d.Outcome.MeetingId == meeting.Id)
                .OrderBy(d => d.Outcome.Position).ThenBy(d => d.Position).ThenBy(d => d.Id)
                .Take(CandidateLimit - found.Count)
                .Select(d => new { d.Id, d.Title, d.Status })
                .ToListAsync(ct);
            var council = CouncilNames.With(several ? meeting.Partnership : null, MeetingPlace.ShortNameOf(meeting.Ordinal, meeting.City, meeting.Country));
            foreach (var chunk in rows.Chunk(500))
            {
                var areas = await AreaRefs.ForDeliverablesAsync(db, chunk.Select(r => r.Id).ToList(), ct);
                found.AddRange(chunk.Select(r => new EarlierDeliverable(r.Id, r.Title, council, r.Status, areas[r.Id].ToList())));
            }

            if (found.Count >= CandidateLimit)
            {
                break;
            }
        }

        return found;
    }

    /// <summary>
    /// Scores every pair of a new and an earlier deliverable: three parts wording (the content words both titles share)
    /// to one part areas (the areas both are filed under), and keeps the best <see cref="PerDeliverable"/> at or above
    /// <see cref="Threshold"/> whose wording alone is alike enough (<see cref="MinimumWording"/>, <see cref="MinimumSharedWords"/>).
    /// </summary>
    public static IReadOnlyList<LinkProposal> Propose(CouncilText text, IReadOnlyList<EarlierDeliverable> earlier)
    {
        var scorer = new Scorer(earlier, text.Partnership is { } p ? [.. p.Parties, p.Partner, p.Name] : []);
        return text.Outcomes.SelectMany((outcome, i) => outcome.Deliverables.SelectMany((d, j) =>
                scorer.Best(i + 1, j + 1, d.Title, d.Areas.Select(a => a.Slug))))
            .ToList();
    }

    /// <summary>The earlier deliverables most like one stored deliverable, for the page that links it by hand.</summary>
    public static IReadOnlyList<LinkProposal> Suggest(string title, IEnumerable<string> areaSlugs, IReadOnlyList<EarlierDeliverable> earlier,
        IEnumerable<string> partnershipNames, int count) =>
        new Scorer(earlier, partnershipNames).Best(0, 0, title, areaSlugs, count).ToList();

    /// <summary>The earlier deliverables' words and areas, read once for every new deliverable compared with them.</summary>
    private sealed class Scorer(IReadOnlyList<EarlierDeliverable> earlier, IEnumerable<string> partnershipNames)
    {
        private readonly List<string> _common = partnershipNames.ToList();
        private readonly List<(EarlierDeliverable Deliverable, IReadOnlySet<string> Words, HashSet<string> Areas)> _candidates = [];

        public IEnumerable<LinkProposal> Best(int outcome, int deliverable, string title, IEnumerable<string> areaSlugs, int count = PerDeliverable)
        {
            if (_candidates.Count == 0 && earlier.Count > 0)
            {
                _candidates.AddRange(earlier.Select(e => (e, ContentWords.Of(e.Title, _common), e.Areas.Select(a => a.Slug).ToHashSet(StringComparer.Ordinal))));
            }

            var words = ContentWords.Of(title, _common);
            var areas = areaSlugs.ToHashSet(StringComparer.Ordinal);
            return _candidates
                .Select(c => Score(outcome, deliverable, words, areas, c.Deliverable, c.Words, c.Areas))
                .Where(s => s.Score >= Threshold && s.Wording >= MinimumWording && s.SharedWords.Count >= MinimumSharedWords)
                .OrderByDescending(s => s.Score).ThenByDescending(s => s.Earlier.Id)
                .Take(count);
        }
    }

    private static LinkProposal Score(int outcome, int deliverable, IReadOnlySet<string> words, IReadOnlySet<string> areas,
        EarlierDeliverable earlier, IReadOnlySet<string> earlierWords, IReadOnlySet<string> earlierAreas)
    {
        var wording = ContentWords.Overlap(words, earlierWords);
        var sharedAreas = earlier.Areas.Where(a => areas.Contains(a.Slug)).Select(a => a.Name).ToList();
        var union = areas.Union(earlierAreas).Count();
        var areaShare = union == 0 ? 0 : (double)sharedAreas.Count / union;
        var shared = words.Where(earlierWords.Contains).Order(StringComparer.Ordinal).ToList();
        return new LinkProposal(outcome, deliverable, earlier, WordingWeight * wording + (1 - WordingWeight) * areaShare, wording, areaShare,
            shared, sharedAreas);
    }
}
