using DigitalPartnership.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DigitalPartnership.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server.</summary>
public sealed class DesignTimePortalDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var provider = new PostgresStoreProvider { UseCompiledModel = false };
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        provider.Configure(options, "Host=localhost;Database=design_time;Username=portal");
        return new PortalDbContext(options.Options);
    }
}
