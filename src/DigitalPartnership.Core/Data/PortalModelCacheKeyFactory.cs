using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DigitalPartnership.Core.Data;

/// <summary>
/// The model differs a little by engine (<see cref="IStoreProvider.ConfigureModel"/>), and one process can open both
/// (copying a store from SQLite to PostgreSQL): each engine gets its own cached model.
/// </summary>
public sealed class PortalModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), (context as PortalDbContext)?.Store.Name, designTime);
}
