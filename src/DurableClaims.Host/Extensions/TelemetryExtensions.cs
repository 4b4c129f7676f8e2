using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DurableClaims.Host.Extensions;

/// <summary>OpenTelemetry traces and metrics for the host, the task hub, Microsoft's orchestration spans and the workflow.</summary>
public static class TelemetryExtensions
{
    /// <summary>The wildcard that matches every ActivitySource and Meter of DurableClaims.</summary>
    public const string SourcePattern = "DurableClaims*";

    /// <summary>The ActivitySource of Microsoft.DurableTask (orchestration, activity and timer spans).</summary>
    public const string DurableTaskSource = "Microsoft.DurableTask";

    /// <summary>Adds tracing and metrics; the OTLP exporter is added only when an endpoint is configured, so nothing leaves the machine by default.</summary>
    public static WebApplicationBuilder AddDurableClaimsTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("DurableClaims.Host"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddSource(SourcePattern, DurableTaskSource))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddMeter(SourcePattern));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }

        return builder;
    }
}
