using DigitalPartnership.Web.Commands;
using DigitalPartnership.Web.Hosting;

if (PortalCommands.IsCommand(args))
{
    return await PortalCommands.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(PortalEnvironment.Options(args));
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.AddPortalLogging();
builder.Services
    .AddPortalStore()
    .AddPortalWeb();

var app = builder.Build();
if (await PortalHost.PrepareAsync(app) is { } exitCode)
{
    return exitCode; // stopped during start-up (0), or the settings or the store cannot be used (1, said in one line)
}

app.UsePortalPipeline();
return await PortalHost.ServeAsync(app);

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
