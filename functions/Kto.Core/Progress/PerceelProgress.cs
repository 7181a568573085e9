namespace Kto.Core.Progress;

/// <summary>How far the survey is for one perceel of one company in one year.</summary>
public sealed record PerceelProgress(
    string Perceel,
    int Ended,
    int Approached,
    int Responded,
    double ResponseRate,
    double? MeanGrade);
