using DigitalPartnership.Core.Data;
using DigitalPartnership.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Tests.Support;

/// <summary>A real, empty store of its own on the run's engine (see <see cref="TestEngine"/>), migrated like production, deleted afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(TestStoreLocation store) => Store = store;

    public TestStoreLocation Store { get; }

    public string ConnectionString => Store.ConnectionString;

    public static async Task<TestDatabase> CreateAsync(string? engine = null)
    {
        var database = new TestDatabase(TestEngine.NewStore(engine ?? TestEngine.Name, "test"));
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        return database;
    }

    /// <summary>A context on the store at <paramref name="store"/>, for tests that set a store up themselves.</summary>
    public static PortalDbContext ContextOn(TestStoreLocation store)
    {
        var provider = PortalStore.ProviderNamed(store.Engine);
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        provider.Configure(options, store.ConnectionString);
        return new PortalDbContext(options.Options, provider);
    }

    public PortalDbContext NewContext() => ContextOn(Store);

    public ValueTask DisposeAsync()
    {
        TestEngine.Delete(Store);
        return ValueTask.CompletedTask;
    }
}
