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
    public static PortalDbContext ContextOn(TestStoreLocation store, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        var provider = PortalStore.ProviderNamed(store.Engine);
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        provider.Configure(options, store.ConnectionString);
        options.AddInterceptors(interceptors);
        return new PortalDbContext(options.Options);
    }

    /// <param name="interceptors">For tests that watch the commands a piece of code sends.</param>
    public PortalDbContext NewContext(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors) => ContextOn(Store, interceptors);

    public ValueTask DisposeAsync()
    {
        TestEngine.Delete(Store);
        return ValueTask.CompletedTask;
    }
}
