using System.Text;

// A 2 KiB HTML page from memory: no routing beyond one endpoint, no logging, no middleware.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var page = Encoding.UTF8.GetBytes("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ceiling</title></head><body><main>"
    + string.Concat(Enumerable.Range(0, 40).Select(i => $"<p>Line {i:00} of the page the ceiling serves.</p>"))[..(2048 - 120)]
    + "</main></body></html>");
app.MapGet("/", async context =>
{
    context.Response.ContentType = "text/html; charset=utf-8";
    context.Response.ContentLength = page.Length;
    await context.Response.Body.WriteAsync(page);
});
app.Run();
