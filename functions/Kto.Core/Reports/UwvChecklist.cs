
namespace Kto.Core.Reports;

/// <summary>
/// UWV's seven conditions for a correctly performed survey (DOMAIN.md, "The report is correct when"), each
/// passed, failed or pending. The one place where these rules live.
/// </summary>
public sealed record UwvChecklist(IReadOnlyList<UwvCheck> Checks)
{
    public static IReadOnlyList<string> AcceptedMemberships { get; } = ["VBO", "VSO", "MOA"];

    /// <summary>Failed when any check failed; pending when any is still open; passed when all passed.</summary>
    public UwvCheckStatus Status =>
        Checks.Any(c => c.Status == UwvCheckStatus.Failed) ? UwvCheckStatus.Failed
        : Checks.Any(c => c.Status == UwvCheckStatus.Pending) ? UwvCheckStatus.Pending
        : UwvCheckStatus.Passed;

    public UwvCheck this[string id] => Checks.Single(c => c.Id == id);

    public static UwvChecklist Evaluate(UwvChecklistInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new UwvChecklist(
        [
            OnTime(input),
            BureauMembership(input.Bureau),
            Signed(input),
            MandatoryQuestions(input),
            AllApproached(input.Percelen),
            MethodAccount(input.Percelen),
            MinimumResponse(input),
        ]);
    }

    /// <summary>
    /// 1. Received by UWV on time. The company submits via CLMS, which this system cannot see, so the check only
    /// passes when a submission date is recorded. Without one it is pending ("on track") until the deadline; after
    /// the deadline it stays pending only when the report was signed on time (it may have been submitted), and
    /// fails when it was not signed on time, since an unsigned report cannot have been submitted.
    /// </summary>
    private static UwvCheck OnTime(UwvChecklistInput input)
    {
        var deadline = input.Settings.SubmissionDeadline(input.Year);
        var deadlineText = DutchTime.Format(deadline);
        var title = $"Op tijd bij UWV (uiterlijk {deadlineText})";
        var signedOn = input.Signature is null ? (DateOnly?)null : DutchTime.DateOf(input.Signature.SignedAt);

        (UwvCheckStatus, string) verdict = (input.SubmittedToUwvOn, signedOn) switch
        {
            ({ } submitted, _) when submitted <= deadline =>
                (UwvCheckStatus.Passed, $"Het rapport is op {DutchTime.Format(submitted)} ingediend bij UWV. Dat is op tijd."),
            ({ } submitted, _) =>
                (UwvCheckStatus.Failed, $"Het rapport is op {DutchTime.Format(submitted)} ingediend bij UWV. Dat is na de deadline van {deadlineText}."),
            (null, { } signed) when signed > deadline =>
                (UwvCheckStatus.Failed, $"Het rapport is pas op {DutchTime.Format(signed)} ondertekend. Dat is na de deadline van {deadlineText}."),
            (null, { } signed) when input.Today > deadline =>
                (UwvCheckStatus.Pending, $"Het rapport is op tijd ondertekend ({DutchTime.Format(signed)}). Of UWV het op tijd ontving, kan dit systeem niet zien: het bedrijf dient het in via CLMS. Leg de datum van indienen vast."),
            (null, null) when input.Today > deadline =>
                (UwvCheckStatus.Failed, $"De deadline van {deadlineText} is voorbij en het rapport is nog niet ondertekend."),
            _ =>
                (UwvCheckStatus.Pending, $"Op schema. Het bedrijf moet het ondertekende rapport uiterlijk {deadlineText} indienen via CLMS."),
        };
        return new UwvCheck(1, UwvCheckIds.OnTime, title, verdict.Item1, verdict.Item2);
    }

    /// <summary>2. Done by a bureau that is a member of VBO, VSO or MOA (from the bureau settings).</summary>
    private static UwvCheck BureauMembership(BureauInfo bureau)
    {
        const string title = "Onderzoeksbureau is lid van VBO, VSO of MOA";
        var membership = bureau.Membership.Trim();
        var accepted = AcceptedMemberships.FirstOrDefault(m => string.Equals(m, membership, StringComparison.OrdinalIgnoreCase));
        if (string.IsNullOrWhiteSpace(bureau.Name))
            return new(2, UwvCheckIds.BureauMembership, title, UwvCheckStatus.Failed,
                "De naam van het onderzoeksbureau is niet ingesteld.");
        if (accepted is null)
            return new(2, UwvCheckIds.BureauMembership, title, UwvCheckStatus.Failed,
                membership.Length == 0
                    ? $"Bij {bureau.Name} is niet ingesteld van welke koepel het lid is. UWV accepteert alleen VBO, VSO of MOA."
                    : $"{bureau.Name} is lid van '{membership}'. UWV accepteert alleen VBO, VSO of MOA.");
        return new(2, UwvCheckIds.BureauMembership, title, UwvCheckStatus.Passed,
            $"{bureau.Name} is lid van {accepted}.");
    }

