using DigitalPartnership.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Core.Data;

/// <summary>The portal's one store. Provider-neutral: each provider brings its own migrations assembly.</summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options)
{
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Outcome> Outcomes => Set<Outcome>();
    public DbSet<Deliverable> Deliverables => Set<Deliverable>();
    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();
    public DbSet<Milestone> Milestones => Set<Milestone>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
}
