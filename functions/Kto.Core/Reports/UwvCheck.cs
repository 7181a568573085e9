namespace Kto.Core.Reports;

/// <summary>One of UWV's conditions for a correct survey, with its verdict and the reason in plain Dutch.</summary>
/// <param name="Number">1–7, the order of the UWV list.</param>
/// <param name="Id">Stable id, one of <see cref="UwvCheckIds"/>.</param>
public sealed record UwvCheck(int Number, string Id, string Title, UwvCheckStatus Status, string Explanation);
