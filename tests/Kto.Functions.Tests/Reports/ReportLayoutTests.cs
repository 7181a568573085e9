using System.Diagnostics;
using System.Text.RegularExpressions;
using Kto.Core;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Infrastructure.Reports;

namespace Kto.Functions.Tests.Reports;

/// <summary>
/// The report's layout read back page by page with poppler's pdftotext: four percelen and a long appendix of open
/// answers (groups of 1 to 61 answers of varied length). No table row stands alone on a page, headers repeat, a
/// heading is never left at the foot of a page without what it heads, and sections keep a reader's order.
/// </summary>
public sealed class ReportLayoutTests
{
    private static readonly Questionnaire Questionnaire = new QuestionnaireCatalog(new QuestionnaireSettings()).Current;

    // Answers per (perceel, question): small groups, groups that fill a page and more, in every perceel.
    private static readonly int[][] GroupSizes = [[1, 2], [4, 61], [17, 3], [33, 28]];

    private static readonly string[] Filler =
        "de begeleiding was duidelijk en vriendelijk maar de afspraken konden soms sneller worden ingepland volgens mij".Split(' ');

    private static string Token(int perceel, int question, int i) => $"T{perceel}{question}x{i:000}";

    private static AnnualReport LongReport()
    {
        var answers = new List<OpenAnswer>();
        var figures = new List<PerceelFigures>();
        foreach (var (perceel, p) in PerceelNames.All.Select((x, i) => (x, i)))
        {
            for (var q = 0; q < 2; q++)
                for (var i = 0; i < GroupSizes[p][q]; i++)
                {
                    var words = 3 + (i * 37 + p * 11 + q * 5) % 70; // one line to seven
                    answers.Add(new OpenAnswer($"{p}{q}{i:0000}", perceel, q == 0 ? "open-goed" : "open-beter",
                        Token(p, q, i) + " " + string.Join(' ', Enumerable.Range(0, words).Select(w => Filler[w % Filler.Length]))));
                }
            var responded = 40 + p;
            figures.Add(new PerceelFigures(perceel, 90, 90, new ContactAttempts(150, 3, 2), [new AttemptCount(1, 40), new AttemptCount(2, 50)],
                responded, Enumerable.Range(0, responded).Select(i => 5 + i % 6).ToList(),
                Questionnaire.Questions.Select(x => new QuestionResult(x.Id, x.Mandatory, responded, x.IsNumeric ? 4.1 : null)).ToList(),
                null, null, [3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4 + p]));
        }
        var builder = new AnnualReportBuilder(new ReportSettings(), new BureauInfo("Onderzoek BV", "MOA"));
        return builder.Build(new AnnualReportInput("lang", "Lang Rapport BV", 2026, new DateTimeOffset(2027, 1, 15, 12, 0, 0, TimeSpan.FromHours(1)),
            Questionnaire, figures, OpenAnswers: answers, PreviousYear: new PreviousYearFigures(2025, 1, figures.Take(3).ToList())));
    }

