using DigitalPartnership.Core.Importing;
using DigitalPartnership.Tests.Support;

namespace DigitalPartnership.Tests.Importing;

/// <summary>Finding the curated areas in free text, in any spelling the taxonomy lists.</summary>
public sealed class AreaTaxonomyTests
{
    private static readonly AreaTaxonomy Taxonomy = new(
    [
        new AreaDefinition("ai", "Artificial intelligence", "", ["AI", "AI governance"]),
        new AreaDefinition("hpc", "High-performance computing", "", ["high-performance computing", "HPC"]),
        new AreaDefinition("smes", "SMEs and digital tools", "", ["SME", "digital tools"]),
    ]);

    [Fact]
    public void Lists_areas_in_the_order_the_text_first_names_them() =>
        Assert.Equal(["hpc", "ai"], Taxonomy.FindIn("HPC centres will train AI models.").Select(a => a.Slug));

    [Fact]
    public void Matches_acronyms_only_in_their_case_and_other_spellings_in_any_case_and_the_plural()
    {
        Assert.Empty(Taxonomy.FindIn("The ai of the rain; hpc."));
        Assert.Equal(["smes"], Taxonomy.FindIn("Support for SMEs and their Digital Tool.").Select(a => a.Slug));
        Assert.Equal(["hpc"], Taxonomy.FindIn("high performance computing").Select(a => a.Slug));
    }

    [Fact]
    public void Does_not_find_an_area_inside_another_word() =>
        Assert.Empty(Taxonomy.FindIn("A FAIR and SMELLY text about HPCLab things: AIM."));

    [Fact]
    public void Names_the_area_a_heading_ends_with() =>
        Assert.Equal("ai", Taxonomy.Named("artificial Intelligence")?.Slug);

    [Fact]
    public void The_seed_taxonomy_keeps_every_area_the_portal_was_seeded_with()
    {
        string[] seeded =
        [
            "artificial-intelligence", "5g", "6g", "semiconductors", "high-performance-computing", "quantum-technology",
            "data-and-platform-economy", "submarine-cables", "digital-identity-and-trust-services", "cybersecurity",
            "online-platforms", "digital-skills", "digital-trade", "standardisation",
        ];

        Assert.Equal(seeded, TestFiles.Taxonomy.Areas.Take(seeded.Length).Select(a => a.Slug));
    }
}
