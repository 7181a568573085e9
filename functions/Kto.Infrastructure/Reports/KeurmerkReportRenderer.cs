using System.Text.Json;
using ClosedXML.Excel;
using Kto.Core;
using Kto.Core.Keurmerk;
using Kto.Core.Reports;
using Kto.Core.Settings;

namespace Kto.Infrastructure.Reports;

/// <summary>
/// The Keurmerk report as PDF (the same layout engine as the UWV report), XLSX (every figure, unrounded) and JSON
/// (<see cref="KtoJson"/>; schema in docs/report-schema.md). Unsigned it is a concept (marked so); signed it carries
/// the bureau's conclusion and the signature block the PDF signer puts its widget over, as the UWV report does.
/// </summary>
public sealed class KeurmerkReportRenderer(BureauSettings bureau, KtoSettings kto) : IKeurmerkReportRenderer
{
    public byte[] Render(KeurmerkReport report, KeurmerkFormat format) => format switch
    {
        KeurmerkFormat.Pdf => Pdf(report, null),
        KeurmerkFormat.Xlsx => Xlsx(report),
        _ => JsonSerializer.SerializeToUtf8Bytes(report, KtoJson.Options),
    };

    public ReportFiles RenderFiles(KeurmerkReport report, int? version) =>
        new(Pdf(report, version), Xlsx(report), JsonSerializer.SerializeToUtf8Bytes(report, KtoJson.Options));

