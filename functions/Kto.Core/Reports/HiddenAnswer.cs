namespace Kto.Core.Reports;

/// <summary>The bureau's decision to keep one open answer out of a company's report for a year: who, why and when.</summary>
public sealed record HiddenAnswer(string AnswerId, string HiddenBy, string Reason, DateTimeOffset HiddenAt);
