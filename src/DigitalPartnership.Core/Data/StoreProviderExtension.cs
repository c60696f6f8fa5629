using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalPartnership.Core.Data;

/// <summary>
/// Carries the <see cref="IStoreProvider"/> in the context's options, so <see cref="PortalDbContext"/> takes nothing but
/// its options — which is what lets the web host pool contexts instead of building one per request.
/// </summary>
public sealed class StoreProviderExtension(IStoreProvider provider) : IDbContextOptionsExtension
{
    public IStoreProvider Provider { get; } = provider;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    /// <summary>Adds the provider to options being built; each provider's <see cref="IStoreProvider.Configure"/> calls it.</summary>
    public static void AddTo(DbContextOptionsBuilder options, IStoreProvider provider) =>
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new StoreProviderExtension(provider));

    private sealed class ExtensionInfo(StoreProviderExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => $"StoreProvider={((StoreProviderExtension)Extension).Provider.Name} ";

        public override int GetServiceProviderHashCode() => ((StoreProviderExtension)Extension).Provider.Name.GetHashCode(StringComparison.Ordinal);

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
            other is ExtensionInfo info && ((StoreProviderExtension)info.Extension).Provider.Name == ((StoreProviderExtension)Extension).Provider.Name;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["StoreProvider"] = ((StoreProviderExtension)Extension).Provider.Name;
    }
}
