using Kto.Core.Backup;

namespace Kto.Infrastructure.Backup;

/// <summary>The keys <c>./kto up</c> keeps in its data folder (<c>KTO_DATA</c>), read for a backup and put back by a restore (owner-only files).</summary>
public sealed class LocalKeyFolder(string dataFolder) : ILocalKeys
{
    public const string SurveyFormKey = "survey-form.key";
    public const string PortalSessionKey = "portal-session.key";
    public const string SigningCertificate = "signing/bureau-signing.pfx";

    public IReadOnlyList<LocalKey> Expected { get; } =
    [
        new(SurveyFormKey, "the survey form key: printed letter codes and questionnaire forms are keyed with it"),
        new(PortalSessionKey, "the portal session key: portal sessions and forms"),
        new(SigningCertificate, "the bureau's signing certificate: signed reports name it"),
    ];

    public async Task<IReadOnlyDictionary<string, byte[]>> ReadAsync(CancellationToken cancellationToken)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var key in Expected)
        {
            var path = Path.Combine(dataFolder, key.Name);
            if (File.Exists(path)) keys[key.Name] = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        return keys;
    }

    public async Task WriteAsync(IReadOnlyDictionary<string, byte[]> keys, CancellationToken cancellationToken)
    {
        foreach (var (name, content) in keys)
        {
            if (!Expected.Any(k => k.Name == name)) continue; // only the files this folder knows, never a path from the snapshot
            var path = Path.Combine(dataFolder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, content, cancellationToken);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
