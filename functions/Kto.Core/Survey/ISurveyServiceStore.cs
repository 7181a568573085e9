namespace Kto.Core.Survey;

/// <summary>Reads and changes the survey state of single services.</summary>
public interface ISurveyServiceStore
{
    Task<ServiceSnapshot?> GetAsync(ServiceRef service, CancellationToken cancellationToken);

    /// <summary>Marks the service responded with its grade; false when it was already responded (the first answer counts).</summary>
    Task<bool> MarkRespondedAsync(ServiceRef service, int? grade, CancellationToken cancellationToken);

    /// <summary>Marks the client opted out: no more mail. Idempotent.</summary>
    Task MarkOptedOutAsync(ServiceRef service, CancellationToken cancellationToken);
}
