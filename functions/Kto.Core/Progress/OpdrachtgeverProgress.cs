namespace Kto.Core.Progress;

/// <summary>How far the opdrachtgever survey (Blik op Werk) is for one company in one year.</summary>
/// <param name="MeanGrade">Mean grade for the cooperation (the opdrachtgever questionnaire's rapportcijfer).</param>
public sealed record OpdrachtgeverProgress(int Opdrachtgevers, int Approached, int Responded, double ResponseRate, double? MeanGrade);
