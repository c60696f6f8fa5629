using DigitalPartnership.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace DigitalPartnership.Web.Hosting;

/// <summary>The <c>Demo</c> section: the password of the Development demo accounts.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";
    public const string DefaultPassword = "Partnership-2025!";

    public string Password { get; set; } = DefaultPassword;

    /// <summary>One account per role: staff@, editor@, manager@ and admin@example.org.</summary>
    public static IReadOnlyList<(string Email, string Role)> Accounts { get; } =
        PortalRoles.All.Select(role => ($"{role.ToLowerInvariant()}@example.org", role)).ToList();
}

/// <summary>Makes sure the roles exist and, in Development only, that there is one demo account per role.</summary>
public sealed class AccountSeeder(RoleManager<IdentityRole> roles, UserManager<IdentityUser> users, IHostEnvironment environment,
    Microsoft.Extensions.Options.IOptions<DemoOptions> demo, ILogger<AccountSeeder> logger)
{
    public async Task SeedAsync()
    {
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var created = await roles.CreateAsync(new IdentityRole(role));
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException($"Role {role} could not be created: {string.Join(" ", created.Errors.Select(e => e.Description))}");
                }
            }
        }

        if (!environment.IsDevelopment())
        {
            return;
        }

        foreach (var (email, role) in DemoOptions.Accounts)
        {
            // A start stopped between creating an account and giving it its role left it without one: finish the job.
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
                var created = await users.CreateAsync(user, demo.Value.Password);
                if (!created.Succeeded)
                {
                    logger.LogWarning("Demo account {Email} not created: {Errors}", email, string.Join(" ", created.Errors.Select(e => e.Description)));
                    continue;
                }

                logger.LogInformation("Demo account {Email} created with role {Role}", email, role);
            }

            if (!await users.IsInRoleAsync(user, role))
            {
                var added = await users.AddToRoleAsync(user, role);
                if (!added.Succeeded)
                {
                    logger.LogWarning("Demo account {Email} not given role {Role}: {Errors}", email, role, string.Join(" ", added.Errors.Select(e => e.Description)));
                }
            }
        }
    }
}
