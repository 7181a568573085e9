namespace Kto.Core.Reports;

/// <summary>Whether an exemption letter was made (<see cref="ExemptionLetterResult"/>).</summary>
public enum ExemptionLetterOutcome
{
    Ready,
    /// <summary>No draft and no signed report for the year: the number of ended services is not known yet.</summary>
    NoReport,
    /// <summary>The perceel has at least the threshold of ended services: no exemption (<see cref="ExemptionLetterResult.Ended"/> says how many).</summary>
    NotEligible,
}
