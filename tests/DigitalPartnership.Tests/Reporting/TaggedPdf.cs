using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace DigitalPartnership.Tests.Reporting;

/// <summary>
/// A tagged PDF's logical structure as a screen reader walks it: the catalog's entries, and the structure tree from
/// /StructTreeRoot with each element's type, /Alt, attributes and text (the letters of its marked content).
/// </summary>
public sealed class TaggedPdf
{
    private readonly PdfDocument _pdf;
    private readonly Dictionary<long, int> _pageNumbers = [];
    private readonly Dictionary<(int Page, int Mcid), string> _markedText = [];

    public TaggedPdf(PdfDocument pdf)
    {
        _pdf = pdf;
        Catalog = pdf.Structure.Catalog.CatalogDictionary;
        var number = 0;
        CollectPages(Resolve<DictionaryToken>(Catalog.Data["Pages"]), ref number);
        foreach (var page in pdf.GetPages())
        {
            foreach (var marked in Flatten(page.GetMarkedContents()))
            {
                if (marked.MarkedContentIdentifier >= 0)
                {
                    _markedText[(page.Number, marked.MarkedContentIdentifier)] = string.Concat(marked.Letters.Select(l => l.Value));
                }
            }
        }

        Root = Catalog.TryGet(NameToken.Create("StructTreeRoot"), out var root) ? Read(Resolve<DictionaryToken>(root), 0) : null;
    }

    public DictionaryToken Catalog { get; }

    /// <summary>The structure tree, from its root's kids; null when the document has no /StructTreeRoot.</summary>
    public Element? Root { get; }

    public T Resolve<T>(IToken token) where T : class, IToken =>
        (token is IndirectReferenceToken reference ? _pdf.Structure.GetObject(reference.Data).Data : token) as T
        ?? throw new InvalidOperationException($"Expected {typeof(T).Name}, found {token}");

    private void CollectPages(DictionaryToken node, ref int number)
    {
        foreach (var kid in ((ArrayToken)node.Data["Kids"]).Data.OfType<IndirectReferenceToken>())
        {
            var dictionary = Resolve<DictionaryToken>(kid);
            if (dictionary.Data["Type"] is NameToken { Data: "Pages" })
            {
                CollectPages(dictionary, ref number);
            }
            else
            {
                _pageNumbers[kid.Data.ObjectNumber] = ++number;
            }
        }
    }

    private Element Read(DictionaryToken dictionary, int inheritedPage)
    {
        var page = dictionary.TryGet(NameToken.Create("Pg"), out var pg) && pg is IndirectReferenceToken pageReference
            ? _pageNumbers.GetValueOrDefault(pageReference.Data.ObjectNumber)
            : inheritedPage;
        var element = new Element
        {
            Type = dictionary.TryGet(NameToken.Create("S"), out var s) && s is NameToken name ? name.Data : "StructTreeRoot",
            Alt = dictionary.TryGet(NameToken.Create("Alt"), out var alt) ? Text(alt) : null,
            Attributes = dictionary.TryGet(NameToken.Create("A"), out var a) ? Resolve<DictionaryToken>(a) : null,
            Page = page,
        };
        if (!dictionary.TryGet(NameToken.Create("K"), out var k))
        {
            return element;
        }

        var kids = Resolve<IToken>(k) is ArrayToken array ? array.Data : [k];
        foreach (var kid in kids)
        {
            switch (kid is IndirectReferenceToken ? Resolve<IToken>(kid) : kid)
            {
                case NumericToken mcid:
                    element.Content.Add(_markedText.GetValueOrDefault((page, mcid.Int), ""));
                    break;
                case DictionaryToken child when child.TryGet(NameToken.Create("Type"), out var type) && type is NameToken { Data: "MCR" }:
                    var mcrPage = child.Data["Pg"] is IndirectReferenceToken p ? _pageNumbers.GetValueOrDefault(p.Data.ObjectNumber) : page;
                    element.Content.Add(_markedText.GetValueOrDefault((mcrPage, ((NumericToken)child.Data["MCID"]).Int), ""));
                    break;
                case DictionaryToken child:
                    element.Kids.Add(Read(child, page));
                    break;
            }
        }

        return element;
    }

    private static string Text(IToken token) => token switch
    {
        StringToken s => s.Data,
        HexToken h => h.Data,
        _ => token.ToString() ?? "",
    };

    private static IEnumerable<UglyToad.PdfPig.Content.MarkedContentElement> Flatten(IEnumerable<UglyToad.PdfPig.Content.MarkedContentElement> elements) =>
        elements.SelectMany(e => Flatten(e.Children).Prepend(e));

    /// <summary>One structure element: its type (H1, Table, TD, Figure…), alternative text, attributes, and kids in reading order.</summary>
    public sealed class Element
    {
        public required string Type { get; init; }
        public string? Alt { get; init; }
        public DictionaryToken? Attributes { get; init; }

        /// <summary>The page its content starts on, from 1 (0 when unknown).</summary>
        public int Page { get; init; }

        public List<string> Content { get; } = [];
        public List<Element> Kids { get; } = [];

        /// <summary>Its own text and its kids', in reading order, without the spaces PDF text may or may not carry.</summary>
        public string Text => string.Concat(Content.Concat(Kids.Select(k => k.Text))).Replace(" ", "");

        public IEnumerable<Element> Descendants() => Kids.SelectMany(k => k.Descendants().Prepend(k));

        public override string ToString() => $"{Type}: {Text[..Math.Min(60, Text.Length)]}";
    }
}
