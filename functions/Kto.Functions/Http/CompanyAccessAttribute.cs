namespace Kto.Functions.Http;

/// <summary>
/// Only a caller who may see the company named by the route parameter <c>{company}</c> may call this HTTP function
/// (that company's key, or the bureau): 401 without a valid key, 403 otherwise. Checked before the function runs,
/// by <see cref="AccessGate"/> (in both hosts).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CompanyAccessAttribute : Attribute
{
    public const string RouteParameter = "company";
}
