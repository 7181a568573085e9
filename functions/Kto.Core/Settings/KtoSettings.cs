namespace Kto.Core.Settings;

/// <summary>
/// General settings (configuration section <c>Kto</c>; in Azure app settings as <c>Kto__Name</c>).
/// </summary>
public sealed class KtoSettings
{
    public const string Section = "";

    /// <summary>"Production" refuses test-only features such as running a job "as if" at another time.</summary>
    // Stryker disable once String : only "Production" means anything (IsProduction); "Development" and "" are the same
    public string Environment { get; set; } = "Development";

    /// <summary>Public base URL of the app, used in links sent to clients (e.g. https://kto.example.nl).</summary>
    // Stryker disable once String : the local default, set by every deployment; a test pinning it would say nothing
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>An address of this app as a mail or document links it: <paramref name="path"/> ("/portal") on <see cref="PublicBaseUrl"/>.</summary>
    public string Link(string path) => PublicBaseUrl.TrimEnd('/') + path;

    /// <summary>
    /// SHA-256 (hex) of the bureau key. Only the hash is configured; the key itself is never stored.
    /// </summary>
    public string BureauKeyHash { get; set; } = "";

    public bool IsProduction => string.Equals(Environment, "Production", StringComparison.OrdinalIgnoreCase);
}
