using DurableClaims.Host.Extensions;

// A published binary carries the console next to itself: find it there, whatever the working directory
// (under `dotnet run` there is none beside the build output, and the project's wwwroot is used as before).
var publishedWebRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = File.Exists(Path.Combine(publishedWebRoot, "index.html")) ? publishedWebRoot : null,
});
builder.AddDurableClaimsHost();

var app = builder.Build();
app.MapDurableClaimsHost();
await app.RunAsync();

/// <summary>Entry point, visible to the host's tests.</summary>
public partial class Program;
