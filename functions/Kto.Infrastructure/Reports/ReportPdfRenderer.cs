using Kto.Core;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using static Kto.Infrastructure.Reports.DutchFormat;

namespace Kto.Infrastructure.Reports;

/// <summary>
/// The annual report as a PDF in Dutch: cover, summary per perceel, method and results per perceel with charts,
/// UWV's checklist, the bureau's conclusion and the signature block. Made from the same <see cref="AnnualReport"/>
/// as the JSON and the XLSX, so the three cannot disagree.
/// </summary>
public sealed class ReportPdfRenderer
{
    /// <param name="questionnaire">The version the report was made with: its question texts.</param>
    /// <param name="verifyUrl">The public verify route without the hash, e.g. https://kto.example.nl/api/verify/.</param>
    /// <param name="version">The signed version number; null for a draft.</param>
    public byte[] Render(AnnualReport report, Questionnaire? questionnaire, string verifyUrl, int? version)
    {
        // The creation date is the report's own moment (generated, or signed), so the same report gives the same bytes.
        using var pdf = new PdfLayout(new PdfInfo(
            $"Klanttevredenheidsonderzoek {report.Year} – {report.CompanyName}",
            report.Bureau.Name,
            "Jaarrapportage KTO voor UWV",
            report.Signature?.SignedAt ?? report.GeneratedAt));
        var draft = report.Signature is null;

        Cover(pdf, report, version);
        Summary(pdf, report);
        foreach (var perceel in report.Percelen) PerceelSection(pdf, report, perceel, questionnaire);
        Checklist(pdf, report);
        OpenAnswersAppendix(pdf, report, questionnaire);
        ConclusionAndSignature(pdf, report, verifyUrl, version);

        return pdf.Finish($"KTO {report.Year} · {report.CompanyName} · {(draft ? "concept" : $"versie {version}")}", draft);
    }

    private static void Cover(PdfLayout pdf, AnnualReport report, int? version)
    {
        pdf.NewPage();
        pdf.Advance(150);
        pdf.Paragraph("Klanttevredenheidsonderzoek (KTO)", pdf.H2);
        pdf.Paragraph($"Jaarrapportage {report.Year}", pdf.H1);
        pdf.Paragraph(report.CompanyName, pdf.H1);
        pdf.Space(20);
        pdf.Paragraph($"Rapportage per perceel voor UWV over de re-integratiediensten die in {report.Year} zijn beëindigd, " +
                      $"in te dienen via CLMS uiterlijk {DutchTime.Format(report.Norms.SubmissionDeadline)}.");
        pdf.Space(30);
        pdf.Field("Onderzoeksbureau", report.Bureau.Name.Length == 0 ? "(niet ingesteld)" : report.Bureau.Name);
        pdf.Field("Lid van", report.Bureau.Membership.Length == 0 ? "(niet ingesteld)" : report.Bureau.Membership);
        pdf.Field("Re-integratiebedrijf", $"{report.CompanyName} ({report.CompanyId})");
        pdf.Field("Meetperiode", $"1 januari {report.Year} – 31 december {report.Year}");
        pdf.Field("Vragenlijst", report.QuestionnaireVersion);
        pdf.Field("Opgesteld op", DutchFormat.Date(report.GeneratedAt));
        pdf.Field("Status", report.Signature is { } s
            ? $"Definitief, versie {version}: ondertekend door {s.SignedBy} op {DutchFormat.Date(s.SignedAt)}"
            : "CONCEPT – nog niet ondertekend door het onderzoeksbureau");
    }

