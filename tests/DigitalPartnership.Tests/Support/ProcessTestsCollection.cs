namespace DigitalPartnership.Tests.Support;

/// <summary>
/// Tests that start the portal as its own process and time it (start-up within 10 s, a proxy answering within its
/// timeouts): they run alone, not beside the rest of the suite on a 2-core machine, so what they time is the portal.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessTestsCollection
{
    public const string Name = "Portal processes";
}
