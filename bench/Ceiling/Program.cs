using System.Text;

// A 2 KiB HTML page from memory: no routing beyond one endpoint, no logging, no middleware.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
const string Head = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ceiling</title></head><body><main>";
const string Tail = "</main></body></html>";
var lines = string.Concat(Enumerable.Range(0, 100).Select(i => $"<p>Line {i:00} of the page the ceiling serves.</p>"));
var page = Encoding.UTF8.GetBytes(Head + lines[..(2048 - Head.Length - Tail.Length)] + Tail);
app.MapGet("/", async context =>
{
    context.Response.ContentType = "text/html; charset=utf-8";
    context.Response.ContentLength = page.Length;
    await context.Response.Body.WriteAsync(page);
});
app.Run();
