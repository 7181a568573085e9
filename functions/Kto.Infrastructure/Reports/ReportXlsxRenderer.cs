using ClosedXML.Excel;
using Kto.Core;
using Kto.Core.Exports;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;

namespace Kto.Infrastructure.Reports;

/// <summary>
/// All figures of the annual report as a workbook: numbers as numbers (unrounded), one sheet per subject. Text
/// that came from people (company name, conclusion, signer) is neutralised so a spreadsheet never runs it as a
/// formula.
/// </summary>
public sealed class ReportXlsxRenderer
{
    public byte[] Render(AnnualReport report, Questionnaire? questionnaire, int? version)
    {
        using var workbook = new XLWorkbook();

        var info = workbook.AddWorksheet("Rapport");
        Rows(info, ["Gegeven", "Waarde"],
        [
            ["Bedrijf", report.CompanyName], ["Bedrijfs-id", report.CompanyId], ["Jaar", report.Year],
            ["Onderzoeksbureau", report.Bureau.Name], ["Lid van", report.Bureau.Membership],
            ["Vragenlijst", report.QuestionnaireVersion], ["Opgesteld op", report.GeneratedAt.UtcDateTime],
            ["Status", report.Signature is null ? "concept" : "ondertekend"], ["Versie", version],
            ["Ondertekend door", report.Signature?.SignedBy], ["Ondertekend op", report.Signature?.SignedAt.UtcDateTime],
            ["Conclusie", report.Conclusion], ["Deadline UWV", report.Norms.SubmissionDeadline.ToDateTime(TimeOnly.MinValue)],
            ["Norm gemiddeld cijfer", report.Norms.KpiMinimumMeanGrade], ["Norm minimale respons", report.Norms.MinimumResponseRate],
            ["Norm minimaal aantal deelnemers", report.Norms.MinimumRespondents], ["Drempel vrijstelling (minder dan)", report.Norms.ExemptionThreshold],
            ["Indicatief onder (deelnemers)", report.Norms.IndicativeBelowRespondents],
            ["Vergelijking met vorig jaar", report.PreviousYear switch
            {
                null => null,
                { Available: true } c => $"rapport over {c.PreviousYear}, versie {c.PreviousVersion}",
                { } c => c.Note,
            }],
        ]);

        var summary = workbook.AddWorksheet("Samenvatting");
        Rows(summary,
            ["Perceel", "Beëindigd", "Benaderd", "Respons", "Responspercentage", "Respons BI laag", "Respons BI hoog", "Gemiddeld cijfer",
             "Standaardafwijking", "Mediaan", "BI laag", "BI hoog", "Indicatief", "KPI gehaald", "Minimale respons gehaald",
             "Vrijstelling mogelijk", "Benaderingen e-mail", "Benaderingen brief", "Benaderingen telefoon", "Trajecten afgerond", "Trajecten succesvol",
             "Klanten benaderd e-mail", "Klanten benaderd brief", "Klanten benaderd telefoon", "Respons online", "Respons telefonisch",
             "Respons papier", "Gemiddeld aantal keer benaderd", "Hoogstens benaderd", "Onbereikbaar"],
            report.Percelen.Select(p => new object?[]
            {
                PerceelNames.DisplayName(p.Figures.Perceel), p.Figures.Ended, p.Figures.Approached, p.Figures.Responded,
                p.ResponseRate.Proportion, p.ResponseRate.Lower, p.ResponseRate.Upper, p.Grades.Mean, p.Grades.StandardDeviation,
                p.Grades.Median, p.Grades.ConfidenceInterval?.Lower, p.Grades.ConfidenceInterval?.Upper, YesNo(p.Grades.IsIndicative),
                YesNo(p.KpiMet), YesNo(p.MinimumResponseMet), YesNo(p.ExemptionPossible), p.Figures.AttemptsByMode?.Email,
                p.Figures.AttemptsByMode?.Letter, p.Figures.AttemptsByMode?.Phone, p.Figures.CompletedTrajectories, p.Figures.SuccessfulTrajectories,
                p.Figures.ApproachedByMode?.Email, p.Figures.ApproachedByMode?.Letter, p.Figures.ApproachedByMode?.Phone,
                p.Figures.RespondedByMode?.Web, p.Figures.RespondedByMode?.Phone, p.Figures.RespondedByMode?.Paper,
                p.Figures.MeanAttemptsPerService, p.Figures.MaxAttemptsPerService, p.Figures.Unreachable,
            }));

        var grades = workbook.AddWorksheet("Rapportcijfers");
        Rows(grades, ["Perceel", .. Enumerable.Range(1, 10).Select(g => $"Cijfer {g}")],
            report.Percelen.Select(p => new object?[] { PerceelNames.DisplayName(p.Figures.Perceel) }
                .Concat(p.Grades.Distribution.Select(d => (object?)d.Count)).ToArray()));

        var months = workbook.AddWorksheet("Respons per maand");
        Rows(months, ["Perceel", "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
            report.Percelen.Select(p => new object?[] { PerceelNames.DisplayName(p.Figures.Perceel) }
                .Concat(p.Figures.ResponsesPerMonth.Select(c => (object?)c)).ToArray()));

        var attempts = workbook.AddWorksheet("Aantal keer benaderd");
        Rows(attempts, ["Perceel", "Aantal keer benaderd", "Klanten"],
            report.Percelen.SelectMany(p => p.Figures.AttemptsPerService.Select(a => new object?[]
                { PerceelNames.DisplayName(p.Figures.Perceel), a.Attempts, a.Services })));

        var questions = workbook.AddWorksheet("Vragen");
        Rows(questions, ["Perceel", "Vraag-id", "Vraag", "Verplicht", "Beantwoord", "Gemiddelde", "Weet niet / n.v.t."],
            report.Percelen.SelectMany(p => p.Figures.QuestionResults.Select(r => new object?[]
            {
                PerceelNames.DisplayName(p.Figures.Perceel), r.QuestionId, questionnaire?.Find(r.QuestionId)?.Text.Nl,
                YesNo(r.Mandatory), r.Answered, r.Mean, r.DontKnow,
            })));

        // The population's history: every withdrawal or correction the bureau made, counted per perceel and reason.
        var changes = workbook.AddWorksheet("Wijzigingen populatie");
        Rows(changes, ["Perceel", "Wijziging", "Wijziging (code)", "Reden", "Reden (code)", "Aantal"],
            report.Percelen.SelectMany(p => (p.Figures.PopulationChanges ?? []).Select(c => new object?[]
            {
                PerceelNames.DisplayName(p.Figures.Perceel), PopulationChange.DutchChange(c.Change), c.Change, c.DutchReason(), c.Reason, c.Count,
            })));
        if (report.PreviousYear is { } cmp)
        {
            var previous = workbook.AddWorksheet("Vorig jaar");
            Rows(previous,
                ["Perceel", "Vorig jaar", "Versie vorig jaar", "Beëindigd vorig jaar", "Respons vorig jaar", "Responspercentage vorig jaar",
                 "Responspercentage", "Verschil responspercentage", "Gemiddeld cijfer vorig jaar", "Gemiddeld cijfer", "Verschil gemiddeld cijfer",
                 "KPI gehaald vorig jaar", "KPI gehaald", "Opmerking"],
                report.Percelen.Select(p => p.PreviousYear is { } was
                    ? new object?[]
                    {
                        PerceelNames.DisplayName(p.Figures.Perceel), cmp.PreviousYear, cmp.PreviousVersion, was.Ended, was.Responded, was.ResponseRate,
                        p.ResponseRate.Proportion, was.ResponseRateChange, was.MeanGrade, p.Grades.Mean, was.MeanGradeChange, YesNo(was.KpiMet),
                        YesNo(p.KpiMet), null,
                    }
                    : new object?[]
                    {
                        PerceelNames.DisplayName(p.Figures.Perceel), cmp.PreviousYear, cmp.PreviousVersion, null, null, null,
                        p.ResponseRate.Proportion, null, null, p.Grades.Mean, null, null, YesNo(p.KpiMet),
                        cmp.Note ?? $"perceel niet in het rapport over {cmp.PreviousYear}",
                    }));
        }

        if (report.Percelen.Any(p => p.OpenAnswers is not null))
        {
            var open = workbook.AddWorksheet("Open antwoorden");
            Rows(open, ["Perceel", "Vraag-id", "Vraag", "Nr", "Antwoord", "Antwoord-id"],
                report.Percelen.SelectMany(p => (p.OpenAnswers ?? []).GroupBy(a => a.QuestionId).SelectMany(g => g.Select((a, i) => new object?[]
                {
                    PerceelNames.DisplayName(p.Figures.Perceel), a.QuestionId, questionnaire?.Find(a.QuestionId)?.Text.Nl, i + 1, a.Text, a.Id,
                }))));
            open.Column(5).Width = 100;
            open.Column(5).Style.Alignment.WrapText = true;
        }

        var checks = workbook.AddWorksheet("Controlelijst");
        Rows(checks, ["Nr", "Id", "Eis", "Status", "Toelichting"],
            report.Checklist.Checks.Select(c => new object?[] { c.Number, c.Id, c.Title, ReportPdfRenderer.StatusText(c.Status), c.Explanation }));

        // Fixed widths: ClosedXML 0.95 measures text with System.Drawing (GDI+), which does not run on Linux.
        foreach (var sheet in workbook.Worksheets)
        {
            sheet.Columns().Width = 16;
            sheet.Column(1).Width = 32;
        }
        if (workbook.Worksheets.TryGetWorksheet("Open antwoorden", out var answersSheet)) answersSheet.Column(5).Width = 100;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Text that a spreadsheet would read as a formula (or as DDE): the one rule in <see cref="SpreadsheetText"/>.</summary>
    public static string Neutralise(string text) => SpreadsheetText.Neutralise(text);

    private static string YesNo(bool? value) => DutchFormat.YesNo(value);

    private static void Rows(IXLWorksheet sheet, IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        for (var c = 0; c < headers.Count; c++) sheet.Cell(1, c + 1).SetValue(headers[c]);
        sheet.Row(1).Style.Font.Bold = true;
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++) Set(sheet.Cell(r, c + 1), row[c]);
            r++;
        }
        sheet.SheetView.FreezeRows(1);
    }

    private static void Set(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null: break;
            case string text: cell.SetValue(Neutralise(text)); cell.DataType = XLDataType.Text; break;
            case int i: cell.SetValue(i); break;
            case double d: cell.SetValue(d); break;
            case DateTime t: cell.SetValue(t); cell.Style.DateFormat.Format = "yyyy-mm-dd hh:mm"; break;
            default: cell.SetValue(Neutralise(value.ToString() ?? "")); break;
        }
    }
}
