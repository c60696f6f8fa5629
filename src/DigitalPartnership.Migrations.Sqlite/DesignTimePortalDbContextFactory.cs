using DigitalPartnership.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DigitalPartnership.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without starting the portal.</summary>
public sealed class DesignTimePortalDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var provider = new SqliteStoreProvider { UseCompiledModel = false };
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        provider.Configure(options, "Data Source=design-time.db");
        return new PortalDbContext(options.Options);
    }
}
