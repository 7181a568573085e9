using Kto.Functions;
using Kto.Functions.Http;
using Kto.Infrastructure;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// Every unhandled error of an HTTP function answers { error, message }, never a stack trace.
builder.UseMiddleware<ErrorMiddleware>();
// The bearer-key check a function declares ([BureauOnly], [CompanyAccess]) runs before it (Kto.Local calls the same gate).
builder.UseMiddleware<AccessMiddleware>();
builder.Services.AddKto(builder.Configuration);
builder.Services.AddKtoFunctions();
builder.Build().Run();
