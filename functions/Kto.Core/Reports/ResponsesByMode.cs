namespace Kto.Core.Reports;

/// <summary>Respondents per way of answering: the web questionnaire, a phone interview, a returned paper form.</summary>
public sealed record ResponsesByMode(int Web, int Phone, int Paper)
{
    public int Total => Web + Phone + Paper;
}
