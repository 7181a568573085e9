using Kto.Core.Accounts;
using Kto.Core.Fieldwork;
using Kto.Core.Operations;
using Kto.Core.Questionnaires;
using Kto.Core.Survey;

namespace Kto.Core.Interviews;

/// <summary>
/// Stores answers the bureau enters (phone interview or paper form) with the same rules as the web questionnaire:
/// the current questionnaire version and <see cref="AnswerValidator"/> (option values, required questions, "weet niet"
/// where the questionnaire offers it), the first answer counts whatever its mode (the response row's key is the
/// service id, so a web answer and an entered one can never both be stored), and the service is then marked responded.
/// An answer is also a contact: one taken by phone is a call that reached the client, one typed from a paper form a
/// letter that reached them. When that contact was not recorded (the answer form opened without "Gebeld: bereikt"
/// first, a form posted outside a letter batch), it is recorded with the answer, so the client counts as approached in
/// that mode wherever approach is counted (progress, overview, report), never fewer approached than responded.
/// An opdrachtgever (Blik op Werk) answers the opdrachtgever questionnaire, as on the web; the stores it is given decide
/// where its answer lives (<see cref="Keurmerk.AudienceResponseStore"/>).
/// </summary>
public sealed class AnswerEntryService(
    ISurveyServiceStore services,
    IResponseStore responses,
    IFieldworkStore fieldwork,
    QuestionnaireCatalog questionnaires,
    ContactPolicy policy,
    IAuditLog audit,
    TimeProvider time)
{
    /// <summary>The questionnaire new answers of clients are given to (the interviewer's form shows its questions).</summary>
    public Questionnaire Questionnaire => questionnaires.Current;

    /// <summary>The questionnaire new answers of this client or opdrachtgever are given to.</summary>
    public Questionnaire QuestionnaireFor(ServiceRef service) =>
        questionnaires.For(Keurmerk.OpdrachtgeverIds.IsOpdrachtgever(service.ServiceId) ? SurveyAudience.Opdrachtgever : SurveyAudience.Client);

    public async Task<AnswerEntryResult> EnterAsync(AnswerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Mode == ResponseMode.Web) return AnswerEntryResult.Of(AnswerEntryOutcome.ModeNotEntered);
        var snapshot = await services.GetAsync(entry.Service, cancellationToken);
        if (snapshot is null) return AnswerEntryResult.Of(AnswerEntryOutcome.UnknownService);
        if (snapshot.Status == ServiceStatus.Responded || (snapshot.MayHaveResponse && await CompleteRespondedAsync(entry.Service, cancellationToken)))
            return await AnsweredAsync(entry, snapshot.Audience, cancellationToken);
        if (snapshot.Status == ServiceStatus.OptedOut) return AnswerEntryResult.Of(AnswerEntryOutcome.OptedOut);
        var now = time.GetUtcNow();
        if (!policy.IsFieldworkOpen(entry.Service.Year, now)) return AnswerEntryResult.Of(AnswerEntryOutcome.FieldworkClosed);

        var questionnaire = questionnaires.For(snapshot.Audience);
        var issues = UnknownQuestions(questionnaire, entry.Answers).ToList();
        var blank = Blank(entry);
        var validation = AnswerValidator.Validate(questionnaire, entry.Answers, blank);
        issues.AddRange(validation.Errors.Select(e => ForTypist(e, entry.Mode, questionnaire)));
        if (issues.Count == 0 && validation.Answers!.Values.Values.All(v => !v.IsAnswered))
            issues.Add(new FieldError("", FieldErrorCodes.NothingAnswered,
                "Er is geen enkele vraag ingevuld. Een lege vragenlijst telt niet als antwoord: sla niets op, of voer de antwoorden in.",
                "No question has been answered. An empty questionnaire does not count as a response: save nothing, or enter the answers."));
        if (issues.Count > 0) return new AnswerEntryResult(AnswerEntryOutcome.Invalid, issues);

        // Before the answer: a crash in between leaves a true contact and no answer, never an answer without its contact.
        var contact = await RecordContactAsync(entry, now, cancellationToken);
        var response = new StoredResponse(entry.Service, snapshot.Perceel, validation.Answers!, now, entry.Mode, entry.EnteredBy);
        if (!await responses.TryAddAsync(response, cancellationToken))
        {
            // The client answered online (or a second tab entered it) in between: the first answer counts.
            await CompleteRespondedAsync(entry.Service, cancellationToken);
            return await AnsweredAsync(entry, snapshot.Audience, cancellationToken);
        }
        KtoMetrics.Answered(entry.Mode);
        await services.MarkRespondedAsync(entry.Service, response.Answers.Rapportcijfer, cancellationToken);
        await audit.WriteAsync(new AuditEntry(now, entry.Actor ?? entry.EnteredBy, AuditActions.AnswersEntered, entry.Service.Company,
            $"Antwoorden ingevoerd ({ModeText(entry.Mode)}) door {entry.EnteredBy} (dienst {entry.Service.ServiceId}, {entry.Service.Year})" +
            (contact is { } recorded ? $"; benaderd vastgelegd: {ManualAttemptService.Describe(recorded.Mode, recorded.Outcome)}" : "")), cancellationToken);
        return AnswerEntryResult.Of(AnswerEntryOutcome.Stored);
    }

    /// <summary>The questions the typist marked as left blank ("niet ingevuld"): sent with no value.</summary>
    private static HashSet<string> Blank(AnswerEntry entry) =>
        entry.Answers.Where(a => a.Value is null).Select(a => a.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// A service answered already: the same entry sent again (a double click, a retried request) is answered as the
    /// first was, stored, with nothing written or audited again; anything else is refused, without the issues of answers
    /// that would not count anyway.
    /// </summary>
    private async Task<AnswerEntryResult> AnsweredAsync(AnswerEntry entry, SurveyAudience audience, CancellationToken cancellationToken)
    {
        var validation = AnswerValidator.Validate(questionnaires.For(audience), entry.Answers, Blank(entry));
        var stored = validation.IsValid ? await responses.FindAsync(entry.Service, cancellationToken) : null;
        return AnswerEntryResult.Of(stored is not null && stored.IsRepeatOf(validation.Answers!, entry.Mode, entry.EnteredBy)
            ? AnswerEntryOutcome.Stored
            : AnswerEntryOutcome.AlreadyAnswered);
    }

    /// <summary>
    /// The contact the answer proves (a phone call that reached the client, a letter sent), recorded unless one is
    /// there already; the recorded attempt, or null when there was one.
    /// </summary>
    private async Task<ContactAttempt?> RecordContactAsync(AnswerEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (mode, outcome) = entry.Mode == ResponseMode.Phone ? (ContactMode.Phone, AttemptOutcome.Reached) : (ContactMode.Letter, AttemptOutcome.Sent);
        if (await fieldwork.AttemptsOfAsync(entry.Service, cancellationToken).AnyAsync(a => a.Mode == mode && a.Outcome == outcome, cancellationToken))
            return null;
        if (await fieldwork.GetAsync(entry.Service, cancellationToken) is not { } current) return null;
        var attempt = new ContactAttempt(entry.Service, new ContactStep(current.State.StepsSent), mode, now, outcome, By: entry.EnteredBy);
        // Create-only: two entries of the same answer at once record the contact once.
        return await fieldwork.TryRecordOnceAsync(attempt, ContactUpdate.For(attempt, TimeSpan.Zero), cancellationToken) ? attempt : null;
    }

    /// <summary>"telefonisch" / "papier": the mode as the audit log and pages say it.</summary>
    public static string ModeText(ResponseMode mode) => mode switch
    {
        ResponseMode.Phone => "telefonisch",
        ResponseMode.Paper => "papier",
        _ => "online",
    };

    /// <summary>
    /// The questionnaire's checks speak to the client ("U heeft deze vraag nog niet beantwoord"); here the reader is the
    /// typist or interviewer, who can also mark a question as left blank.
    /// </summary>
    private static FieldError ForTypist(FieldError error, ResponseMode mode, Questionnaire questionnaire) => error.Code switch
    {
        FieldErrorCodes.Required when mode == ResponseMode.Phone => error with
        {
            MessageNl = "Kies het antwoord van de cliënt, of ‘niet ingevuld’ als de cliënt deze vraag niet wil of kan beantwoorden.",
            MessageEn = "Choose the client's answer, or ‘not filled in’ when the client will not or cannot answer this question.",
        },
        FieldErrorCodes.Required => error with
        {
            MessageNl = "Kies het antwoord dat op het formulier staat, of ‘niet ingevuld’ als deze vraag op het formulier leeg is.",
            MessageEn = "Choose the answer on the form, or ‘not filled in’ when this question is blank on the form.",
        },
        FieldErrorCodes.TooLong when questionnaire.Find(error.QuestionId)?.MaxLength is { } max => error with
        {
            MessageNl = $"Het antwoord is te lang: hier passen {max} tekens. Kort het in.",
            MessageEn = $"The answer is too long: {max} characters fit here. Please shorten it.",
        },
        _ => error,
    };

    /// <summary>A field that is no question of this version: the web form ignores extra fields, an entry must not lose answers silently.</summary>
    private static IEnumerable<FieldError> UnknownQuestions(Questionnaire questionnaire, IReadOnlyDictionary<string, string?> answers) =>
        answers.Keys
            .Where(id => questionnaire.Questions.All(q => q.Id != id))
            .Order(StringComparer.Ordinal)
            .Select(id => new FieldError(id, FieldErrorCodes.UnknownQuestion,
                $"Vraag '{id}' staat niet in vragenlijst {questionnaire.Version}.",
                $"Question '{id}' is not in questionnaire {questionnaire.Version}."));

    /// <summary>Marks the service responded when a response exists (a crash between the two); true when one exists.</summary>
    private async Task<bool> CompleteRespondedAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        var stored = await responses.FindAsync(service, cancellationToken);
        if (stored is null) return false;
        await services.MarkRespondedAsync(service, stored.Answers.Rapportcijfer, cancellationToken);
        return true;
    }
}
