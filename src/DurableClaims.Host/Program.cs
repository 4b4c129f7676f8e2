using DurableClaims.Host.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddDurableClaimsHost();

var app = builder.Build();
app.MapDurableClaimsHost();
await app.RunAsync();

/// <summary>Entry point, visible to the host's tests.</summary>
public partial class Program;
