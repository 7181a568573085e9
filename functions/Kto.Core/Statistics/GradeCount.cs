namespace Kto.Core.Statistics;

/// <summary>How many respondents gave this grade.</summary>
public sealed record GradeCount(int Grade, int Count);
