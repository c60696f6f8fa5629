namespace DigitalPartnership.Core.Domain;

/// <summary>Where a Council stands in its partnership's sequence: what decides which Councils came before it.</summary>
/// <param name="Id">The stored meeting's id; 0 for a Council being imported, which comes after every stored one when nothing else says.</param>
public readonly record struct CouncilOrder(int Id, int? Ordinal, DateOnly? Date, int? Year);

/// <summary>The one rule of follow-through: a deliverable continues only one made at an earlier Council of the same partnership.</summary>
public static class FollowThroughRules
{
    /// <summary>
    /// True when <paramref name="earlier"/> met before <paramref name="later"/>: by ordinal when both are numbered, else
    /// by date, else by year, else by the order they were stored in.
    /// </summary>
    public static bool IsEarlier(CouncilOrder earlier, CouncilOrder later)
    {
        if (earlier.Ordinal is { } a && later.Ordinal is { } b)
        {
            return a < b;
        }

        if (earlier.Date is { } da && later.Date is { } db)
        {
            return da < db;
        }

        var yearA = earlier.Year ?? earlier.Date?.Year;
        var yearB = later.Year ?? later.Date?.Year;
        if (yearA is { } ya && yearB is { } yb && ya != yb)
        {
            return ya < yb;
        }

        return later.Id == 0 ? earlier.Id != 0 : earlier.Id != 0 && earlier.Id < later.Id;
    }
}