    private byte[] Pdf(KeurmerkReport r, int? version)
    {
        // The creation date is the report's own moment (generated, or signed), so the same report gives the same bytes.
        using var pdf = new PdfLayout(new PdfInfo($"Blik op Werk Keurmerk {r.Year} – {r.CompanyName}", bureau.Name,
            "Tevredenheid en resultaten voor het Blik op Werk Keurmerk", r.Signature?.SignedAt ?? r.GeneratedAt));
        pdf.NewPage();
        pdf.Heading1($"Blik op Werk Keurmerk {r.Year}");
        pdf.Paragraph($"{r.CompanyName} ({r.CompanyId}). Opgesteld op {DutchTime.Format(DateOnly.FromDateTime(r.GeneratedAt.UtcDateTime))} door {bureau.Name}.");
        pdf.Paragraph(r.Signature is { } signed
            ? $"Definitief, versie {version}: ondertekend door {signed.SignedBy} op {DutchFormat.Date(signed.SignedAt)}."
            : "CONCEPT – nog niet ondertekend door het onderzoeksbureau.", pdf.Bold);
        pdf.Paragraph("Cijfers van dit moment; de normen zijn instellingen van het onderzoeksbureau (niet bevestigd door een openbare bron).", pdf.Small);

        pdf.Heading2("Normen");
        pdf.Table(["Norm", "Waarde", "Drempel", "Gehaald"],
            r.Norms.Select(n => (IReadOnlyList<string>)[n.Name, NormValue(n.Id, n.Value), NormValue(n.Id, n.Threshold), DutchFormat.YesNo(n.Met, "geen gegevens")]),
            [4, 1.3, 1.3, 1.4], [false, true, true, false]);

        pdf.Heading2("Tevredenheid werkenden / niet-werkenden");
        pdf.Table(["Dienst (perceel)", "Beëindigd", "Respons", "Gemiddeld cijfer"],
            r.Clients.PerServiceType.Select(t => (IReadOnlyList<string>)[t.ServiceType, Int(t.Ended), Int(t.Responded), DutchFormat.Number(t.MeanGrade, 2)])
                .Append(["Alle percelen samen", Int(r.Clients.Ended), Int(r.Clients.Responded), DutchFormat.Number(r.Clients.MeanGrade, 2)]),
            [4, 1.3, 1.3, 1.6], [false, true, true, true]);

        var o = r.Opdrachtgevers;
        pdf.Heading2("Tevredenheid opdrachtgevers");
        pdf.Field("Opdrachtgevers", Int(o.Opdrachtgevers));
        pdf.Field("Trajecten in opdracht", o.Trajecten is { } t ? Int(t) : "–");
        pdf.Field("Benaderd", Int(o.Approached));
        pdf.Field("Respons", $"{Int(o.Responded)} ({DutchFormat.Percent(o.ResponseRate)})");
        pdf.Field("Benaderd per e-mail", Int(o.ApproachedByMode.Email));
        pdf.Field("Benaderd per brief", Int(o.ApproachedByMode.Letter));
        pdf.Field("Benaderd per telefoon", Int(o.ApproachedByMode.Phone));
        pdf.Field("Respons online", Int(o.RespondedByMode.Web));
        pdf.Field("Respons telefonisch", Int(o.RespondedByMode.Phone));
        pdf.Field("Respons op papier", Int(o.RespondedByMode.Paper));
        pdf.Field("Cijfer samenwerking", DutchFormat.Number(o.MeanGradeCooperation, 2));
        pdf.Field("Cijfer resultaten", DutchFormat.Number(o.MeanGradeResults, 2));
        pdf.Field("Afspraken nagekomen", DutchFormat.Percent(o.AgreementsKept));
        pdf.Field("Rapportage", DutchFormat.Percent(o.Reporting));
        pdf.Field("Bereikbaarheid", DutchFormat.Percent(o.Reachability));
        pdf.Field("Opnieuw opdracht geven", DutchFormat.Percent(o.WouldCommissionAgain));

        pdf.Heading2("Resultaten");
        pdf.Field("Beëindigde trajecten", Int(r.Results.Ended));
        pdf.Field("Afgerond", Int(r.Results.Completed));
        pdf.Field("Succesvol afgerond", Int(r.Results.Successful));
        pdf.Field("Succesvol / afgerond", DutchFormat.Percent(r.Results.SuccessRate));
        // Moved here from the UWV report: results are Blik op Werk's norm, so is a remark on missing reasons of ending.
        if (r.Results.Ended > 0 && r.Results.Completed == 0)
            pdf.Paragraph("De leveringen noemen geen reden van beëindiging: geen traject telt als afgerond.", pdf.Small);
        else if (r.Results.Ended > r.Results.Completed)
            pdf.Paragraph($"Bij {r.Results.Ended - r.Results.Completed} van de {r.Results.Ended} beëindigde trajecten noemen de leveringen geen reden van beëindiging; die tellen niet als afgerond.", pdf.Small);
        pdf.Paragraph($"Succesvol: de reden van beëindiging noemt een van {string.Join(", ", r.Results.SuccessWords)} en geen van {string.Join(", ", r.Results.FailureWords)}.", pdf.Small);

        pdf.Heading2("Conclusie van het onderzoeksbureau");
        pdf.Paragraph(r.Conclusion ?? "(Nog niet ingevuld. Het onderzoeksbureau schrijft de conclusie bij het ondertekenen.)");
        pdf.Heading2("Ondertekening");
        if (r.Signature is { } s) ReportPdfRenderer.SignedBlock(pdf, s, bureau.Name, version, ReportRenderer.VerifyUrlOf(kto));
        else pdf.Paragraph("Dit is een concept en is nog niet ondertekend. Alleen de ondertekende versie is het Keurmerk-rapport van het onderzoeksbureau.", pdf.Bold);
        return pdf.Finish($"Blik op Werk Keurmerk {r.Year} · {r.CompanyName} · {(r.Signature is null ? "concept" : $"versie {version}")}", draft: r.Signature is null);
    }

    private static string NormValue(string id, double? value) =>
        id == KeurmerkNormIds.Results ? DutchFormat.Percent(value) : DutchFormat.Number(value, 2);

    private static string Int(int value) => value.ToString("N0", DutchFormat.Culture);

