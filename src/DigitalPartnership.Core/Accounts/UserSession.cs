namespace DigitalPartnership.Core.Accounts;

/// <summary>
/// One signed-in session: the sign-in cookie names it, and it is valid only while this row exists and has not expired.
/// Signing out deletes the row, so a copied cookie stops working at once, on every instance of the portal.
/// </summary>
public sealed class UserSession
{
    public const int IdLength = 43;
    public const int ClientMaxLength = 200;

    private UserSession() { }

    public UserSession(string id, string userId, string? client, DateTime nowUtc, TimeSpan lifetime)
    {
        Id = id;
        UserId = userId;
        Client = client is { Length: > ClientMaxLength } ? client[..ClientMaxLength] : client;
        CreatedAtUtc = nowUtc;
        Seen(nowUtc, lifetime);
    }

    /// <summary>Random, URL-safe, 256 bits.</summary>
    public string Id { get; private set; } = "";
    public string UserId { get; private set; } = "";

    /// <summary>The browser that signed in (its User-Agent), so a person can tell their sessions apart.</summary>
    public string? Client { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime LastSeenAtUtc { get; private set; }

    /// <summary>Sliding: every use moves it on, as the cookie's own expiry does.</summary>
    public DateTime ExpiresAtUtc { get; private set; }

    public void Seen(DateTime nowUtc, TimeSpan lifetime)
    {
        LastSeenAtUtc = nowUtc;
        ExpiresAtUtc = nowUtc + lifetime;
    }
}
