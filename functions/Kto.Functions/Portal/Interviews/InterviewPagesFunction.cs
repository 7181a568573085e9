using Kto.Core;
using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Deliveries;
using Kto.Core.Fieldwork;
using Kto.Core.Interviews;
using Kto.Core.Keurmerk;
using Kto.Core.Portal;
using Kto.Core.Questionnaires;
using Kto.Core.Survey;
using Kto.Functions.Interviews;

namespace Kto.Functions.Portal;

/// <summary>
/// The bureau's phone and paper pages: the call list of a company, the interviewer's screen for one client (record
/// each call, audited), and the answer form an interviewer or typist fills in (<see cref="AnswerEntryService"/>, mode
/// phone or paper). Opdrachtgevers (Blik op Werk) are on the same list, labelled "Opdrachtgever", and answer their own
/// questionnaire. Bureau users only; a company user gets the same 404 as a page that does not exist.
/// </summary>
public sealed class InterviewPagesFunction(
    PortalGate gate,
    CallListService calls,
    ManualAttemptService attempts,
    AnswerEntryService entry,
    TimeProvider time)
{
    /// <summary>What an interviewer records after a call, in the order of the form (the rules stay in ManualAttemptService).</summary>
    private static readonly (string Value, string Label)[] Outcomes =
    [
        (AttemptOutcomes.Reached, "Bereikt: doet mee"),
        (AttemptOutcomes.NoAnswer, "Geen gehoor"),
        (AttemptOutcomes.Voicemail, "Voicemail ingesproken"),
        (AttemptOutcomes.CallBack, "Terugbellen op afgesproken tijd"),
        (AttemptOutcomes.Refused, "Weigert mee te doen"),
        (AttemptOutcomes.WrongNumber, "Verkeerd nummer"),
    ];

    [Function(nameof(PortalCallList))]
    [PortalPage(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalCallList(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/bureau/calls/{company}")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        var (visitor, found, _) = request.Opening();
        if (!YearQuery.TryRead(request, time, out var year)) return gate.NotFound(visitor);
        var list = await calls.ListAsync(company, year, cancellationToken);
        var page = new CallListPage(
            Company: CompanyHeading.Of(found!),
            Year: year,
            CallingTime: list.CallingTime,
            CallingHours: list.CallingHours,
            MaxCalls: list.MaxCallAttempts,
            Clients: list.Clients.Select((c, i) => new CallListPage.Client(
                Index: i + 1,
                Url: PortalUrls.Call(company, c.Service.ServiceId, year),
                Name: Name(c.Contact, c.Audience),
                Klantnummer: c.Contact.Klantnummer,
                Opdrachtgever: c.Audience == SurveyAudience.Opdrachtgever,
                Phone: c.Contact.Telefoon,
                Tel: Tel(c.Contact.Telefoon),
                Perceel: PerceelNames.DisplayName(c.Perceel),
                Calls: c.Calls,
                Last: c.LastOutcome is { } last ? Label(AttemptOutcomes.Name(last)) : null,
                CallBack: c.CallBackAt is { } at ? ShownDate.Minute(at) : null,
                OnlyPhone: c.OnlyByPhone)).ToList());
        return gate.Page(visitor, "calls.liquid", new PageText("Bellijst {0}", found!.Name), page, "fieldwork");
    }

    [Function(nameof(PortalCallSheet))]
    [PortalPage(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalCallSheet(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/bureau/calls/{company}/{service}")] HttpRequest request,
        string company,
        string service,
        CancellationToken cancellationToken)
    {
        var (visitor, found, _) = request.Opening();
        if (!YearQuery.TryRead(request, time, out var year)) return gate.NotFound(visitor);
        var done = request.Query["vastgelegd"].ToString() is { Length: > 0 } outcome && Outcomes.Any(o => o.Value == outcome) ? new PageText("Vastgelegd: {0}.", new PageText(Label(outcome))) : null;
        return await SheetPageAsync(visitor, found!, new ServiceRef(company, year, service), done, null, StatusCodes.Status200OK, cancellationToken);
    }

    [Function(nameof(PortalRecordCall))]
    [PortalForm(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalRecordCall(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/bureau/calls/{company}/{service}")] HttpRequest request,
        string company,
        string service,
        CancellationToken cancellationToken)
    {
        var (visitor, found, form) = request.Opening();
        if (!YearQuery.TryRead(form, out var year) || !LooksLikeId(service)) return gate.NotFound(visitor);
        var serviceRef = new ServiceRef(company, year, service);
        var outcome = form.GetValueOrDefault("outcome") ?? "";
        var callBackAt = ReadDutchMoment(form.GetValueOrDefault("call_back"));
        var error = Outcomes.All(o => o.Value != outcome)
            ? "Kies hoe het gesprek afliep."
            : await attempts.RecordAsync(visitor.User!.Email, serviceRef, ContactMode.Phone, AttemptOutcomes.Parse(outcome), time.GetUtcNow(), cancellationToken,
                    callBackAt: callBackAt, seenStep: int.TryParse(form.GetValueOrDefault("step"), out var step) ? step : null) switch
                {
                    ManualAttemptOutcome.Recorded or ManualAttemptOutcome.AlreadyRecorded => null,
                    ManualAttemptOutcome.OutsideCallingHours => AttemptRefusals.OutsideCallingHours,
                    ManualAttemptOutcome.CallingEnded => AttemptRefusals.CallingEnded,
                    ManualAttemptOutcome.CallBackTimeMissing => "Vul bij terugbellen de datum en tijd in die de cliënt noemde.",
                    ManualAttemptOutcome.UnknownService => "Deze cliënt bestaat niet (meer).",
                    _ => "Kies hoe het gesprek afliep.",
                };
        if (error is not null)
            return await SheetPageAsync(visitor, found!, serviceRef, null, error, AttemptRefusals.Status(error), cancellationToken);
        // ManualAttemptService wrote the audit entry.
        // Reached: the client agrees, so straight on to the questions.
        return PortalResult.SeeOther(outcome == AttemptOutcomes.Reached
            ? PortalUrls.Answers(company, service, year, ResponseModes.Phone)
            : PortalUrls.Call(company, service, year) + "&vastgelegd=" + PortalUrls.Query(outcome));
    }

    [Function(nameof(PortalAnswerForm))]
    [PortalPage(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalAnswerForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/bureau/companies/{company}/answers/{service}")] HttpRequest request,
        string company,
        string service,
        CancellationToken cancellationToken)
    {
        var (visitor, found, _) = request.Opening();
        if (!YearQuery.TryRead(request, time, out var year) || EnteredMode(request.Query["mode"]) is not { } mode) return gate.NotFound(visitor);
        var saved = request.Query["opgeslagen"] == "1";
        return await AnswerPageAsync(visitor, found!, new ServiceRef(company, year, service), mode, saved, null, new Dictionary<string, string?>(), [],
            StatusCodes.Status200OK, cancellationToken);
    }

    [Function(nameof(PortalEnterAnswers))]
    [PortalForm(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalEnterAnswers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/bureau/companies/{company}/answers/{service}")] HttpRequest request,
        string company,
        string service,
        CancellationToken cancellationToken)
    {
        var (visitor, found, form) = request.Opening();
        if (!YearQuery.TryRead(form, out var year) || EnteredMode(form.GetValueOrDefault("mode")) is not { } mode || !LooksLikeId(service))
            return gate.NotFound(visitor);
        var serviceRef = new ServiceRef(company, year, service);
        var questions = entry.QuestionnaireFor(serviceRef).Questions.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var entered = form.Where(f => questions.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        // "Niet ingevuld" is the client's blank: null for the use case (as in the API), the choice kept for the form.
        var answers = entered.ToDictionary(a => a.Key, a => a.Value == AnswerEntry.LeftBlank ? null : a.Value, StringComparer.Ordinal);
        var result = await entry.EnterAsync(new AnswerEntry(serviceRef, mode, answers, visitor.User!.Email), cancellationToken);
        if (result.Outcome == AnswerEntryOutcome.Stored)
            return PortalResult.SeeOther(PortalUrls.Answers(company, service, year, ResponseModes.Name(mode)) + "&opgeslagen=1");
        // Invalid answers are shown per question; any other refusal as one notice, as the API says it.
        var (status, _, message) = AnswerEntryAnswers.For(result.Outcome);
        var refusal = result.Outcome == AnswerEntryOutcome.Invalid ? null : message;
        return await AnswerPageAsync(visitor, found!, serviceRef, mode, false, refusal, entered, result.Issues, status, cancellationToken);
    }

    private async Task<IActionResult> SheetPageAsync(Visitor visitor, Company company, ServiceRef service, PageText? done, string? error, int status, CancellationToken cancellationToken)
    {
        if (!LooksLikeId(service.ServiceId)) return gate.NotFound(visitor);
        var sheet = await calls.SheetAsync(service, cancellationToken);
        if (sheet is null) return gate.NotFound(visitor);
        var page = new CallSheetPage(
            Company: CompanyHeading.Of(company),
            Year: service.Year,
            Service: service.ServiceId,
            Done: done,
            Error: error,
            Name: Name(sheet.Contact, sheet.Audience),
            Klantnummer: sheet.Contact.Klantnummer,
            Opdrachtgever: sheet.Audience == SurveyAudience.Opdrachtgever,
            Phone: sheet.Contact.Telefoon,
            Tel: Tel(sheet.Contact.Telefoon),
            Perceel: PerceelNames.DisplayName(sheet.Perceel),
            Answered: sheet.Answered || sheet.Status == ServiceStatus.Responded,
            OptedOut: sheet.Status == ServiceStatus.OptedOut,
            Ended: sheet.CallingEnded,
            CallingTime: sheet.CallingTime,
            CallingHours: sheet.CallingHours,
            MaxCalls: sheet.MaxCallAttempts,
            Step: sheet.Step,
            Calls: sheet.Calls.Select(c => new CallSheetPage.Call(
                At: ShownDate.Minute(c.At),
                Outcome: Label(AttemptOutcomes.Name(c.Outcome)),
                By: c.By,
                CallBack: c.CallBackAt is { } at ? ShownDate.Minute(at) : null)).ToList(),
            Outcomes: Outcomes.Select(o => new CallSheetPage.Outcome(o.Value, o.Label)).ToList(),
            AnswersUrl: PortalUrls.Answers(company.Id, service.ServiceId, service.Year, ResponseModes.Phone),
            ListUrl: PortalUrls.Calls(company.Id, service.Year));
        return gate.Page(visitor, "call-sheet.liquid", new PageText("Bellen: {0}", page.Name), page, "fieldwork", status);
    }

    private async Task<IActionResult> AnswerPageAsync(Visitor visitor, Company company, ServiceRef service, ResponseMode mode, bool saved, PageText? refusal,
        IReadOnlyDictionary<string, string?> entered, IReadOnlyList<FieldError> issues, int status, CancellationToken cancellationToken)
    {
        if (!LooksLikeId(service.ServiceId)) return gate.NotFound(visitor);
        var sheet = await calls.SheetAsync(service, cancellationToken);
        if (sheet is null) return gate.NotFound(visitor);
        var questionnaire = entry.QuestionnaireFor(service);
        var page = new AnswerFormPage(
            Company: CompanyHeading.Of(company),
            Year: service.Year,
            Service: service.ServiceId,
            Mode: ResponseModes.Name(mode),
            IsPhone: mode == ResponseMode.Phone,
            Saved: saved,
            Refusal: refusal,
            Answered: !saved && (sheet.Answered || sheet.Status == ServiceStatus.Responded) && refusal is null,
            Name: Name(sheet.Contact, sheet.Audience),
            Klantnummer: sheet.Contact.Klantnummer,
            Opdrachtgever: sheet.Audience == SurveyAudience.Opdrachtgever,
            Phone: sheet.Contact.Telefoon,
            Tel: Tel(sheet.Contact.Telefoon),
            Perceel: PerceelNames.DisplayName(sheet.Perceel),
            Version: questionnaire.Version,
            Introduction: questionnaire.Introduction.Nl,
            // The summary names each question (its number and text) and links to its first choice.
            Errors: issues.Select(i => new AnswerFormPage.Error(
                Id: FirstInput(questionnaire.Find(i.QuestionId), i.QuestionId),
                Number: questionnaire.Find(i.QuestionId) is { } q ? Number(questionnaire, q) : null,
                Text: questionnaire.Find(i.QuestionId)?.Text.Nl,
                Message: i.MessageNl,
                Required: i.Code == FieldErrorCodes.Required)).ToList(),
            // Said once above the list when questions were not entered; each question keeps it beside its choices.
            RequiredHint: issues.Any(i => i.Code == FieldErrorCodes.Required)
                ? issues.First(i => i.Code == FieldErrorCodes.Required).MessageNl
                : null,
            Questions: questionnaire.Questions.Select((q, n) => QuestionOf(q, n + 1, entered.GetValueOrDefault(q.Id), issues.FirstOrDefault(i => i.QuestionId == q.Id))).ToList(),
            BackUrl: mode == ResponseMode.Phone ? PortalUrls.Call(company.Id, service.ServiceId, service.Year) : null,
            ListUrl: mode == ResponseMode.Phone ? PortalUrls.Calls(company.Id, service.Year) : PortalUrls.Fieldwork(company.Id, service.Year));
        var title = mode == ResponseMode.Phone ? new PageText("Telefonisch interview: {0}", page.Name) : new PageText("Papieren vragenlijst invoeren: {0}", page.Name);
        return gate.Page(visitor, "answers.liquid", title, page, "fieldwork", status);
    }

    /// <summary>A question as the form shows it: the text to read aloud and its choices (numbers for grades, labels for agree-5).</summary>
    private static AnswerFormPage.Question QuestionOf(Question q, int number, string? entered, FieldError? issue)
    {
        var choices = q.Type switch
        {
            QuestionType.Agree5 => q.Options!.Select(o => (o.Value, Label: o.DontKnow ? o.Label.Nl : $"{o.Value} {o.Label.Nl}")).ToList(),
            QuestionType.OpenText => [],
            _ => Enumerable.Range(q.Minimum!.Value, q.Maximum!.Value - q.Minimum!.Value + 1).Select(v => (Value: v.ToString(), Label: v.ToString())).ToList(),
        };
        // Every choice question can be left blank by the client: the typist says so instead of leaving it open.
        if (q.Type != QuestionType.OpenText) choices.Add((AnswerEntry.LeftBlank, "Niet ingevuld"));
        return new AnswerFormPage.Question(
            Id: q.Id,
            Number: number,
            Text: q.Text.Nl,
            Mandatory: q.Mandatory,
            Open: q.Type == QuestionType.OpenText,
            Scale: q.Type is QuestionType.Grade1To10 or QuestionType.Scale0To10,
            Low: q.LowLabel?.Nl,
            High: q.HighLabel?.Nl,
            MaxLength: q.MaxLength,
            Entered: entered,
            Error: issue?.MessageNl,
            FirstInput: FirstInput(q, q.Id),
            Choices: choices.Select(c => new AnswerFormPage.Choice(
                Value: c.Value,
                Label: c.Label,
                InputId: $"q-{q.Id}-{c.Value}",
                Blank: c.Value == AnswerEntry.LeftBlank,
                Checked: string.Equals(entered?.Trim(), c.Value, StringComparison.OrdinalIgnoreCase))).ToList());
    }

    private static int Number(Questionnaire questionnaire, Question question) =>
        questionnaire.Questions.Select((x, i) => (x, i)).First(p => ReferenceEquals(p.x, question)).i + 1;

    /// <summary>Where an error summary link points: the question's first choice, or its text box.</summary>
    private static string FirstInput(Question? q, string id) => q switch
    {
        null => "vragen",
        { Type: QuestionType.OpenText } => $"q-{id}",
        { Type: QuestionType.Agree5 } => $"q-{id}-{q.Options![0].Value}",
        _ => $"q-{id}-{q.Minimum}",
    };

    /// <summary>A client's service id or an opdrachtgever's id: checked before the value reaches storage.</summary>
    private static bool LooksLikeId(string? id) => ServiceKey.LooksLikeId(id) || OpdrachtgeverIds.LooksLikeId(id);

    /// <summary>Whom the interviewer asks for: the client, or the opdrachtgever's contact person (else the organisation).</summary>
    private static string Name(ContactDetails contact, SurveyAudience audience)
    {
        var name = CallNames.Of(contact);
        return name.Length == 0 && audience == SurveyAudience.Opdrachtgever ? contact.Klantnummer : name;
    }

    private static ResponseMode? EnteredMode(string? name) =>
        ResponseModes.Parse(name) is { } mode and (ResponseMode.Phone or ResponseMode.Paper) ? mode : null;

    private static string Label(string outcome) =>
        Outcomes.FirstOrDefault(o => o.Value == outcome).Label ?? outcome switch
        {
            AttemptOutcomes.Failed => "Nummer klopt niet",
            _ => outcome,
        };

    /// <summary>A tel: link target: digits and a leading +, nothing else.</summary>
    private static string? Tel(string? phone) =>
        phone is null ? null : new string(phone.Where((c, i) => char.IsAsciiDigit(c) || (c == '+' && i == 0)).ToArray());

    /// <summary>A datetime-local field ("2026-12-01T14:30"), meant as Dutch time; null when empty or unreadable.</summary>
    private static DateTimeOffset? ReadDutchMoment(string? value)
    {
        if (!DateTime.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local)) return null;
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, DutchTime.Zone.GetUtcOffset(unspecified));
    }
}
