using Kto.Core.Survey;

namespace Kto.Core.Letters;

/// <summary>Maps the keyed hash of a short code (<see cref="Survey.SurveyFormKey.CodeHash"/>) to its client's service; the code itself is never stored.</summary>
public interface IShortCodeStore
{
    /// <summary>Adds the code; false when the hash is taken already (another client's code: make a new one).</summary>
    Task<bool> TryAddAsync(string codeHash, ServiceRef service, CancellationToken cancellationToken);

    /// <summary>The service of a code, or null when it is unknown.</summary>
    Task<ServiceRef?> FindAsync(string codeHash, CancellationToken cancellationToken);
}