    private static void Summary(PdfLayout pdf, AnnualReport report)
    {
        pdf.NewPage();
        pdf.Heading1("Samenvatting per perceel");
        pdf.Paragraph(CountSentence(report) +
                      $"UWV vraagt per perceel een gemiddeld rapportcijfer van minimaal {Number(report.Norms.KpiMinimumMeanGrade)}. " +
                      $"De minimale respons is in dit rapport ingesteld op {Percent(report.Norms.MinimumResponseRate)}" +
                      (report.Norms.MinimumRespondents > 0 ? $" en minstens {report.Norms.MinimumRespondents} deelnemers" : "") + ".");
        var rows = report.Percelen.Select(p => p.Figures.Ended == 0
            ? (IReadOnlyList<string>)[PerceelNames.DisplayName(p.Figures.Perceel), "0", "–", "–", "–", "–", "–", "–"]
            : [
                PerceelNames.DisplayName(p.Figures.Perceel),
                p.Figures.Ended.ToString(Culture),
                p.Figures.Approached.ToString(Culture),
                p.Figures.Responded.ToString(Culture),
                Percent(p.ResponseRate.Proportion),
                GradeWithInterval(p),
                KpiCell(p, report),
                DutchFormat.YesNo(p.MinimumResponseMet),
            ]).ToList();
        string[] headers = ["Perceel", "Beëindigd", "Benaderd", "Respons", "Respons %", "Gemiddeld cijfer (95%-BI)", $"KPI ≥ {Number(report.Norms.KpiMinimumMeanGrade)}", "Minimale respons"];
        pdf.Table(headers,
            rows, [2.5, 1.3, 1.3, 1.2, 1.2, 1.8, 1.4, 1.2], [false, true, true, true, true, false, false, false]);
        pdf.Paragraph(IntervalInWords, pdf.Small);

        foreach (var p in report.Percelen)
        {
            var name = PerceelNames.DisplayName(p.Figures.Perceel);
            if (p.Figures.Ended == 0)
                pdf.Paragraph($"• {name}: geen beëindigde diensten in {report.Year}.", pdf.Small);
            else if (p.ExemptionPossible)
                pdf.Paragraph($"• {name}: minder dan {report.Norms.ExemptionThreshold} beëindigde diensten in {report.Year}. " +
                              "Het bedrijf kan bij UWV vrijstelling aanvragen (voor dezelfde deadline); het onderzoeksbureau zet daarvoor een aanvraagbrief klaar.", pdf.Small);
            else if (p.Grades.IsIndicative && p.Figures.Responded > 0)
                pdf.Paragraph($"• {name}: minder dan {report.Norms.IndicativeBelowRespondents} deelnemers; de cijfers zijn indicatief.", pdf.Small);
        }
        Comparison(pdf, report);
        pdf.Space(4);
        pdf.Paragraph($"Controlelijst UWV: {StatusText(report.Checklist.Status).ToLowerInvariant()} " +
                      $"({report.Checklist.Checks.Count(c => c.Status == UwvCheckStatus.Passed)} van {report.Checklist.Checks.Count} eisen voldaan). Zie de controlelijst verderop.", pdf.Bold);
    }

    /// <summary>How clients were really approached and how they answered, from the counted modes (not a fixed text).</summary>
    private static string MethodText(PerceelFigures f)
    {
        if (f.ApproachedByMode is not { } by)
            return "Klanten ontvingen een persoonlijke uitnodiging van het onderzoeksbureau (niet via hun begeleider) en herinneringen zolang zij niet hadden gereageerd.";
        var parts = new List<string>();
        if (by.Email > 0)
            parts.Add($"{Clients(by.Email)} {(by.Email == 1 ? "kreeg" : "kregen")} een persoonlijke uitnodiging per e-mail van het onderzoeksbureau (niet via hun begeleider) en herinneringen zolang zij niet hadden gereageerd.");
        if (by.Letter > 0)
            parts.Add($"{Clients(by.Letter)} zonder bruikbaar e-mailadres {(by.Letter == 1 ? "kreeg" : "kregen")} een brief met een persoonlijke link.");
        if (by.Phone > 0)
            parts.Add($"{Clients(by.Phone)} {(by.Phone == 1 ? "is" : "zijn")} gebeld door een interviewer van het onderzoeksbureau.");
        if (parts.Count == 0) parts.Add("Er is nog geen klant benaderd.");
        if (f.Unreachable is > 0 and var n)
            parts.Add($"{Clients(n)} {(n == 1 ? "was" : "waren")} niet te bereiken: geen bruikbaar e-mailadres, geen postadres en geen telefoonnummer.");
        if (f.RespondedByMode is { } answered && answered.Total == 1)
            parts.Add($"De ene deelnemer antwoordde {(answered.Web == 1 ? "online" : answered.Phone == 1 ? "telefonisch" : "op papier")}.");
        else if (f.RespondedByMode is { } all && all.Total > 1)
            parts.Add($"Van de deelnemers antwoordden er {all.Web} online, {all.Phone} telefonisch en {all.Paper} op papier.");
        return string.Join(" ", parts);
    }

