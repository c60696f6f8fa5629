using System.IO.Compression;
using Microsoft.AspNetCore.Identity;

namespace DigitalPartnership.Core.Accounts;

/// <summary>
/// What a password must be beyond its length (ASVS level 2, NIST SP 800-63B): not one of the passwords attackers try
/// first, not the person's own address, not one character or a short pattern repeated. Composition rules ("a digit and
/// a symbol") are deliberately absent. Each refusal says why, so the person can choose better.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<IdentityUser>
{
    public const int MinimumLength = 12;

    /// <summary>
    /// The 43,940 distinct passwords of at least <see cref="MinimumLength"/> characters among the million most common
    /// in SecLists' "10 million password list" (Daniel Miessler, MIT licence; see docs/third-party.md), lower-cased.
    /// Shorter ones are refused by the length rule already.
    /// </summary>
    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    public Task<IdentityResult> ValidateAsync(UserManager<IdentityUser> manager, IdentityUser user, string? password) =>
        Task.FromResult(Problem(password ?? "", user.Email ?? user.UserName) is { } problem
            ? IdentityResult.Failed(new IdentityError { Code = problem.Code, Description = problem.Description })
            : IdentityResult.Success);

    /// <summary>Null when <paramref name="password"/> may be used by the person with <paramref name="email"/>.</summary>
    public static (string Code, string Description)? Problem(string password, string? email)
    {
        var lower = password.ToLowerInvariant();
        if (Common.Value.Contains(lower))
        {
            return ("CommonPassword", "This password is on a list of common passwords that attackers try first. Choose another: a few unrelated words make a strong one.");
        }

        if (email is { Length: > 0 })
        {
            var address = email.ToLowerInvariant();
            var name = address.Split('@')[0];
            if (lower.Contains(address, StringComparison.Ordinal) || (name.Length >= 4 && lower.Replace(name, "").Length < MinimumLength / 2))
            {
                return ("PasswordIsEmail", "The password must not be (or be made mostly of) your e-mail address.");
            }
        }

        if (ShortestRepeatingUnit(lower) is { } unit && unit.Length <= 3)
        {
            return ("RepeatedCharacters", $"The password only repeats \"{unit}\". Choose one that is not a repetition: a few unrelated words make a strong one.");
        }

        return null;
    }

    /// <summary>"abab…ab" → "ab"; null when the text is not one unit repeated.</summary>
    private static string? ShortestRepeatingUnit(string text)
    {
        for (var length = 1; length <= text.Length / 2; length++)
        {
            if (text.Length % length == 0 && string.Concat(Enumerable.Repeat(text[..length], text.Length / length)) == text)
            {
                return text[..length];
            }
        }

        return null;
    }

    private static HashSet<string> LoadCommon()
    {
        using var resource = typeof(PasswordRules).Assembly.GetManifestResourceStream("DigitalPartnership.Core.Accounts.common-passwords.txt.gz")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the build.");
        using var reader = new StreamReader(new GZipStream(resource, CompressionMode.Decompress));
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            set.Add(line);
        }

        return set;
    }
}
