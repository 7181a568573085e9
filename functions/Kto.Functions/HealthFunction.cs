using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kto.Functions;

/// <summary>Liveness: answers when the app runs.</summary>
public sealed class HealthFunction
{
    [Function(nameof(Health))]
    public IActionResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request) =>
        new OkObjectResult(new { status = "ok" });
}
