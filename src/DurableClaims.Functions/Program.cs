using DurableClaims.Configuration;
using DurableClaims.Functions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<StorageFaultWorkerMiddleware>();

// The same workflow, agents and stores as the local host; then the Functions-specific adapters.
builder.Services.AddDurableClaims(builder.Configuration);
builder.Services.AddDurableClaimsFunctions(builder.Configuration);

await builder.Build().RunAsync();
