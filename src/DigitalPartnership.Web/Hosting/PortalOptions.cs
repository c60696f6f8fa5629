using System.ComponentModel.DataAnnotations;

namespace DigitalPartnership.Web.Hosting;

/// <summary>The <c>Portal</c> section of configuration.</summary>
public sealed class PortalOptions : IValidatableObject
{
    public const string Section = "Portal";

    /// <summary>The database engine: <c>Sqlite</c> (an embedded file, the default) or <c>Postgres</c>.</summary>
    [RegularExpression("^(?i:sqlite|postgres)$", ErrorMessage = "Portal:Database must be Sqlite or Postgres.")]
    public string Database { get; set; } = "Sqlite";

    /// <summary>
    /// Apply pending migrations when the portal starts. On by default; a deployment of several instances may turn it off
    /// and run the <c>migrate</c> command once instead (instances that start together never both migrate either way).
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>How long a starting portal waits for another process that is migrating or seeding the same store.</summary>
    [Range(1, 3600)]
    public int StartupLockSeconds { get; set; } = 60;

    /// <summary>Folder of Council texts and areas.json; empty means the seeds/ copied beside the application.</summary>
    public string SeedsPath { get; set; } = "";

    /// <summary>Rows per page on the list pages.</summary>
    [Range(5, 200)]
    public int PageSize { get; set; } = 25;

    /// <summary>Opens the read-only pages to visitors who have not signed in (a public deployment). Off by default.</summary>
    public bool PublicReadOnly { get; set; }

    /// <summary>Sign-in attempts one address may make per minute before it is told to wait.</summary>
    [Range(1, 10000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>
    /// Addresses of the reverse proxies in front of the portal (besides this machine's loopback, always trusted): only
    /// their X-Forwarded-For and X-Forwarded-Proto are believed, so the sign-in limit counts the real client and
    /// cookies are Secure when the proxy speaks https.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        KnownProxies.Where(proxy => !System.Net.IPAddress.TryParse(proxy, out _))
            .Select(proxy => new ValidationResult($"Portal:KnownProxies holds \"{proxy}\", which is not an IP address.", [nameof(KnownProxies)]));

    public string ResolveSeedsPath(string contentRoot) =>
        string.IsNullOrWhiteSpace(SeedsPath)
            ? Path.Combine(AppContext.BaseDirectory, "seeds")
            : Path.GetFullPath(SeedsPath, contentRoot);
}
