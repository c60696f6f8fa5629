using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace DigitalPartnership.Web.Hosting;

/// <summary>
/// The sign-in cookie's ticket, kept for a few minutes by the cookie's text, so a signed-in request does not decrypt and
/// deserialise its cookie again: with data protection deriving keys, checking the MAC and decrypting on every request,
/// that was a quarter of a kept page's time. A cookie's text fixes its ticket, so keeping it changes nothing a reader
/// sees: the cookie handler still checks the ticket's expiry on each request, and the session behind it is still read
/// from the store (<see cref="PortalSessions.ValidateAsync"/>). Each request gets its own copy, since the handler may
/// change the one it is given (a sliding renewal).
/// </summary>
public sealed class KeptTickets(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
{
    /// <summary>Not longer: a cookie whose data-protection key is revoked is refused again within this time.</summary>
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(5);

    private readonly MemoryCache _kept = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        if (_kept.TryGetValue(protectedText, out AuthenticationTicket? kept))
        {
            return kept!.Clone();
        }

        var ticket = inner.Unprotect(protectedText);
        if (ticket is not null)
        {
            _kept.Set(protectedText, ticket.Clone(), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = KeptFor });
        }

        return ticket;
    }
}
