using Kto.Infrastructure.Configuration;
using Kto.Infrastructure.Storage;

namespace Kto.Infra.Tests;

/// <summary>What the code uses (StorageNames, SettingsCatalog) but the compiled template does not declare.</summary>
public static class Drift
{
    public const string Site = "Microsoft.Web/sites";
    public const string Container = "Microsoft.Storage/storageAccounts/blobServices/containers";
    public const string Table = "Microsoft.Storage/storageAccounts/tableServices/tables";

    public static IReadOnlyList<string> DeclaredContainers(CompiledTemplate t) =>
        t.Resources(Container).SelectMany(x => CompiledTemplate.ResourceNames(x.Scope, x.Resource)).ToList();

    public static IReadOnlyList<string> DeclaredTables(CompiledTemplate t) =>
        t.Resources(Table).SelectMany(x => CompiledTemplate.ResourceNames(x.Scope, x.Resource)).ToList();

    public static IReadOnlyDictionary<string, object?> DeclaredAppSettings(CompiledTemplate t)
    {
        var (scope, site) = t.Single(Site);
        return CompiledTemplate.AppSettings(scope, site);
    }

    public static IReadOnlyList<string> MissingContainers(CompiledTemplate t) =>
        StorageNames.Containers.Except(DeclaredContainers(t), StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> MissingTables(CompiledTemplate t) =>
        StorageNames.Tables.Except(DeclaredTables(t), StringComparer.Ordinal).ToList();

    /// <summary>Every name the code reads (its own settings and the host's) that the function app does not get.</summary>
    public static IReadOnlyList<string> MissingAppSettings(CompiledTemplate t)
    {
        var declared = DeclaredAppSettings(t);
        return SettingsCatalog.AppSettingNames().Concat(SettingsCatalog.HostSettingNames)
            .Where(n => !declared.ContainsKey(n))
            .ToList();
    }
}
