using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Core.Data;

/// <summary>A row linking a deliverable or an outcome (the owner) to an area.</summary>
/// <remarks>Init properties, not a positional record: EF translates member access only through member-init projections.</remarks>
public sealed record AreaLink
{
    public int OwnerId { get; init; }
    public int AreaId { get; init; }
}

/// <summary>
/// The portal's one store, accounts included. Provider-neutral: each provider brings its own migrations assembly and
/// an <see cref="IStoreProvider"/> for what differs between engines.
/// </summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    /// <summary>What this store's engine does its own way: search, locks, which failures are passing.</summary>
    public IStoreProvider Store { get; } = options.FindExtension<StoreProviderExtension>()?.Provider
        ?? throw new InvalidOperationException("The context's options name no store provider: configure them through IStoreProvider.Configure.");

    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Outcome> Outcomes => Set<Outcome>();
    public DbSet<Deliverable> Deliverables => Set<Deliverable>();
    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();
    public DbSet<JournalEntry> JournalEntries => Set<JournalEntry>();
    public DbSet<JournalDetail> JournalDetails => Set<JournalDetail>();
    public DbSet<Milestone> Milestones => Set<Milestone>();

    /// <summary>Follow-through: which earlier Council's deliverable each deliverable continues.</summary>
    public DbSet<Continuation> Continuations => Set<Continuation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <summary>The one row counting changes to what the pages show (see <see cref="Data.StoreVersion"/>).</summary>
    public DbSet<StoreVersion> StoreVersions => Set<StoreVersion>();

    /// <summary>The data-protection key ring (sign-in cookies, form tokens), shared by every instance of the portal.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// The deliverable–area link rows themselves. Reads that filter or count by area go through them, because SQLite
    /// cannot flatten EF's join of the skip navigation and would scan every link for every row.
    /// </summary>
    public IQueryable<AreaLink> DeliverableAreaLinks =>
        Set<Dictionary<string, object>>("DeliverableAreas")
            .Select(link => new AreaLink { OwnerId = EF.Property<int>(link, "DeliverableId"), AreaId = EF.Property<int>(link, "AreaId") });

    /// <summary>The outcome–area link rows, for the same reason.</summary>
    public IQueryable<AreaLink> OutcomeAreaLinks =>
        Set<Dictionary<string, object>>("OutcomeAreas")
            .Select(link => new AreaLink { OwnerId = EF.Property<int>(link, "OutcomeId"), AreaId = EF.Property<int>(link, "AreaId") });

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder); // Identity's tables
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        Store.ConfigureModel(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime the portal stores is UTC; SQLite hands them back as "unspecified" and PostgreSQL refuses
        // anything else for timestamptz. One converter makes both read back as UTC, everywhere.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AppendOnly.Check(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AppendOnly.Check(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Adds an audit line to be saved with the change it records.</summary>
    public void Audit(DateTime atUtc, string actor, string action, string subject, string? details = null) =>
        AuditEntries.Add(new AuditEntry(atUtc, actor, action, subject, details));
}
