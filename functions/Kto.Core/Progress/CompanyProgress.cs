namespace Kto.Core.Progress;

/// <summary>A company's progress in a year: per perceel, and per month of the end date (the portal's chart).</summary>
public sealed record CompanyProgress(IReadOnlyList<PerceelProgress> Percelen, IReadOnlyList<MonthProgress> Months);
