namespace Kto.Core.Reports;

/// <summary>The exemption letter as a PDF, or why there is none.</summary>
public sealed record ExemptionLetterResult(ExemptionLetterResult.Outcomes Outcome, byte[]? Pdf = null, int Ended = 0)
{
    public enum Outcomes
    {
        Ready,
        /// <summary>No draft and no signed report for the year: the number of ended services is not known yet.</summary>
        NoReport,
        /// <summary>The perceel has at least the threshold of ended services: no exemption (<see cref="Ended"/> says how many).</summary>
        NotEligible,
    }
}
