using BenchmarkDotNet.Attributes;
using DigitalPartnership.Core.Importing;

namespace Hotpaths;

/// <summary>The importer's parser on the seeded Council text and on a long statement with lettered sections.</summary>
[MemoryDiagnoser]
public class ImporterBenchmarks
{
    private CouncilTextParser _parser = null!;
    private string _seeded = "";
    private string _long = "";

    [GlobalSetup]
    public void Setup()
    {
        _parser = new CouncilTextParser(BenchmarkStore.Taxonomy);
        _seeded = File.ReadAllText(Directory.GetFiles(BenchmarkStore.Seeds, "*.txt").Order().First());
        // The test texts are our own words in the shapes of long joint statements (lettered sections, split bold titles).
        var texts = Path.Combine(BenchmarkStore.Seeds, "..", "tests", "DigitalPartnership.Tests", "CouncilTexts");
        _long = File.ReadAllText(Path.Combine(texts, "lettered-sections-split-bold.md"));
    }

    [Benchmark(Baseline = true)]
    public int SeededText() => _parser.Parse(_seeded).Outcomes.Count;

    [Benchmark]
    public int LongStatementWithSections() => _parser.Parse(_long).Outcomes.Count;
}
