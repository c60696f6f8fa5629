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
app.UsePortalPipeline();
return await PortalHost.RunAsync(app);

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
