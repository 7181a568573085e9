using System.Collections.Concurrent;
using System.Reflection;
using Kto.Core.Access;
using Kto.Functions.Portal;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Http;

/// <summary>
/// The one place that turns a function's access attribute into "go on" or the answer instead: for the API
/// (<see cref="BureauOnlyAttribute"/>, <see cref="CompanyAccessAttribute"/>) the request's bearer key against a
/// 401/403; for a portal page (<see cref="PortalPageAttribute"/>) the session, company and form, by
/// <see cref="PortalGate.EnterAsync"/>. The Functions host calls it from <see cref="AccessMiddleware"/>, Kto.Local
/// before it invokes a function.
/// </summary>
public static class AccessGate
{
    private static readonly ConcurrentDictionary<string, MethodInfo?> EntryPoints = new();

    /// <returns>Null when the function declares no access rule or the caller passes it; otherwise the answer.</returns>
    public static async Task<IActionResult?> CheckAsync(MethodInfo function, HttpRequest request, Func<string, string?> routeValue,
        CancellationToken cancellationToken)
    {
        if (function.GetCustomAttribute<PortalPageAttribute>() is { } page)
            return await request.HttpContext.RequestServices.GetRequiredService<PortalGate>().EnterAsync(request, page,
                PortalPageAttribute.HasCompanyRoute(function) ? routeValue(PortalPageAttribute.CompanyParameter) : null, cancellationToken);
        var bureauOnly = function.IsDefined(typeof(BureauOnlyAttribute));
        var companyAccess = function.IsDefined(typeof(CompanyAccessAttribute));
        if (!bureauOnly && !companyAccess) return null;
        var access = request.HttpContext.RequestServices.GetRequiredService<AccessService>();
        return bureauOnly
            ? await access.DenyUnlessBureauAsync(request, cancellationToken)
            : await access.DenyUnlessMaySeeAsync(request, routeValue(CompanyAccessAttribute.RouteParameter) ?? "", cancellationToken);
    }

    /// <summary>The method a Functions entry point (<c>Namespace.Class.Method</c>) names in this assembly.</summary>
    public static MethodInfo? MethodOf(string entryPoint) => EntryPoints.GetOrAdd(entryPoint, static name =>
    {
        var dot = name.LastIndexOf('.');
        return dot < 0 ? null : typeof(AccessGate).Assembly.GetType(name[..dot])?.GetMethod(name[(dot + 1)..]);
    });
}
