using DigitalPartnership.Core.Domain;

namespace DigitalPartnership.Core.Browsing;

/// <summary>
/// How a Council is named where more than one partnership could be meant: "EU–Korea · 2nd Council, Brussels". Two
/// partnerships each have a "2nd Council", so a store that holds several never names one without its partnership.
/// </summary>
public static class CouncilNames
{
    private const string DigitalPartnership = " Digital Partnership";

    /// <summary>"EU–Korea" for "EU–Korea Digital Partnership"; a name of another form ("U.S.-EU Trade and Technology Council") stays whole.</summary>
    public static string ShortPartnership(string partnershipName) =>
        partnershipName.EndsWith(DigitalPartnership, StringComparison.Ordinal) && partnershipName.Length > DigitalPartnership.Length
            ? partnershipName[..^DigitalPartnership.Length]
            : partnershipName;

    /// <summary>
    /// <paramref name="council"/> ("2nd Council, Brussels") after its partnership's short name, or as it is when
    /// <paramref name="partnershipName"/> is null (a store of one partnership, where nothing else could be meant).
    /// </summary>
    public static string With(string? partnershipName, string council) =>
        partnershipName is null ? council : $"{ShortPartnership(partnershipName)} · {council}";

    /// <summary>"EU–Korea · 2nd Council, Brussels", or "2nd Council, Brussels" when <paramref name="partnershipName"/> is null.</summary>
    public static string Short(string? partnershipName, MeetingPlace place) => With(partnershipName, place.ShortName);
}
