namespace Kto.Core.Population;

/// <summary>A withdrawal (<paramref name="Perceel"/> and <paramref name="Einddatum"/> null) or a correction of either or both, as asked.</summary>
/// <param name="Einddatum">yyyy-MM-dd (dd-MM-yyyy also accepted).</param>
/// <param name="Actor">A portal user's e-mail address, or <c>bureau-key</c>.</param>
public sealed record CorrectionRequest(
    bool Withdraw,
    string? Reason,
    string? Note,
    string? Perceel,
    string? Einddatum,
    string Actor);
