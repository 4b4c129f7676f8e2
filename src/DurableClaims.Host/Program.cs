var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/api/health", () => Results.Ok(new { status = "Healthy" }));
await app.RunAsync();

/// <summary>Entry point, visible to the host's tests.</summary>
public partial class Program;
