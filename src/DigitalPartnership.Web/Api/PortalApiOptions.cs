using System.ComponentModel.DataAnnotations;

namespace DigitalPartnership.Web.Api;

/// <summary>The <c>Portal:Api</c> section of configuration.</summary>
public sealed class PortalApiOptions
{
    public const string Section = "Portal:Api";

    /// <summary>Requests one token (or, without one, one address) may make per minute to the API and the feeds; more get 429.</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 300;

    /// <summary>Changes an Atom feed lists, the latest first.</summary>
    [Range(1, 500)]
    public int FeedEntries { get; set; } = 50;
}