    private static string Clients(int n) => DutchCount.Of(n, "klant", "klanten");

    private static void PerceelSection(PdfLayout pdf, AnnualReport report, PerceelReport p, Questionnaire? questionnaire)
    {
        var f = p.Figures;
        var name = PerceelNames.DisplayName(f.Perceel);
        if (f.Ended == 0)
        {
            pdf.Heading2($"Perceel {name}");
            pdf.Paragraph($"{name}: geen beëindigde diensten in {report.Year}. Er was niemand om te benaderen.");
            if (f.PopulationChanges is { Count: > 0 })
                pdf.Field(PopulationChangeText.Label, PopulationChangeText.Describe(f.PopulationChanges));
            return;
        }

        pdf.NewPage();
        pdf.Heading1($"Perceel {name}");
        pdf.Heading2("Werkwijze en respons");
        var approachedAll = (f.Ended, f.Approached) switch
        {
            (1, 1) => "De klant is benaderd.",
            (1, _) => "De klant is niet benaderd.",
            var (ended, approached) when approached == ended => $"Alle {ended} klanten zijn benaderd.",
            var (ended, approached) => $"Van de {ended} klanten {(approached == 1 ? "is" : "zijn")} er {approached} benaderd; {ended - approached} niet.",
        };
        var endedText = f.Ended == 1 ? $"In {report.Year} is 1 dienst in dit perceel beëindigd." : $"In {report.Year} zijn {f.Ended} diensten in dit perceel beëindigd.";
        pdf.Paragraph($"{endedText} {approachedAll} " + MethodText(f) +
                      (p.ExemptionPossible ? $" Met minder dan {report.Norms.ExemptionThreshold} beëindigde diensten kan het bedrijf voor dit perceel vrijstelling aanvragen bij UWV." : ""));
        var modes = f.AttemptsByMode;
        pdf.Field("Benaderingen", modes is null
            ? "niet bekend"
            : $"{modes.Total} in totaal: {modes.Email} per e-mail, {modes.Letter} per brief, {modes.Phone} telefonisch");
        if (f.ApproachedByMode is { } clients)
            pdf.Field("Klanten per manier", $"{clients.Email} benaderd per e-mail, {clients.Letter} per brief, {clients.Phone} telefonisch");
        pdf.Field("Aantal keer benaderd", f.AttemptsPerService.Count == 0
            ? "niet bekend"
            : string.Join("; ", f.AttemptsPerService.Select(a => $"{a.Attempts} keer: {Clients(a.Services)}")) +
              (f.MeanAttemptsPerService is { } mean ? $" (gemiddeld {Number(mean)}, hoogstens {f.MaxAttemptsPerService})" : ""));
        if (f.RespondedByMode is { } answered)
            pdf.Field("Respons per manier", $"{answered.Web} online, {answered.Phone} telefonisch, {answered.Paper} op papier");
        if (f.Unreachable is { } unreachable)
            pdf.Field("Onbereikbaar", $"{Clients(unreachable)} zonder bruikbaar e-mailadres, postadres en telefoonnummer");
        pdf.Field("Respons", $"{f.Responded} van {f.Ended} = {Percent(p.ResponseRate.Proportion)}" +
                             (p.ResponseRate.Proportion is null ? "" : $" (95%-BI {Percent(p.ResponseRate.Lower)} – {Percent(p.ResponseRate.Upper)})") +
                             $"; minimale respons {(p.MinimumResponseMet == true ? "gehaald" : "niet gehaald")}");
        if (report.PreviousYear is { } cmp)
            pdf.Field($"Vorig jaar ({cmp.PreviousYear})", p.PreviousYear is { Ended: 0 }
                ? $"geen beëindigde diensten in {cmp.PreviousYear}"
                : p.PreviousYear is { } was
                ? $"gemiddeld cijfer {Number(was.MeanGrade)} (nu {Number(p.Grades.Mean)}: {DutchFormat.Change(was.MeanGradeChange)}); " +
                  $"respons {Percent(was.ResponseRate)} (nu {Percent(p.ResponseRate.Proportion)}: {DutchFormat.PointsChange(was.ResponseRateChange)}); " +
                  $"KPI {KpiText(was.KpiMet)} (nu {KpiText(p.KpiMet)})"
                : cmp.Note ?? $"perceel niet in het rapport over {cmp.PreviousYear}");
        // Results are Blik op Werk's norm, not UWV's: shown when the deliveries give them; a remark on missing reasons
        // of ending belongs in the Keurmerk report, not here.
        if (f.CompletedTrajectories is { } completed)
            pdf.Field("Resultaten (Blik op Werk)", $"{DutchCount.Of(completed, "traject", "trajecten")} afgerond, waarvan {f.SuccessfulTrajectories ?? 0} succesvol (werk of plaatsing volgens de reden van beëindiging)");
        pdf.Field(PopulationChangeText.Label, PopulationChangeText.Describe(f.PopulationChanges));
        pdf.Paragraph(PopulationChangeText.OnlyTheBureau, pdf.Small);
        pdf.Space(4);

        pdf.Heading2("Rapportcijfer");
        var g = p.Grades;
        if (g.Respondents == 0)
        {
            pdf.Paragraph("Er zijn nog geen rapportcijfers gegeven. Gemiddelde, spreiding en KPI zijn daarom niet te bepalen.");
        }
        else
        {
            pdf.Table(["Gemiddelde", "95%-interval", "Spreiding (SD)", "Mediaan", "Cijfers (n)", "Beëindigd (N)", $"KPI ≥ {Number(report.Norms.KpiMinimumMeanGrade)}"],
                [[Number(g.Mean), Interval(p), Number(g.StandardDeviation, 2), Number(g.Median), g.Respondents.ToString(Culture), g.PopulationSize.ToString(Culture), KpiCell(p, report)]],
                [1.1, 1.3, 1.2, 1, 1, 1.1, 1]);
            pdf.Paragraph("Het interval houdt rekening met de eindige populatie: het onderzoek is een volledige telling van de N beëindigde diensten, dus de correctie √((N−n)/(N−1)) " +
                          "maakt het smaller naarmate meer klanten meededen." +
                          (g.IsIndicative ? $" Met minder dan {report.Norms.IndicativeBelowRespondents} deelnemers zijn deze cijfers indicatief." : ""), pdf.Small);
        }

        if (g.Respondents > 0)
        {
            pdf.EnsureSpace(190);
            const double chartWidth = 236, chartHeight = 154;
            pdf.BarChart(ReportCharts.GradeDistribution(p), chartWidth, chartHeight, 0);
            pdf.BarChart(ReportCharts.ResponsesPerMonth(p), chartWidth, chartHeight, pdf.Width - chartWidth);
            pdf.Advance(chartHeight + 10);
        }

        string[] questionHeaders = ["Vraag", "Verplicht", "Beantwoord", "Gemiddelde", "Weet niet"];
        double[] questionShares = [4.2, 1, 1.3, 1.3, 1.2];
        var questionRows = f.QuestionResults.Select(r => (IReadOnlyList<string>)
        [
            questionnaire?.Find(r.QuestionId)?.Text.Nl ?? r.QuestionId,
            r.Mandatory ? "ja" : "nee",
            r.Answered.ToString(Culture),
            r.Mean is null ? (IsOpen(questionnaire, r.QuestionId) ? "open vraag (zie bijlage)" : "–") : Number(r.Mean) + Scale(questionnaire, r.QuestionId),
            r.DontKnow.ToString(Culture),
        ]).ToList();
        pdf.Heading2("Resultaten per vraag", pdf.TableLead(questionHeaders, questionRows, questionShares));
        pdf.Table(questionHeaders, questionRows, questionShares, [false, false, true, true, true]);
    }

