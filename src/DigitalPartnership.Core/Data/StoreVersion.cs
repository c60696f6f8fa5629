using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Core.Data;

/// <summary>
/// One row counting every change to what the pages show (partnerships to history; not sign-ins, sessions or the audit
/// log). Triggers written by each provider's migrations (StoreVersion, and each later migration that adds a table the
/// pages show) move it on, in the same transaction as the change, so no code
/// path can forget it and every instance sees it at once: what depends on the store's content (a page's HTML, a count)
/// can be kept while the number stays the same, and is never stale.
/// </summary>
public sealed class StoreVersion
{
    public const int RowId = 1;

    private StoreVersion() { }

    public int Id { get; private set; }
    public long Value { get; private set; }

    private static readonly Func<PortalDbContext, CancellationToken, Task<long>> Read =
        EF.CompileAsyncQuery((PortalDbContext db, CancellationToken ct) =>
            db.StoreVersions.Where(v => v.Id == RowId).Select(v => v.Value).FirstOrDefault());

    /// <summary>The store's version now: one primary-key read, compiled once.</summary>
    public static Task<long> CurrentAsync(PortalDbContext db, CancellationToken ct) => Read(db, ct);
}
