using Kto.Functions.Portal;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions;

/// <summary>
/// What the function classes themselves need beside the composition root <c>AddKto()</c>, in both hosts (the
/// Functions app and Kto.Local): Kestrel's body limit, the portal's page renderer and its gate.
/// </summary>
public static class FunctionServices
{
    public static IServiceCollection AddKtoFunctions(this IServiceCollection services)
    {
        services.AddKtoRequestLimits();
        services.AddSingleton<IPortalPages, PortalPageRenderer>();
        services.AddSingleton<PortalGate>();
        return services;
    }
}