    /// <summary>
    /// The previous year beside this one, per perceel: mean grade, response and KPI with the change; or why there is
    /// no comparison ("geen rapport over 2025").
    /// </summary>
    private static void Comparison(PdfLayout pdf, AnnualReport report)
    {
        if (report.PreviousYear is not { } cmp) return;
        var before = cmp.PreviousYear;
        if (!cmp.Available)
        {
            pdf.Heading2($"Vergelijking met {before}");
            pdf.Paragraph($"Vergelijking met {before}: {cmp.Note}.");
            return;
        }
        string[] headers = ["Perceel", $"Cijfer {before}", $"Cijfer {report.Year}", "Verschil", $"Respons {before}", $"Respons {report.Year}", "Verschil", $"KPI {before}", $"KPI {report.Year}"];
        double[] shares = [2.4, 1, 1, 1, 1.1, 1.1, 1.4, 0.9, 0.9];
        var rows = report.Percelen.Select(p => p.PreviousYear is { } was
            ? (IReadOnlyList<string>)
            [
                PerceelNames.DisplayName(p.Figures.Perceel), Number(was.MeanGrade), Number(p.Grades.Mean), DutchFormat.Change(was.MeanGradeChange),
                Percent(was.ResponseRate), Percent(p.ResponseRate.Proportion), DutchFormat.Change(was.ResponseRateChange * 100),
                DutchFormat.YesNo(was.KpiMet), DutchFormat.YesNo(p.KpiMet),
            ]
            : [PerceelNames.DisplayName(p.Figures.Perceel), "–", Number(p.Grades.Mean), "–", "–", Percent(p.ResponseRate.Proportion), "–", "–", DutchFormat.YesNo(p.KpiMet)]).ToList();
        pdf.Heading2($"Vergelijking met {before}", pdf.TableLead(headers, rows, shares));
        pdf.Table(headers, rows, shares, [false, true, true, true, true, true, true, false, false]);
        pdf.Paragraph($"Vergeleken met het ondertekende rapport over {before} (versie {cmp.PreviousVersion}). De KPI van {before} is beoordeeld " +
                      $"met de norm van dit rapport (gemiddeld cijfer minimaal {Number(report.Norms.KpiMinimumMeanGrade)}). Verschil = {report.Year} min {before}; bij de respons in procentpunten.", pdf.Small);
    }

