using System.Collections.Concurrent;
using System.Reflection;

namespace Kto.Functions.Portal;

/// <summary>
/// Who may open this portal page (<see cref="PortalAccess"/>); a route with <c>{company}</c> also checks that company.
/// Checked before the function runs, by <see cref="PortalGate.EnterAsync"/> through <c>AccessGate</c> (in both hosts),
/// which answers a denial itself and hands the page its <see cref="PortalOpening"/> (<c>request.Opening()</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public class PortalPageAttribute(PortalAccess access) : Attribute
{
    public const string CompanyParameter = "company";

    private static readonly ConcurrentDictionary<MethodInfo, bool> CompanyRoutes = new();

    public PortalAccess Access { get; } = access;

    /// <summary>
    /// Whether the function's own route names <c>{company}</c>: only then is a company checked (a query string
    /// <c>?company=</c>, which the worker also offers as binding data, is not a route).
    /// </summary>
    public static bool HasCompanyRoute(MethodInfo function) => CompanyRoutes.GetOrAdd(function, static method =>
        method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(t => t is not null)?.Route
            ?.Contains("{" + CompanyParameter + "}", StringComparison.Ordinal) == true);
}

/// <summary>
/// A posted url-encoded form: the page opens as a <see cref="PortalPageAttribute"/>, then its form is read (unreadable:
/// the 400 page) and its anti-forgery token and origin are checked (forged: the 403 page) before the function runs.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PortalFormAttribute(PortalAccess access) : PortalPageAttribute(access);

/// <summary>
/// A posted multipart upload: the page opens as a <see cref="PortalPageAttribute"/>; the function streams the body
/// itself and checks the token it carries (<see cref="PortalGate.IsGenuine"/> / <see cref="PortalGate.IsGenuinePreSession"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PortalUploadAttribute(PortalAccess access) : PortalPageAttribute(access);
