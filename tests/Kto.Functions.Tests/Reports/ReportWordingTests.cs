using Kto.Core;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Infrastructure.Reports;

namespace Kto.Functions.Tests.Reports;

/// <summary>
/// The signed report is an official document: one client is "1 dienst", "de klant", "1 traject", never "1 diensten",
/// "alle 1 klanten" or "zijn er 1 benaderd". Read back with poppler's pdftotext (<see cref="ReportStack.PdfText"/>).
/// </summary>
public sealed class ReportWordingTests
{
    private static readonly Questionnaire Questionnaire = new QuestionnaireCatalog(new QuestionnaireSettings()).Current;

    private static PerceelFigures Figures(Perceel perceel, int ended, int approached, ResponsesByMode answered, int? completed) =>
        new(perceel, ended, approached, new ContactAttempts(0, 0, approached), approached == 0 ? [] : [new AttemptCount(1, approached)],
            answered.Total, Enumerable.Repeat(8, answered.Total).ToList(),
            Questionnaire.Questions.Select(q => new QuestionResult(q.Id, q.Mandatory, answered.Total, q.IsNumeric ? 4.0 : null)).ToList(),
            completed, completed is null ? null : 0, new int[12],
            ApproachedByMode: new ContactAttempts(0, 0, approached), RespondedByMode: answered);

    private static string Text(params PerceelFigures[] figures)
    {
        var report = new AnnualReportBuilder(new ReportSettings(), new BureauInfo("Onderzoek BV", "MOA"))
            .Build(new AnnualReportInput("een", "Eén Klant BV", 2026, new DateTimeOffset(2027, 1, 15, 12, 0, 0, TimeSpan.FromHours(1)), Questionnaire, figures));
        return ReportStack.PdfText(new ReportPdfRenderer().Render(report, Questionnaire, "https://kto.example/api/verify/", null));
    }

    [Fact]
    public void A_perceel_of_one_client_speaks_of_one_and_a_larger_one_of_many()
    {
        var text = Text(
            Figures(Perceel.NaarWerk, 1, 1, new ResponsesByMode(0, 1, 0), completed: 1),
            Figures(Perceel.WerkfitMaken, 1, 0, new ResponsesByMode(0, 0, 0), completed: null),
            Figures(Perceel.Praktijkassessment, 3, 1, new ResponsesByMode(1, 0, 0), completed: 3));

        Assert.Contains("In 2026 is 1 dienst in dit perceel beëindigd. De klant is benaderd.", text);
        Assert.Contains("De ene deelnemer antwoordde telefonisch.", text);
        Assert.Contains("1 traject afgerond", text);
        Assert.Contains("In 2026 is 1 dienst in dit perceel beëindigd. De klant is niet benaderd.", text);
        Assert.Contains("In 2026 zijn 3 diensten in dit perceel beëindigd. Van de 3 klanten is er 1 benaderd; 2 niet.", text);
        Assert.Contains("3 trajecten afgerond", text);
        Assert.DoesNotContain("1 diensten", text);
        Assert.DoesNotContain("Alle 1 klanten", text);
        Assert.DoesNotContain("1 trajecten", text);
        Assert.DoesNotContain("antwoordden er 1 online, 0", text);
    }

    [Fact]
    public void The_report_sends_a_reader_to_the_check_page_and_names_the_route_for_a_hash()
    {
        var text = Text(Figures(Perceel.NaarWerk, 3, 3, new ResponsesByMode(2, 0, 0), completed: null));

        Assert.Contains("Echtheid controleren: open https://kto.example/verify en kies dit PDF-bestand.", text);
        Assert.Contains("open https://kto.example/api/verify/{sha256}", text);
    }
}
