using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Kto.Functions.Http;

/// <summary>The Functions worker's access check: <see cref="AccessGate"/> before every HTTP function; a denial is answered here.</summary>
public sealed class AccessMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } http && AccessGate.MethodOf(context.FunctionDefinition.EntryPoint) is { } method)
        {
            var bindingData = context.BindingContext.BindingData;
            var denied = await AccessGate.CheckAsync(method, http.Request,
                name => bindingData.TryGetValue(name, out var value) ? value?.ToString() : http.GetRouteValue(name)?.ToString(),
                context.CancellationToken);
            if (denied is not null)
            {
                await denied.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
                return;
            }
        }
        await next(context);
    }
}