    /// <summary>The appendix: every perceel's open answers, already redacted, grouped per open question, numbered.</summary>
    private static void OpenAnswersAppendix(PdfLayout pdf, AnnualReport report, Questionnaire? questionnaire)
    {
        if (report.Percelen.All(p => p.OpenAnswers is null)) return; // a report drafted before the appendix existed
        pdf.NewPage();
        pdf.Heading1("Bijlage: open antwoorden per perceel");
        pdf.Paragraph("De antwoorden op de open vragen, zoals klanten ze gaven. Namen, e-mailadressen, telefoonnummers, postcodes, " +
                      $"nummers die op een BSN lijken en klantnummers zijn vervangen door {OpenAnswerRedactor.Marker} voordat het antwoord in " +
                      "dit rapport kwam. Het onderzoeksbureau kan een antwoord weglaten dat iemand toch herkenbaar maakt; het legt dat met reden vast.", pdf.Small);
        string[] headers = ["Nr", "Antwoord"];
        double[] shares = [0.6, 9.4];
        foreach (var p in report.Percelen)
        {
            var name = PerceelNames.DisplayName(p.Figures.Perceel);
            var answers = p.OpenAnswers ?? [];
            if (answers.Count == 0)
            {
                pdf.Heading2($"Perceel {name}");
                pdf.Paragraph(p.Figures.Ended == 0 ? $"Geen beëindigde diensten in {report.Year}." : "Geen open antwoorden.");
                continue;
            }
            var groups = answers.GroupBy(a => a.QuestionId).Select(g => (
                Title: $"{questionnaire?.Find(g.Key)?.Text.Nl ?? g.Key} ({g.Count()} {(g.Count() == 1 ? "antwoord" : "antwoorden")})",
                Rows: g.Select((a, i) => (IReadOnlyList<string>)[(i + 1).ToString(Culture), a.Text]).ToList())).ToList();
            var titleHeight = pdf.Bold.Height + 7;
            pdf.Heading2($"Perceel {name}", titleHeight + pdf.TableLead(headers, groups[0].Rows, shares));
            foreach (var (title, rows) in groups)
            {
                pdf.EnsureSpace(titleHeight + pdf.TableLead(headers, rows, shares));
                pdf.Paragraph(title, pdf.Bold);
                pdf.Table(headers, rows, shares, [true, false]);
            }
        }
    }

