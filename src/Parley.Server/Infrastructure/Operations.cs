using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Parley.Application.Operations;
using Parley.Server.Access;

namespace Parley.Server.Infrastructure;

/// <summary>
/// What an operator runs the app with (docs/operations.md):
/// <list type="bullet">
/// <item><c>Parley:Logging:Json</c> (default false): one JSON object per log line on standard output, UTC timestamps.</item>
/// <item><c>Parley:Metrics:Prometheus</c> (default false): metrics in Prometheus' text format at <c>GET /metrics</c>, for
/// instance administrators (an administrator's API token as bearer), or for anyone when <c>Parley:Metrics:AllowAnonymous</c>
/// is true (only where the port is reachable by the scraper alone).</item>
/// <item><c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (and the other standard <c>OTEL_*</c> variables): metrics and traces sent by OTLP.</item>
/// <item><c>Parley:ShutdownTimeoutSeconds</c> (default 30): on SIGTERM the app stops taking requests and lets the ones in
/// flight (and their writes) finish for this long.</item>
/// </list>
/// Metrics: ASP.NET Core, HttpClient and the engines' timings (<see cref="EngineTimings"/>); traces add EF Core's commands.
/// </summary>
public static class Operations
{
    /// <summary>Registers logging format, telemetry and the shutdown timeout from configuration.</summary>
    public static WebApplicationBuilder AddParleyOperations(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (configuration.GetValue("Parley:Logging:Json", false))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.IncludeScopes = true;
                o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
            });
        }
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(configuration.GetValue("Parley:ShutdownTimeoutSeconds", 30)));

        var prometheus = configuration.GetValue("Parley:Metrics:Prometheus", false);
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!prometheus && !otlp) return builder;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "parley"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter(EngineTimings.Name);
                if (prometheus) metrics.AddPrometheusExporter();
                if (otlp) metrics.AddOtlpExporter();
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddEntityFrameworkCoreInstrumentation()
                .AddSource(EngineTimings.Name).AddOtlpExporter());
        }
        return builder;
    }

    /// <summary>Maps <c>/metrics</c> when <c>Parley:Metrics:Prometheus</c> is on.</summary>
    public static void MapParleyMetrics(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Parley:Metrics:Prometheus", false)) return;
        var endpoint = app.MapPrometheusScrapingEndpoint("/metrics");
        if (app.Configuration.GetValue("Parley:Metrics:AllowAnonymous", false))
            endpoint.AllowAnonymousBecause("metrics opened to anyone by the operator (Parley:Metrics:AllowAnonymous): request counts and timings, no negotiation data");
        else endpoint.Requires(InstanceRequirement.Administrator);
    }
}