    /// <summary>3. Signed by the bureau: pending while a draft, failed when the deadline passed unsigned.</summary>
    private static UwvCheck Signed(UwvChecklistInput input)
    {
        const string title = "Rapport ondertekend door het onderzoeksbureau";
        if (input.Signature is { } signature && !string.IsNullOrWhiteSpace(signature.SignedBy))
            return new(3, UwvCheckIds.Signed, title, UwvCheckStatus.Passed,
                $"Ondertekend door {signature.SignedBy} op {DutchTime.Format(DutchTime.DateOf(signature.SignedAt))}.");
        var deadline = input.Settings.SubmissionDeadline(input.Year);
        return input.Today > deadline
            ? new(3, UwvCheckIds.Signed, title, UwvCheckStatus.Failed,
                $"Het rapport is niet ondertekend en de deadline van {DutchTime.Format(deadline)} is voorbij.")
            : new(3, UwvCheckIds.Signed, title, UwvCheckStatus.Pending,
                "Dit is een concept. Het onderzoeksbureau moet het rapport nog ondertekenen.");
    }

    /// <summary>4. Results on all mandatory questions: every perceel carries a result for each of them.</summary>
    private static UwvCheck MandatoryQuestions(UwvChecklistInput input)
    {
        const string title = "Resultaten op alle verplichte vragen";
        if (input.Percelen.Count == 0) return NoPercelen(4, UwvCheckIds.MandatoryQuestions, title);
        var mandatory = input.Questionnaire.MandatoryQuestions.Select(q => q.Id).ToList();
        var gaps = input.Percelen
            .Select(p => (p.Figures.Perceel, Missing: mandatory.Except(p.Figures.QuestionResults.Select(r => r.QuestionId)).ToList()))
            .Where(x => x.Missing.Count > 0)
            .Select(x => $"{PerceelNames.DisplayName(x.Perceel)}: {string.Join(", ", x.Missing)}")
            .ToList();
        return gaps.Count == 0
            ? new(4, UwvCheckIds.MandatoryQuestions, title, UwvCheckStatus.Passed,
                $"Voor elk perceel staan de resultaten van alle {mandatory.Count} verplichte vragen in het rapport (vragenlijst {input.Questionnaire.Version}).")
            : new(4, UwvCheckIds.MandatoryQuestions, title, UwvCheckStatus.Failed,
                $"Resultaten ontbreken. {string.Join("; ", gaps)}.");
    }

    /// <summary>5. All clients approached: approached = ended, per perceel.</summary>
    private static UwvCheck AllApproached(IReadOnlyList<PerceelReport> percelen)
    {
        const string title = "Alle klanten met een beëindigde dienst benaderd";
        if (percelen.Count == 0) return NoPercelen(5, UwvCheckIds.AllApproached, title);
        // Name the clients no route reaches (no usable e-mail, no address, no phone): the bureau cannot close that gap itself.
        var gaps = percelen
            .Where(p => p.Figures.Approached != p.Figures.Ended)
            .Select(p => $"{PerceelNames.DisplayName(p.Figures.Perceel)}: {p.Figures.Approached} van {p.Figures.Ended} benaderd" +
                         (p.Figures.Unreachable is > 0 and var n ? $", {n} onbereikbaar (geen bruikbaar e-mailadres, geen postadres en geen telefoonnummer)" : ""))
            .ToList();
        return gaps.Count == 0
            ? new(5, UwvCheckIds.AllApproached, title, UwvCheckStatus.Passed,
                "In elk perceel is het aantal benaderde klanten gelijk aan het aantal beëindigde diensten.")
            : new(5, UwvCheckIds.AllApproached, title, UwvCheckStatus.Failed,
                $"Niet gelijk: {string.Join("; ", gaps)}.");
    }

    /// <summary>
    /// 6. Method account per perceel: approached, responded, how (modes) and the response rate are all known
    /// and consistent. A perceel without ended services has nothing to account for.
    /// </summary>
    private static UwvCheck MethodAccount(IReadOnlyList<PerceelReport> percelen)
    {
        const string title = "Methodologische verantwoording per perceel";
        if (percelen.Count == 0) return NoPercelen(6, UwvCheckIds.MethodAccount, title);
        var gaps = new List<string>();
        foreach (var p in percelen)
        {
            var f = p.Figures;
            var name = PerceelNames.DisplayName(f.Perceel);
            if (f.Ended == 0) continue;
            if (f.AttemptsByMode is null || (f.Approached > 0 && f.AttemptsByMode.Total == 0))
                gaps.Add($"{name}: niet bekend op welke manier klanten zijn benaderd");
            if (f.Responded > f.Approached)
                gaps.Add($"{name}: meer deelnemers ({f.Responded}) dan benaderde klanten ({f.Approached})");
            if (f.RespondedByMode is { } answered && answered.Total != f.Responded)
                gaps.Add($"{name}: de deelnemers per manier van antwoorden ({answered.Total}) tellen niet op tot de respons ({f.Responded})");
        }
        var used = percelen.Where(p => p.Figures.Ended > 0).Select(p => p.Figures).ToList();
        return gaps.Count == 0
            ? new(6, UwvCheckIds.MethodAccount, title, UwvCheckStatus.Passed,
                "Per perceel staat in het rapport hoeveel klanten zijn benaderd, hoeveel hebben meegedaan, hoe zij zijn benaderd en wat de respons is." +
                (used.Count == 0 ? "" : $" Benaderd per {string.Join("; ", used.Select(f => $"{PerceelNames.DisplayName(f.Perceel)}: {f.ModesUsedText()}"))}.") +
                AnsweredText(used))
            : new(6, UwvCheckIds.MethodAccount, title, UwvCheckStatus.Failed,
                $"Onvolledig: {string.Join("; ", gaps)}.");
    }

