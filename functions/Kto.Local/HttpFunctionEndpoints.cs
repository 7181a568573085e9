using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Kto.Functions.Http;
using Microsoft.Azure.Functions.Worker;

namespace Kto.Local;

/// <summary>
/// Maps every HTTP-triggered function to Kestrel with its own route and methods. host.json sets the route prefix to
/// empty, so a route is the whole path: the JSON API declares <c>api/…</c>, pages (questionnaire, portal) live outside it.
/// </summary>
public static class HttpFunctionEndpoints
{

    public static void MapHttpFunctions(this WebApplication app, FunctionCatalog catalog)
    {
        foreach (var (function, trigger) in catalog.WithTrigger<HttpTriggerAttribute>())
        {
            var route = $"/{trigger.Route ?? function.Name}";
            RequestDelegate invoke = context => InvokeAsync(context, function);
            // No methods on the trigger: the Functions host answers every method, so this host does too.
            var endpoint = trigger.Methods is { Length: > 0 } methods
                ? app.MapMethods(route, methods.Select(m => m.ToUpperInvariant()), invoke)
                : app.Map(route, invoke);
            endpoint.WithDisplayName(function.Name);
        }
    }

    private static async Task InvokeAsync(HttpContext context, FunctionMethod function)
    {
        var invoker = context.RequestServices.GetRequiredService<FunctionInvoker>();
        var routeValues = context.Request.RouteValues.ToDictionary(v => v.Key, v => v.Value?.ToString());
        // An optional route parameter left out ({company?}) is not among the route values: bind it as null, as the Functions host does.
        if (context.GetEndpoint() is RouteEndpoint endpoint)
            foreach (var parameter in endpoint.RoutePattern.Parameters)
                routeValues.TryAdd(parameter.Name, null);
        // The access a function declares is checked before it runs, by the same gate as the Functions host's middleware.
        var result = await AccessGate.CheckAsync(function.Method, context.Request, name => routeValues.GetValueOrDefault(name), context.RequestAborted)
            ?? await invoker.InvokeAsync(function, new Dictionary<Type, object> { [typeof(HttpRequest)] = context.Request }, routeValues,
                context.RequestAborted);
        switch (result)
        {
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            case null:
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            default:
                await context.Response.WriteAsJsonAsync(result, context.RequestAborted);
                break;
        }
    }
}
