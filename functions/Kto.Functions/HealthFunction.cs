namespace Kto.Functions;

/// <summary>Liveness: answers when the app runs.</summary>
public sealed class HealthFunction
{
    [Function(nameof(Health))]
    public IActionResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request) =>
        new OkObjectResult(new { status = "ok" });
}