    /// <summary>
    /// 7. Minimum response reached per perceel; where not, the report must show how often and how clients were
    /// approached and the bureau's conclusion. A missing conclusion is pending while the report is unsigned
    /// (the bureau adds it when signing) and failed once signed.
    /// </summary>
    private static UwvCheck MinimumResponse(UwvChecklistInput input)
    {
        const string title = "Minimale respons gehaald, of de inspanning verantwoord";
        var below = input.Percelen.Where(p => p.MinimumResponseMet == false).ToList();
        if (below.Count == 0)
        {
            return input.Percelen.Count == 0
                ? NoPercelen(7, UwvCheckIds.MinimumResponse, title)
                : new(7, UwvCheckIds.MinimumResponse, title, UwvCheckStatus.Passed,
                    $"Elk perceel haalt de minimale respons van {Percent(input.Settings.MinimumResponseRate)}{RespondentsNorm(input.Settings)}.");
        }

        var names = string.Join(", ", below.Select(p =>
            $"{PerceelNames.DisplayName(p.Figures.Perceel)} ({Percent(p.ResponseRate.Proportion ?? 0)}{(p.ExemptionPossible ? ", vrijstelling mogelijk" : "")})"));
        var intro = $"Minimale respons van {Percent(input.Settings.MinimumResponseRate)}{RespondentsNorm(input.Settings)} niet gehaald in: {names}.";
        var attemptsMissing = below.Where(p => p.Figures.AttemptsByMode is null || p.Figures.AttemptsPerService.Count == 0).ToList();
        if (attemptsMissing.Count > 0)
            return new(7, UwvCheckIds.MinimumResponse, title, UwvCheckStatus.Failed,
                $"{intro} Het rapport laat niet zien hoe vaak en op welke manier klanten zijn benaderd in: " +
                $"{string.Join(", ", attemptsMissing.Select(p => PerceelNames.DisplayName(p.Figures.Perceel)))}.");
        if (string.IsNullOrWhiteSpace(input.Conclusion))
            return input.Signature is null
                ? new(7, UwvCheckIds.MinimumResponse, title, UwvCheckStatus.Pending,
                    $"{intro} Benaderd: {Effort(below)}. Het onderzoeksbureau moet nog een conclusie schrijven over de inspanningen om de respons te halen.")
                : new(7, UwvCheckIds.MinimumResponse, title, UwvCheckStatus.Failed,
                    $"{intro} Het rapport is ondertekend zonder conclusie van het onderzoeksbureau over de inspanningen.");
        return new(7, UwvCheckIds.MinimumResponse, title, UwvCheckStatus.Passed,
            $"{intro} Het rapport laat zien hoe vaak en op welke manier klanten zijn benaderd ({Effort(below)}), en het onderzoeksbureau geeft een conclusie over de inspanningen.");
    }

    /// <summary>"Naar werk: per e-mail en telefoon, gemiddeld 2,5 keer (hoogstens 4)": how often and how, per perceel.</summary>
    private static string Effort(IEnumerable<PerceelReport> percelen) =>
        string.Join("; ", percelen.Select(p => $"{PerceelNames.DisplayName(p.Figures.Perceel)}: via {p.Figures.ModesUsedText()}" +
            (p.Figures.MeanAttemptsPerService is { } mean ? $", gemiddeld {mean.ToString("0.#", DutchTime.Culture)} keer (hoogstens {p.Figures.MaxAttemptsPerService})" : "")));

    /// <summary>" Geantwoord: 10 online, 3 telefonisch, 1 op papier." over the percelen, when the modes were counted.</summary>
    private static string AnsweredText(IReadOnlyList<PerceelFigures> figures)
    {
        var known = figures.Select(f => f.RespondedByMode).OfType<ResponsesByMode>().ToList();
        if (known.Count == 0) return "";
        return $" Geantwoord: {known.Sum(m => m.Web)} online, {known.Sum(m => m.Phone)} telefonisch, {known.Sum(m => m.Paper)} op papier.";
    }

    private static UwvCheck NoPercelen(int number, string id, string title) =>
        new(number, id, title, UwvCheckStatus.Failed, "Het rapport bevat geen enkel perceel.");

    private static string Percent(double fraction) =>
        (fraction * 100).ToString("0.#", DutchTime.Culture) + "%";

    private static string RespondentsNorm(ReportSettings settings) =>
        settings.MinimumRespondents > 0 ? $" en minstens {settings.MinimumRespondents} deelnemers" : "";
}