    private static void Checklist(PdfLayout pdf, AnnualReport report)
    {
        pdf.NewPage();
        pdf.Heading1("Controlelijst UWV");
        pdf.Paragraph("UWV beschouwt het onderzoek als correct uitgevoerd wanneer aan de volgende zeven eisen is voldaan. " +
                      "\"Open\" betekent dat er nog iets moet gebeuren vóór de deadline (ondertekenen, indienen).");
        pdf.Table(["Nr", "Eis", "Status", "Toelichting"],
            report.Checklist.Checks.Select(c => (IReadOnlyList<string>)
                [c.Number.ToString(Culture), c.Title, StatusText(c.Status), c.Explanation]),
            [0.4, 2.6, 1, 5]);
    }

    private static void ConclusionAndSignature(PdfLayout pdf, AnnualReport report, string verifyUrl, int? version)
    {
        pdf.Heading1("Conclusie van het onderzoeksbureau");
        pdf.Paragraph(report.Conclusion ?? "(Nog niet ingevuld. Het onderzoeksbureau schrijft de conclusie bij het ondertekenen.)");
        pdf.Space(10);
        pdf.Heading2("Ondertekening");
        if (report.Signature is { } s)
        {
            SignedBlock(pdf, s, report.Bureau.Name, version, verifyUrl);
        }
        else
        {
            pdf.Paragraph("Dit is een concept en is nog niet ondertekend. Alleen de ondertekende versie kan bij UWV worden ingediend.", pdf.Bold);
            pdf.Field("Namens", report.Bureau.Name);
            pdf.Field("Ondertekend door", "________________________________");
            pdf.Field("Datum", "________________________________");
            VerifyNote(pdf, verifyUrl);
        }
    }

    /// <summary>What a signed report (UWV or Keurmerk) says of its signature, and the visible signature block.</summary>
    internal static void SignedBlock(PdfLayout pdf, Core.Reports.ReportSignature s, string bureauName, int? version, string verifyUrl)
    {
        pdf.Paragraph("Dit rapport is digitaal ondertekend met het certificaat van het onderzoeksbureau (PAdES). Een PDF-lezer " +
                      "toont de handtekening en meldt elke wijziging na het ondertekenen.", pdf.Small);
        VerifyNote(pdf, verifyUrl);
        // The signature field's widget lies over this block (ReportSignatureBlock): the visible signature.
        pdf.BoxAtBottom(ReportSignatureBlock.Top, ReportSignatureBlock.Height, "Digitaal ondertekend",
        [
            ("Ondertekend door", s.SignedBy),
            ("Namens", bureauName.Length == 0 ? "(niet ingesteld)" : bureauName),
            ("Tijdstip", DutchFormat.DateTime(s.SignedAt)),
            ("Versie", version?.ToString(Culture) ?? ""),
        ]);
    }

    internal static void VerifyNote(PdfLayout pdf, string verifyUrl)
    {
        pdf.Space(8);
        pdf.Paragraph("Echtheid controleren: open " + VerifyPage(verifyUrl) + " en kies dit PDF-bestand. De pagina noemt het bedrijf, " +
                      "het jaar, de versie en het moment van ondertekening. Zonder browser: bereken de SHA-256-hash van het bestand " +
                      "(bijvoorbeeld met sha256sum of Get-FileHash) en open " + verifyUrl + "{sha256}. De hash staat niet in het bestand zelf " +
                      "(een bestand kan zijn eigen hash niet bevatten); het onderzoeksbureau legt hem vast bij het ondertekenen. Een gewijzigd " +
                      "bestand heeft een andere hash en wordt niet herkend.", pdf.Small);
    }

