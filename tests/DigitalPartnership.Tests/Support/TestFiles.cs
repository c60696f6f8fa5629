using DigitalPartnership.Core.Importing;

namespace DigitalPartnership.Tests.Support;

/// <summary>Where the test inputs are: the real seeds and the texts of our own in other styles.</summary>
public static class TestFiles
{
    public static string Seeds => System.IO.Path.Combine(AppContext.BaseDirectory, "seeds");

    public static string SeedText => System.IO.Path.Combine(Seeds, "2024-eu-japan-second-council-brussels.txt");

    public static string CouncilText(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "CouncilTexts", name);

    public static AreaTaxonomy Taxonomy { get; } = AreaTaxonomy.Load(System.IO.Path.Combine(Seeds, AreaTaxonomy.FileName));

    public static CouncilText Parse(string path) => new CouncilTextParser(Taxonomy).Parse(File.ReadAllText(path));
}
