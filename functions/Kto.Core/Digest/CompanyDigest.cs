namespace Kto.Core.Digest;

/// <summary>
/// One company's status in a digest: counts and projections only, never a client's name, address or answer.
/// </summary>
/// <param name="OverdueDelivery">The month whose delivery is late ("november 2026", <see cref="Portal.DeliveryDue"/>), or null.</param>
/// <param name="MissingMonths">Every month of the year the forecast counts as not delivered ("oktober", "november").</param>
public sealed record CompanyDigest(
    string CompanyId,
    string CompanyName,
    bool AtRisk,
    IReadOnlyList<PerceelDigest> Percelen,
    IReadOnlyList<DigestAction> Actions,
    string? OverdueDelivery,
    IReadOnlyList<string> MissingMonths);

/// <summary>A perceel's line: "Naar werk: respons 25 % (minimum 30 %), verwacht 24–31 %".</summary>
public sealed record PerceelDigest(string Perceel, int Ended, int Responded, string Rate, string Minimum, string? Range, bool AtRisk);

/// <summary>One of the top actions: its sentence (<see cref="Forecast.ForecastActionTexts"/>), the perceel and the responses it is expected to bring.</summary>
public sealed record DigestAction(string Perceel, string Text, int Clients, string Expected);
