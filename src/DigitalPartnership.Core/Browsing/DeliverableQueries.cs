using System.Text;
using System.Text.RegularExpressions;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Core.Browsing;

/// <summary>Filtering, searching and sorting of deliverables, done by the database so they stay fast at 100,000 rows.</summary>
public static partial class DeliverableQueries
{
    /// <summary>The name of the SQLite FTS5 table kept in step with Deliverables by triggers (see the SQLite migrations).</summary>
    public const string SearchTable = "DeliverableSearch";

    public static IQueryable<Deliverable> Matching(this PortalDbContext db, DeliverableFilter filter)
    {
        var query = db.Deliverables.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }

        if (filter.MeetingId is { } meetingId)
        {
            query = query.Where(d => d.Outcome.MeetingId == meetingId);
        }

        if (filter.AreaId is { } areaId)
        {
            var inArea = db.DeliverableAreaLinks.Where(link => link.AreaId == areaId).Select(link => link.OwnerId);
            query = query.Where(d => inArea.Contains(d.Id));
        }

        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            query = Search(db, query, filter.Query);
        }

        return query;
    }

    public static IOrderedQueryable<Deliverable> SortBy(this IQueryable<Deliverable> query, DeliverableSort sort) => sort switch
    {
        DeliverableSort.Title => query.OrderBy(d => d.Title).ThenBy(d => d.Id),
        DeliverableSort.Status => query.OrderBy(d => d.Status).ThenBy(d => d.Id),
        // Deliverables without a target date come last: "what is due first" is the question.
        DeliverableSort.Target => query.OrderBy(d => d.TargetDate == null).ThenBy(d => d.TargetDate).ThenBy(d => d.Id),
        DeliverableSort.Updated => query.OrderByDescending(d => d.UpdatedAtUtc).ThenByDescending(d => d.Id),
        _ => query.OrderBy(d => d.Id),
    };

    private static IQueryable<Deliverable> Search(PortalDbContext db, IQueryable<Deliverable> query, string text)
    {
        var match = ToFtsMatch(text);
        if (db.Database.IsSqlite() && match is not null)
        {
            var ids = db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM DeliverableSearch WHERE DeliverableSearch MATCH {match}");
            return query.Where(d => ids.Contains(d.Id));
        }

        // Japanese and other unspaced scripts have no word breaks for FTS5's tokenizer: fall back to a substring match.
        var pattern = ContainsPattern(text);
        return query.Where(d => EF.Functions.Like(d.Title, pattern, "\\")
            || (d.SourceSentence != null && EF.Functions.Like(d.SourceSentence, pattern, "\\"))
            || (d.Notes != null && EF.Functions.Like(d.Notes, pattern, "\\"))
            || EF.Functions.Like(d.Outcome.Title, pattern, "\\"));
    }

    /// <summary>
    /// Every word of the query must appear, as a prefix ("semicond" finds "semiconductors"). Words are quoted, so
    /// FTS5 operators typed by a reader (NEAR, *, ^, quotes) are taken as text, never as syntax.
    /// Null when the query has no words, or has text FTS5 cannot split into words.
    /// </summary>
    internal static string? ToFtsMatch(string text)
    {
        if (Unspaced().IsMatch(text))
        {
            return null;
        }

        var words = Word().Matches(text).Select(m => m.Value).Take(12).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var builder = new StringBuilder();
        foreach (var word in words)
        {
            builder.Append(builder.Length == 0 ? "" : " ").Append('"').Append(word).Append("\"*");
        }

        return builder.ToString();
    }

    /// <summary>A LIKE pattern matching <paramref name="text"/> anywhere, its wildcards taken literally (escape character \\).</summary>
    internal static string ContainsPattern(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}\p{IsHangulSyllables}]")]
    private static partial Regex Unspaced();
}
