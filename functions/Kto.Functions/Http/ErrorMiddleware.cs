using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Kto.Functions.Http;

/// <summary>
/// The Functions worker's error handler (as in the worker's middleware samples): an exception from an HTTP
/// function becomes the API's <c>{ error, message }</c> answer (<see cref="ErrorResponses"/>); other triggers
/// rethrow, so the host retries them as before.
/// </summary>
public sealed class ErrorMiddleware(ILogger<ErrorMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetHttpContext() is { } http)
        {
            if (!await ErrorResponses.TryWriteAsync(http, e, logger)) throw;
        }
    }
}
