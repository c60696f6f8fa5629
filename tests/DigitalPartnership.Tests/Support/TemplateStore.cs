using DigitalPartnership.Core.Accounts;

namespace DigitalPartnership.Tests.Support;

/// <summary>
/// The seeded store every <see cref="PortalFactory"/> starts from, made once per test run by the portal itself (its
/// migrations, its seeding, at <see cref="PortalFactory.Now"/>), with one account per role
/// (<c>staff@test.example.org</c>…, password <see cref="PortalFactory.Password"/>): a SQLite file to copy, or a
/// PostgreSQL database to use as <c>CREATE DATABASE … TEMPLATE</c>. Deleted when the run ends.
/// </summary>
public static class TemplateStore
{
    private static readonly Lazy<TestStoreLocation> Template = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The SQLite file to copy, or the PostgreSQL database to copy from.</summary>
    public static string Name => Template.Value.Name;

    private static TestStoreLocation Create()
    {
        var factory = new PortalFactory(fromTemplate: false);
        TestStoreLocation store;
        try
        {
            foreach (var role in PortalRoles.All)
            {
                factory.EnsureAccountAsync($"{role.ToLowerInvariant()}@test.example.org", role).GetAwaiter().GetResult();
            }

            factory.Checkpoint();
        }
        finally
        {
            store = factory.DetachStore();
            factory.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        // PostgreSQL copies a template only while nobody is connected to it: the portal's pooled connections must go.
        Npgsql.NpgsqlConnection.ClearAllPools();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TestEngine.Delete(store);
        return store;
    }
}
