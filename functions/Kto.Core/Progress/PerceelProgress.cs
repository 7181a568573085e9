using Kto.Core.Reports;

namespace Kto.Core.Progress;

/// <summary>How far the survey is for one perceel of one company in one year.</summary>
/// <param name="ApproachedByMode">Clients approached at least once per mode (e-mail, letter, phone).</param>
/// <param name="RespondedByMode">Respondents per way of answering (web, phone, paper).</param>
/// <param name="MeanAttempts">Approaches per ended service on average; null when nothing ended.</param>
/// <param name="MaxAttempts">The most approaches of one service; null when nothing ended.</param>
/// <param name="Unreachable">Clients without usable e-mail, postal address or phone number who did not respond.</param>
public sealed record PerceelProgress(
    string Perceel,
    int Ended,
    int Approached,
    int Responded,
    double ResponseRate,
    double? MeanGrade,
    ContactAttempts? ApproachedByMode = null,
    ResponsesByMode? RespondedByMode = null,
    double? MeanAttempts = null,
    int? MaxAttempts = null,
    int? Unreachable = null);
