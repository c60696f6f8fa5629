using DigitalPartnership.Core.Domain;

namespace DigitalPartnership.Core.Browsing;

/// <summary>How many deliverables stand at each status, with the shares a chart or a summary needs.</summary>
public sealed class StatusTally
{
    private readonly int[] _counts = new int[DeliverableStatusText.All.Count];

    public StatusTally(IEnumerable<(DeliverableStatus Status, int Count)> counts)
    {
        foreach (var (status, count) in counts)
        {
            _counts[(int)status] += count;
        }
    }

    public int Total => _counts.Sum();

    public int this[DeliverableStatus status] => _counts[(int)status];

    /// <summary>Share of <paramref name="status"/> in percent (0 when there is nothing to count).</summary>
    public double Percent(DeliverableStatus status) => Total == 0 ? 0 : 100.0 * this[status] / Total;

    /// <summary>Completed out of all that are not discontinued: what was promised and is still meant to happen.</summary>
    public double CompletedPercent
    {
        get
        {
            var live = Total - this[DeliverableStatus.Discontinued];
            return live == 0 ? 0 : 100.0 * this[DeliverableStatus.Completed] / live;
        }
    }

    public IEnumerable<(DeliverableStatus Status, int Count)> NonZero =>
        DeliverableStatusText.All.Where(s => this[s] > 0).Select(s => (s, this[s]));
}
