using Kto.Core.Reports;

namespace Kto.Infrastructure.Reports;

/// <summary>The exemption request letter on one A4 page, in the report's fonts; text stays text (pdftotext reads it).</summary>
public sealed class ExemptionLetterPdfRenderer : IExemptionLetterRenderer
{
    public byte[] Render(ExemptionLetter letter)
    {
        var created = new DateTimeOffset(letter.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        using var pdf = new PdfLayout(new PdfInfo(letter.Subject, letter.CompanyName, "Verzoek om vrijstelling KTO", created));
        pdf.NewPage();
        pdf.Paragraph(letter.CompanyName, pdf.Bold);
        pdf.Space(16);
        foreach (var line in letter.Addressee) pdf.Paragraph(line);
        pdf.Space(16);
        pdf.Paragraph($"Datum: {Kto.Core.DutchTime.Format(letter.Date)}");
        pdf.Paragraph($"Betreft: {letter.Subject}", pdf.Bold);
        pdf.Space(12);
        pdf.Paragraph(letter.Salutation);
        foreach (var paragraph in letter.Paragraphs) pdf.Paragraph(paragraph);
        pdf.Space(8);
        pdf.Paragraph(letter.Closing);
        pdf.Space(20);
        foreach (var line in letter.Signature) pdf.Paragraph(line);
        pdf.Space(24);
        pdf.Paragraph(letter.Note, pdf.Small);
        return pdf.Finish(letter.Subject, draft: false);
    }
}
