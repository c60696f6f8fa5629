using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace DigitalPartnership.Web.Hosting;

/// <summary>
/// Identity's refusals (an address taken, a password too short) in the reader's language. English keeps Identity's own
/// words exactly; Japanese comes from <c>Resources/Hosting/PortalIdentityErrors.ja.resx</c>, keyed by those words.
/// The command line (<c>users add</c>) has no localization: there the words stay English.
/// </summary>
public sealed class PortalIdentityErrors(IServiceProvider services) : IdentityErrorDescriber
{
    private readonly IStringLocalizer<PortalIdentityErrors>? _text = services.GetService<IStringLocalizer<PortalIdentityErrors>>();

    public override IdentityError DuplicateUserName(string userName) => In(base.DuplicateUserName(userName), "Username '{0}' is already taken.", userName);

    public override IdentityError DuplicateEmail(string email) => In(base.DuplicateEmail(email), "Email '{0}' is already taken.", email);

    public override IdentityError InvalidEmail(string? email) => In(base.InvalidEmail(email), "Email '{0}' is invalid.", email ?? "");

    public override IdentityError InvalidUserName(string? userName) =>
        In(base.InvalidUserName(userName), "Username '{0}' is invalid, can only contain letters or digits.", userName ?? "");

    public override IdentityError PasswordTooShort(int length) => In(base.PasswordTooShort(length), "Passwords must be at least {0} characters.", length);

    private IdentityError In(IdentityError error, string key, object argument)
    {
        if (_text is not null && PortalCultures.IsJapanese)
        {
            error.Description = _text[key, argument];
        }

        return error;
    }
}