    private static byte[] Xlsx(KeurmerkReport r)
    {
        using var workbook = new XLWorkbook();
        Rows(workbook.AddWorksheet("Normen"), ["Norm", "Id", "Waarde", "Drempel", "Gehaald"],
            r.Norms.Select(n => new object?[] { n.Name, n.Id, n.Value, n.Threshold, DutchFormat.YesNo(n.Met, "geen gegevens") }));
        Rows(workbook.AddWorksheet("Klanten"), ["Dienst (perceel)", "Beëindigd", "Respons", "Gemiddeld cijfer"],
            r.Clients.PerServiceType.Select(t => new object?[] { t.ServiceType, t.Ended, t.Responded, t.MeanGrade })
                .Append(["Alle percelen samen", r.Clients.Ended, r.Clients.Responded, r.Clients.MeanGrade]));
        var o = r.Opdrachtgevers;
        Rows(workbook.AddWorksheet("Opdrachtgevers"), ["Gegeven", "Waarde"],
        [
            ["Opdrachtgevers", o.Opdrachtgevers], ["Trajecten in opdracht", o.Trajecten], ["Benaderd", o.Approached],
            ["Respons", o.Responded], ["Responspercentage", o.ResponseRate],
            ["Benaderd per e-mail", o.ApproachedByMode.Email], ["Benaderd per brief", o.ApproachedByMode.Letter], ["Benaderd per telefoon", o.ApproachedByMode.Phone],
            ["Respons online", o.RespondedByMode.Web], ["Respons telefonisch", o.RespondedByMode.Phone], ["Respons op papier", o.RespondedByMode.Paper],
            ["Cijfer samenwerking", o.MeanGradeCooperation],
            ["Cijfer resultaten", o.MeanGradeResults], ["Afspraken nagekomen", o.AgreementsKept], ["Rapportage", o.Reporting],
            ["Bereikbaarheid", o.Reachability], ["Opnieuw opdracht geven", o.WouldCommissionAgain],
        ]);
        Rows(workbook.AddWorksheet("Resultaten"), ["Gegeven", "Waarde"],
        [
            ["Beëindigde trajecten", r.Results.Ended], ["Afgerond", r.Results.Completed], ["Succesvol afgerond", r.Results.Successful],
            ["Succesvol / afgerond", r.Results.SuccessRate], ["Woorden succes", string.Join(", ", r.Results.SuccessWords)],
            ["Woorden geen succes", string.Join(", ", r.Results.FailureWords)],
        ]);
        Rows(workbook.AddWorksheet("Rapport"), ["Gegeven", "Waarde"],
        [
            ["Bedrijf", r.CompanyName], ["Bedrijfs-id", r.CompanyId], ["Jaar", r.Year], ["Opgesteld op", r.GeneratedAt.UtcDateTime],
            ["Vragenlijst opdrachtgevers", r.OpdrachtgeverQuestionnaireVersion],
            ["Status", r.Signature is null ? "concept" : "ondertekend"], ["Conclusie", r.Conclusion], ["Ondertekend door", r.Signature?.SignedBy],
            ["Ondertekend op", r.Signature?.SignedAt.UtcDateTime],
        ]);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Rows(IXLWorksheet sheet, IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        for (var c = 0; c < headers.Count; c++) sheet.Cell(1, c + 1).SetValue(headers[c]);
        sheet.Row(1).Style.Font.Bold = true;
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                var cell = sheet.Cell(r, c + 1);
                switch (row[c])
                {
                    case null: break;
                    case string text: cell.SetValue(ReportXlsxRenderer.Neutralise(text)); cell.DataType = XLDataType.Text; break;
                    case int i: cell.SetValue(i); break;
                    case double d: cell.SetValue(d); break;
                    case DateTime t: cell.SetValue(t); cell.Style.DateFormat.Format = "yyyy-mm-dd hh:mm"; break;
                    default: cell.SetValue(ReportXlsxRenderer.Neutralise(row[c]!.ToString() ?? "")); break;
                }
            }
            r++;
        }
    }
}
