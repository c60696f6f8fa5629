using System.Security.Cryptography;
using System.Text;

namespace DigitalPartnership.Core.Accounts;

/// <summary>What a token opens: the API (with the person's roles), or only the feeds and calendars.</summary>
public enum ApiTokenKind
{
    /// <summary>Sent as <c>Authorization: Bearer …</c> to <c>/api/v1</c>; carries its owner's roles unless read-only.</summary>
    Api = 0,

    /// <summary>Carried in the address of a feed or calendar, which a feed reader cannot sign in to; only reads.</summary>
    Feed = 1,
}

/// <summary>
/// A personal token for programs that cannot sign in. The store keeps only the SHA-256 of the secret (and its first
/// characters, to find the row and to let a person tell tokens apart), so a copy of the store opens nothing. Revoking
/// keeps the row, so the profile can say when; a revoked token is refused exactly like a wrong one.
/// </summary>
public sealed class ApiToken
{
    public const int NameMaxLength = 100;

    /// <summary>"dpp_" for API tokens, "dppf_" for feed tokens: a leaked secret says what it is and where it belongs.</summary>
    public const string ApiPrefix = "dpp_";

    public const string FeedPrefix = "dppf_";

    /// <summary>How many characters of the secret are stored in clear to find its row: the prefix and 8 random characters (48 bits).</summary>
    public const int LookupRandomLength = 8;

    public const int LookupMaxLength = 16;

    /// <summary>A token's last use is written at most this often: one read per request, one write per few minutes.</summary>
    public static readonly TimeSpan UseResolution = TimeSpan.FromMinutes(5);

    private ApiToken() { }

    private ApiToken(string userId, string name, ApiTokenKind kind, bool readOnly, string lookup, byte[] hash, DateTime nowUtc)
    {
        UserId = userId;
        Name = name;
        Kind = kind;
        ReadOnly = readOnly || kind == ApiTokenKind.Feed;
        Lookup = lookup;
        Hash = hash;
        CreatedAtUtc = nowUtc;
    }

    public int Id { get; private set; }
    public string UserId { get; private set; } = "";

    /// <summary>What the person called it ("Briefing spreadsheet", "My calendar").</summary>
    public string Name { get; private set; } = "";

    public ApiTokenKind Kind { get; private set; }

    /// <summary>A read-only token reads whatever its owner may read and changes nothing, whatever its owner's roles.</summary>
    public bool ReadOnly { get; private set; }

    /// <summary>The secret's prefix and first random characters: indexed, to find the row without comparing secrets in SQL.</summary>
    public string Lookup { get; private set; } = "";

    /// <summary>SHA-256 of the whole secret; compared in constant time.</summary>
    public byte[] Hash { get; private set; } = [];

    /// <summary>
    /// A feed token only, sealed with the portal's data-protection keys, so its owner's pages can put it into their
    /// subscribe links. An API token is never kept in any readable form.
    /// </summary>
    public string? SealedSecret { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? LastUsedAtUtc { get; private set; }
    public DateTime? RevokedAtUtc { get; private set; }

    public bool IsActive => RevokedAtUtc is null;

    /// <summary>A new token for <paramref name="userId"/> and its secret, which exists only in the caller's hands from here on.</summary>
    public static (ApiToken Token, string Secret) Issue(string userId, string name, ApiTokenKind kind, bool readOnly, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > NameMaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(name), name.Length, $"A token's name is at most {NameMaxLength} characters.");
        }

        // 256 random bits, URL-safe, so a feed address carries it as it is.
        var secret = (kind == ApiTokenKind.Feed ? FeedPrefix : ApiPrefix)
            + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new ApiToken(userId, name.Trim(), kind, readOnly, LookupOf(secret)!, HashOf(secret), nowUtc), secret);
    }

    /// <summary>The part of <paramref name="secret"/> its row is found by; null when it cannot be one of ours.</summary>
    public static string? LookupOf(string secret)
    {
        var prefix = secret.StartsWith(FeedPrefix, StringComparison.Ordinal) ? FeedPrefix
            : secret.StartsWith(ApiPrefix, StringComparison.Ordinal) ? ApiPrefix
            : null;
        return prefix is null || secret.Length < prefix.Length + LookupRandomLength + 16 || secret.Length > 200
            ? null
            : secret[..(prefix.Length + LookupRandomLength)];
    }

    public static byte[] HashOf(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Whether <paramref name="secret"/> is this token's, compared in constant time.</summary>
    public bool Matches(string secret) => CryptographicOperations.FixedTimeEquals(Hash, HashOf(secret));

    /// <summary>Keeps a feed token's secret, sealed by the caller, for its owner's subscribe links.</summary>
    public void Seal(string sealedSecret)
    {
        if (Kind != ApiTokenKind.Feed)
        {
            throw new InvalidOperationException("Only a feed token's secret is kept; an API token's is shown once.");
        }

        SealedSecret = sealedSecret;
    }

    public void Revoke(DateTime nowUtc)
    {
        RevokedAtUtc ??= nowUtc;
        SealedSecret = null;
    }

    /// <summary>Whether a use at <paramref name="nowUtc"/> is worth writing down (see <see cref="UseResolution"/>).</summary>
    public bool UseIsWorthRecording(DateTime nowUtc) => LastUsedAtUtc is not { } last || nowUtc - last >= UseResolution;
}

/// <summary>The audit log's names for what happens to tokens.</summary>
public static class ApiTokenAudit
{
    public const string Created = "api-token.created";
    public const string Revoked = "api-token.revoked";
}
