using DigitalPartnership.Core.Data;

namespace DigitalPartnership.Web.Hosting;

/// <summary>
/// The store's version for this request: read once (with the session, when there is one) and kept on the request, so
/// everything that caches by it agrees on one number.
/// </summary>
public static class StoreVersions
{
    private static readonly object Key = new();

    public static void Remember(HttpContext context, long version) => context.Items[Key] = version;

    public static async ValueTask<long> CurrentAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(Key, out var known) && known is long version)
        {
            return version;
        }

        version = await StoreVersion.CurrentAsync(context.RequestServices.GetRequiredService<PortalDbContext>(), context.RequestAborted);
        Remember(context, version);
        return version;
    }
}
