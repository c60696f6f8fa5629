namespace DigitalPartnership.Core.Domain;

/// <summary>An area of cooperation from the curated taxonomy (AI, 6G, submarine cables…).</summary>
public sealed class Area
{
    public const int SlugMaxLength = 100;
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;

    private readonly List<AreaAlias> _aliases = [];

    private Area() { }

    public Area(string slug, string name, string description, int position)
    {
        Slug = TextRules.Require("The slug", slug, SlugMaxLength, TextKind.SingleLine, required: true)!;
        Update(name, description, position);
    }

    public int Id { get; private set; }
    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";

    /// <summary>Order in the curated taxonomy, used wherever areas are listed.</summary>
    public int Position { get; private set; }

    public IReadOnlyList<AreaAlias> Aliases => _aliases;

    public void Update(string name, string description, int position)
    {
        Name = TextRules.Require("The name", name, NameMaxLength, TextKind.SingleLine, required: true)!;
        Description = TextRules.Require("The description", description, DescriptionMaxLength, TextKind.MultiLine)!;
        Position = position;
    }

    /// <summary>Makes the stored aliases equal to <paramref name="aliases"/>, keeping rows that did not change.</summary>
    public void SetAliases(IEnumerable<string> aliases)
    {
        var wanted = aliases.Distinct(StringComparer.Ordinal).ToList();
        _aliases.RemoveAll(alias => !wanted.Contains(alias.Text, StringComparer.Ordinal));
        foreach (var text in wanted.Where(text => _aliases.All(alias => alias.Text != text)))
        {
            _aliases.Add(new AreaAlias(text));
        }
    }
}

/// <summary>One spelling of an area as press texts write it ("HPC", "high-performance computing").</summary>
public sealed class AreaAlias
{
    public const int TextMaxLength = 200;

    private AreaAlias() { }

    public AreaAlias(string text) => Text = TextRules.Require("The alias", text, TextMaxLength, TextKind.SingleLine, required: true)!;

    public int Id { get; private set; }
    public int AreaId { get; private set; }
    public string Text { get; private set; } = "";
}
