using DigitalPartnership.Core.Accounts;

namespace DigitalPartnership.Tests.Support;

/// <summary>
/// The seeded store every <see cref="PortalFactory"/> starts from, made once per test run by the portal itself (its
/// migrations, its seeding, at <see cref="PortalFactory.Now"/>), with one account per role
/// (<c>staff@test.example.org</c>…, password <see cref="PortalFactory.Password"/>). Deleted when the run ends.
/// </summary>
public static class TemplateStore
{
    private static readonly Lazy<string> Template = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => Template.Value;

    private static string Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"dpp-template-{Guid.NewGuid():N}.db");
        var factory = new PortalFactory(fromTemplate: false);
        try
        {
            foreach (var role in PortalRoles.All)
            {
                factory.EnsureAccountAsync($"{role.ToLowerInvariant()}@test.example.org", role).GetAwaiter().GetResult();
            }

            factory.Checkpoint();
            File.Copy(factory.DatabasePath, path);
        }
        finally
        {
            factory.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }
}
