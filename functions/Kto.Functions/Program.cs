using Azure.Monitor.OpenTelemetry.Exporter;
using Kto.Core.Operations;
using Kto.Functions;
using Kto.Infrastructure;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// Every unhandled error of an HTTP function answers { error, message }, never a stack trace.
builder.UseMiddleware<ErrorMiddleware>();
// The bearer-key check a function declares ([BureauOnly], [CompanyAccess]) runs before it (Kto.Local calls the same gate).
builder.UseMiddleware<AccessMiddleware>();
builder.Services.AddKto(builder.Configuration);
builder.Services.AddKtoFunctions();
// The worker's own counters (KtoMetrics: rows, mails, answers; fixed words as tags, no personal data) go to Application
// Insights when the app has one (infra-bicep sets the connection string); the host's own telemetry is unchanged.
if (!string.IsNullOrEmpty(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
    builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(KtoMetrics.MeterName).AddAzureMonitorMetricExporter());
builder.Build().Run();
