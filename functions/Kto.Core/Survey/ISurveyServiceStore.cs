namespace Kto.Core.Survey;

/// <summary>Reads and changes the survey state of single services.</summary>
public interface ISurveyServiceStore
{
    /// <summary>The service in one read of its row, with what that row knows of its corrections and response.</summary>
    Task<ServiceSnapshot?> GetAsync(ServiceRef service, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the service responded with the grade of its stored response; false when the service is unknown. Storage
    /// keeps one response per service (the first answer counts), so every mark of a service writes the same grade.
    /// </summary>
    Task<bool> MarkRespondedAsync(ServiceRef service, int? grade, CancellationToken cancellationToken);

    /// <summary>Marks the client opted out: no more mail. Idempotent.</summary>
    Task MarkOptedOutAsync(ServiceRef service, CancellationToken cancellationToken);
}