    /// <summary>The check page for people (<c>/verify</c>, upload the PDF), beside the API route <c>/api/verify/</c>.</summary>
    private static string VerifyPage(string verifyUrl) =>
        verifyUrl.EndsWith("/api/verify/", StringComparison.Ordinal) ? verifyUrl[..^"api/verify/".Length] + "verify" : verifyUrl;

    public static string StatusText(UwvCheckStatus status) => status switch
    {
        UwvCheckStatus.Passed => "Voldaan",
        UwvCheckStatus.Failed => "Niet voldaan",
        _ => "Open",
    };

    /// <summary>
    /// The opening sentence of the summary follows the figures: "all were invited" only when every perceel approached
    /// every ended service; otherwise how many were and were not.
    /// </summary>
    private static string CountSentence(AnnualReport report)
    {
        var ended = report.Percelen.Sum(p => p.Figures.Ended);
        var approached = report.Percelen.Sum(p => p.Figures.Approached);
        if (approached >= ended)
            return $"Alle klanten van wie de dienst in {report.Year} is beëindigd, zijn uitgenodigd (een volledige telling, geen steekproef). ";
        return $"Het onderzoek is een volledige telling, geen steekproef: alle {ended} klanten van wie de dienst in {report.Year} is beëindigd, " +
               $"horen te worden uitgenodigd. Benaderd zijn er {approached}; {ended - approached} niet (zie de kolom Benaderd en punt 5 van de controlelijst). ";
    }

    /// <summary>What "95%-BI" means, in words a company reads; the formula (with the finite-population correction) is in the method appendix.</summary>
    public const string IntervalInWords =
        "95%-BI is het betrouwbaarheidsinterval: het gemiddelde cijfer van alle klanten van het perceel, ook van wie niet antwoordde, " +
        "ligt met 95% zekerheid tussen deze twee waarden. Omdat we niet een steekproef maar alle klanten uitnodigen, wordt het interval " +
        "smaller naarmate een groter deel van hen antwoordt; antwoordt iedereen, dan is het gemiddelde precies bekend. " +
        "Met weinig antwoorden is het interval breed: ligt de norm erbinnen, of zijn er minder antwoorden dan de ingestelde grens, dan staat bij de KPI " +
        "\"" + KpiJudgement.TooFewText + "\". De formule staat in de bijlage over de methode.";

    /// <summary>The KPI cell of a perceel: no yes or no the figures cannot carry (<see cref="KpiJudgement"/>).</summary>
    private static string KpiCell(PerceelReport p, AnnualReport report) =>
        KpiJudgement.TooFewToJudge(p, report.Norms.KpiMinimumMeanGrade) ? KpiJudgement.TooFewText : DutchFormat.YesNo(p.KpiMet, "geen cijfers");

    private static string KpiText(bool? met) => met switch { true => "gehaald", false => "niet gehaald", null => "geen cijfers" };

    private static string GradeWithInterval(PerceelReport p) =>
        p.Grades.Mean is null ? "geen cijfers" : $"{Number(p.Grades.Mean)} ({Interval(p)})";

    private static string Interval(PerceelReport p) =>
        p.Grades.ConfidenceInterval is { } ci ? $"{Number(ci.Lower)} – {Number(ci.Upper)}" : "n.v.t.";

    private static bool IsOpen(Questionnaire? questionnaire, string id) => questionnaire?.Find(id)?.Type == QuestionType.OpenText;

    private static string Scale(Questionnaire? questionnaire, string id) => questionnaire?.Find(id)?.Type switch
    {
        QuestionType.Agree5 => " (1–5)",
        QuestionType.Scale0To10 => " (0–10)",
        QuestionType.Grade1To10 => " (1–10)",
        _ => "",
    };
}
