using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DigitalPartnership.Core.Data;

/// <summary>
/// History is added to, never changed: a save that would modify or delete a journal, status-timeline or audit row is
/// refused before anything reaches the store. (The migrations' triggers refuse the same in SQL, for whatever does not
/// go through <c>SaveChanges</c>.)
/// </summary>
public static class AppendOnly
{
    private static readonly HashSet<Type> HistoryTypes = [typeof(JournalEntry), typeof(JournalDetail), typeof(StatusChange), typeof(AuditEntry)];

    public static bool IsHistory(Type type) => HistoryTypes.Contains(type);

    internal static void Check(ChangeTracker changes)
    {
        foreach (var entry in changes.Entries())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted && IsHistory(entry.Metadata.ClrType))
            {
                throw new AppendOnlyException(entry.Metadata.ClrType.Name, entry.State == EntityState.Deleted ? "deleted" : "changed");
            }
        }
    }
}

/// <summary>A save tried to change or delete history; nothing was saved.</summary>
public sealed class AppendOnlyException(string type, string what)
    : InvalidOperationException($"{type} rows are history: they are added, never {what}. Nothing was saved.");