    /// <summary>The text of every page, in order (pdftotext separates pages with a form feed).</summary>
    private static IReadOnlyList<string> Pages(byte[] pdf)
    {
        var path = TestTemp.File($"kto-layout-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return text.Split('\f').Where(p => p.Trim().Length > 0).ToList();
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IReadOnlyList<string> ContentLines(string page) =>
        page.Split('\n').Select(l => l.Trim())
            // Not the footer, nor the pieces of the diagonal "CONCEPT" watermark pdftotext reads as lines of their own.
            .Where(l => l.Length > 0 && !l.StartsWith("KTO 2026 ·") && !l.StartsWith("Pagina ") && !Regex.IsMatch(l, "^[CONEPT]{1,7}$")).ToList();

    [Fact]
    public void No_appendix_row_stands_alone_and_every_page_of_a_table_repeats_its_header()
    {
        var pdf = new ReportPdfRenderer().Render(LongReport(), Questionnaire, "https://kto.example/api/verify/", null);
        if (Environment.GetEnvironmentVariable("KTO_REPORT_DUMP") is { Length: > 0 } dump) File.WriteAllBytes(Path.Combine(dump, "layout.pdf"), pdf);
        var pages = Pages(pdf);
        Assert.True(pages.Count > 15, $"the long report has {pages.Count} pages");

        for (var p = 0; p < 4; p++)
            for (var q = 0; q < 2; q++)
            {
                var total = GroupSizes[p][q];
                var rowsPerPage = pages.Select(page => Enumerable.Range(0, total).Count(i => page.Contains(Token(p, q, i)))).Where(c => c > 0).ToList();
                Assert.Equal(total, rowsPerPage.Sum());
                // At least three rows of a table on every page it reaches (a table of one or two stays whole on one page).
                Assert.All(rowsPerPage, c => Assert.True(c >= Math.Min(PdfLayout.KeepRows, total),
                    $"perceel {p}, question {q}: pages hold {string.Join(", ", rowsPerPage)} of {total} rows"));
                if (total < PdfLayout.KeepRows) Assert.Single(rowsPerPage);
            }

        foreach (var page in pages.Where(page => Regex.IsMatch(page, @"T\d\dx\d{3}")))
        {
            Assert.Contains(ContentLines(page), line => Regex.IsMatch(line, @"^Nr\s+Antwoord$"));
        }
    }

    [Fact]
    public void Headings_stay_with_what_follows_and_sections_keep_a_readers_order()
    {
        var pages = Pages(new ReportPdfRenderer().Render(LongReport(), Questionnaire, "https://kto.example/api/verify/", null));

        // A heading is never the last thing on a page.
        string[] headings = ["Samenvatting per perceel", "Vergelijking met 2025", "Werkwijze en respons", "Rapportcijfer", "Resultaten per vraag",
            "Controlelijst UWV", "Bijlage: open antwoorden per perceel", .. PerceelNames.All.Select(p => "Perceel " + PerceelNames.DisplayName(p))];
        foreach (var page in pages)
        {
            var lines = ContentLines(page);
            Assert.DoesNotContain(lines[^1], headings);
            Assert.False(Regex.IsMatch(lines[^1], @"^Wat (ging|kan) er (goed|beter)\? \(\d+ antwoord(en)?\)$"), $"a group title ends a page: {lines[^1]}");
        }

        // Each appendix group's title is on the page of its first row.
        for (var p = 0; p < 4; p++)
            for (var q = 0; q < 2; q++)
            {
                var title = $"{(q == 0 ? "Wat ging er goed?" : "Wat kan er beter?")} ({GroupSizes[p][q]} {(GroupSizes[p][q] == 1 ? "antwoord" : "antwoorden")})";
                var first = Token(p, q, 0);
                Assert.Contains(pages, page => page.Contains(first) && page.Contains(title));
            }

        // The reader's order: summary, comparison, per perceel method → grade → questions, checklist, appendix (per perceel), conclusion.
        var all = string.Join("\n", pages);
        var order = new List<string> { "Samenvatting per perceel", "Vergelijking met 2025" };
        foreach (var perceel in PerceelNames.All)
            order.AddRange(["Perceel " + PerceelNames.DisplayName(perceel), "Werkwijze en respons", "Rapportcijfer", "Resultaten per vraag"]);
        order.AddRange(["Controlelijst UWV", "Bijlage: open antwoorden per perceel"]);
        order.AddRange(Enumerable.Range(0, 4).SelectMany(p => new[] { Token(p, 0, 0), Token(p, 1, 0) }));
        order.Add("Conclusie van het onderzoeksbureau");
        var at = 0;
        foreach (var marker in order)
        {
            var next = all.IndexOf(marker, at, StringComparison.Ordinal);
            Assert.True(next >= 0, $"'{marker}' is missing or out of order");
            at = next + marker.Length;
        }

        // The question table starts on the page of its heading.
        Assert.All(pages.Where(page => page.Contains("Resultaten per vraag")), page => Assert.Contains("Welk rapportcijfer geeft u", page));
    }

    [Theory]
    [InlineData(700.0, 0)]  // a table that does not have room for its header and three rows moves whole
    [InlineData(100.0, 1)]  // one that fits starts here
    public void A_table_starts_on_a_new_page_when_its_header_and_first_rows_do_not_fit(double y, int expectedPages)
    {
        var breaks = PdfLayout.PlanBreaks(y, 56, 772, 20, [20, 20, 20, 20, 20, 20, 20, 20, 20, 20]);
        Assert.Equal(expectedPages == 0, breaks.Contains(-1));
    }

    [Fact]
    public void A_break_never_leaves_fewer_than_three_rows_for_the_next_page()
    {
        // 56..772 holds the header (20) and 34 rows of 20 from the top; a table of 36 rows starting at the top would
        // leave 2 rows for page two: the break moves back so 3 go over.
        var breaks = PdfLayout.PlanBreaks(56, 56, 772, 20, Enumerable.Repeat(20.0, 36).ToList());
        Assert.Equal([33], breaks);
        var roomy = PdfLayout.PlanBreaks(56, 56, 772, 20, Enumerable.Repeat(20.0, 40).ToList());
        Assert.Equal([34], roomy);
    }
}
