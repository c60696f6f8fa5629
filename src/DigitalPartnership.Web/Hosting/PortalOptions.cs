using System.ComponentModel.DataAnnotations;

namespace DigitalPartnership.Web.Hosting;

/// <summary>The <c>Portal</c> section of configuration.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Folder of Council texts and areas.json; empty means the seeds/ copied beside the application.</summary>
    public string SeedsPath { get; set; } = "";

    /// <summary>Rows per page on the list pages.</summary>
    [Range(5, 200)]
    public int PageSize { get; set; } = 25;

    public string ResolveSeedsPath(string contentRoot) =>
        string.IsNullOrWhiteSpace(SeedsPath)
            ? Path.Combine(AppContext.BaseDirectory, "seeds")
            : Path.GetFullPath(SeedsPath, contentRoot);
}
