namespace Kto.Core.Reports;

/// <summary>Lays out an exemption request letter as a PDF.</summary>
public interface IExemptionLetterRenderer
{
    byte[] Render(ExemptionLetter letter);
}
