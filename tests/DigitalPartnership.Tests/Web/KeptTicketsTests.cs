using System.Security.Claims;
using DigitalPartnership.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;

namespace DigitalPartnership.Tests.Web;

/// <summary>
/// Keeping sign-in tickets by their cookie must not change what a cookie means: a renewal on one request does not move
/// the expiry another request sees, and a forged cookie is refused however often the real one was read.
/// </summary>
public sealed class KeptTicketsTests
{
    private readonly TicketDataFormat _format = new(new EphemeralDataProtectionProvider().CreateProtector("sign-in"));

    [Fact]
    public void Each_read_of_a_cookie_gets_the_ticket_as_issued_whatever_an_earlier_request_did_with_its_copy()
    {
        var expires = new DateTimeOffset(2026, 12, 1, 18, 0, 0, TimeSpan.Zero);
        var cookie = _format.Protect(Ticket(expires));
        var kept = new KeptTickets(_format);

        // The first read decrypts the cookie, the later ones find it kept; each request changes the copy it got.
        for (var request = 0; request < 2; request++)
        {
            var ticket = kept.Unprotect(cookie)!;
            ticket.Properties.ExpiresUtc = expires.AddHours(8); // what a sliding renewal does to the ticket it is given
            ((ClaimsIdentity)ticket.Principal.Identity!).AddClaim(new Claim(ClaimTypes.Role, "Admin"));
        }

        var next = kept.Unprotect(cookie)!;

        Assert.Equal(expires, next.Properties.ExpiresUtc);
        Assert.Equal("editor@example.org", next.Principal.Identity!.Name);
        Assert.False(next.Principal.IsInRole("Admin"));
    }

    [Fact]
    public void A_cookie_changed_by_one_character_is_refused_after_the_real_one_was_read()
    {
        var cookie = _format.Protect(Ticket(DateTimeOffset.UtcNow.AddHours(1)));
        var kept = new KeptTickets(_format);
        Assert.NotNull(kept.Unprotect(cookie));

        var forged = cookie[..^2] + (cookie[^2] == 'A' ? 'B' : 'A') + cookie[^1];

        Assert.Null(kept.Unprotect(forged));
        Assert.Null(kept.Unprotect(forged));
        Assert.NotNull(kept.Unprotect(cookie));
    }

    private static AuthenticationTicket Ticket(DateTimeOffset expires) => new(
        new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "editor@example.org")], "Identity.Application")),
        new AuthenticationProperties { IssuedUtc = expires.AddHours(-8), ExpiresUtc = expires },
        "Identity.Application");
}
