using Kto.Core.Accounts;
using Kto.Core.Fieldwork;
using Kto.Core.Interviews;
using Kto.Core.Keurmerk;
using Kto.Core.Questionnaires;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Accounts;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Keurmerk;

/// <summary>
/// Opdrachtgevers (Blik op Werk) reach the call list, the call record and answer entry through the audience stores,
/// by the clients' rules, and answer their own questionnaire; their facts stay in their own store.
/// </summary>
public sealed class OpdrachtgeverCallTests
{
    // Monday 30 November 2026, 11:00 in Amsterdam: calling time.
    private static readonly DateTimeOffset Monday11 = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private readonly InMemorySurveyData clients = new();
    private readonly InMemorySurveyData opdrachtgevers = new(SurveyAudience.Opdrachtgever);
    private readonly InMemoryAccounts accounts = new();
    private readonly FakeTimeProvider time = new(Monday11);
    private readonly ContactPolicy policy = new(new FieldworkSettings { MaxCallAttempts = 3 });

    private AudienceFieldworkStore Fieldwork => new(clients, opdrachtgevers);
    private AudienceResponseStore Responses => new(clients, opdrachtgevers);
    private CallListService Calls => new(Fieldwork, Responses, policy, time);

    /// <summary>As the opdrachtgever store reads a contact: the organisation in the klantnummer's place, the contact person as the name.</summary>
    private static ContactDetails Organisation(string organisatie, string? telefoon = "0301234567") =>
        new(organisatie, null, null, null, "Anna de Boer", null, telefoon, null, null, null);

    private ServiceRef AddOpdrachtgever(string organisatie, bool hasEmail = false, string? telefoon = "0301234567") =>
        opdrachtgevers.Add(OpdrachtgeverIds.Of(organisatie), Organisation(organisatie, telefoon), hasEmail: hasEmail);

    [Fact]
    public async Task Opdrachtgevers_with_a_phone_are_on_the_clients_call_list_by_the_same_rules_with_their_own_calls()
    {
        var client = clients.Add(new string('a', 32), InMemorySurveyData.Contact("K1"));
        var uwv = AddOpdrachtgever("UWV Utrecht");
        var noPhone = AddOpdrachtgever("Zonder Telefoon", telefoon: null);
        var answered = AddOpdrachtgever("Al Geantwoord");
        opdrachtgevers.AddResponseDirectly(new StoredResponse(answered, default, new Answers("bow-opdrachtgever-2026-1", new Dictionary<string, AnswerValue>()), Monday11));
        var refused = AddOpdrachtgever("Weigeraar");
        opdrachtgevers.Call(refused, AttemptOutcome.Refused, Monday11.AddHours(-1));
        opdrachtgevers.Call(uwv, AttemptOutcome.NoAnswer, Monday11.AddHours(-2));
        opdrachtgevers.Call(uwv, AttemptOutcome.Voicemail, Monday11.AddHours(-1));

        var list = await Calls.ListAsync("acme", 2026, default);

        // The client was called less often: first; the opdrachtgever counts its own two calls.
        Assert.Equal([client, uwv], list.Clients.Select(c => c.Service));
        var entry = list.Clients[1];
        Assert.Equal((SurveyAudience.Opdrachtgever, 2, AttemptOutcome.Voicemail, true), (entry.Audience, entry.Calls, entry.LastOutcome, entry.OnlyByPhone));
        Assert.Equal(SurveyAudience.Client, list.Clients[0].Audience);
        Assert.DoesNotContain(list.Clients, c => c.Service == noPhone || c.Service == answered || c.Service == refused);

        var sheet = await Calls.SheetAsync(uwv, default);
        Assert.NotNull(sheet);
        Assert.Equal((SurveyAudience.Opdrachtgever, 2, "UWV Utrecht"), (sheet.Audience, sheet.Calls.Count, sheet.Contact.Klantnummer));
    }

    [Fact]
    public async Task A_call_to_an_opdrachtgever_is_recorded_once_in_its_own_store_by_the_call_rules()
    {
        var uwv = AddOpdrachtgever("UWV Utrecht");
        var attempts = new ManualAttemptService(Fieldwork, accounts, policy, time);

        Assert.Equal(ManualAttemptOutcome.Recorded, await attempts.RecordAsync("piet@bureau.nl", uwv, ContactMode.Phone, AttemptOutcome.Reached, Monday11, default));
        Assert.Equal(ManualAttemptOutcome.AlreadyRecorded, await attempts.RecordAsync("piet@bureau.nl", uwv, ContactMode.Phone, AttemptOutcome.Reached, Monday11, default));

        var call = Assert.Single(opdrachtgevers.Attempts);
        Assert.Equal((uwv, ContactMode.Phone, "piet@bureau.nl"), (call.Service, call.Mode, call.By));
        Assert.Empty(clients.Attempts);
        // Sunday is outside the calling hours, for an opdrachtgever as for a client.
        Assert.Equal(ManualAttemptOutcome.OutsideCallingHours,
            await attempts.RecordAsync("piet@bureau.nl", uwv, ContactMode.Phone, AttemptOutcome.NoAnswer, Monday11.AddDays(-1), default));
    }

    [Fact]
    public async Task An_opdrachtgevers_phone_answers_are_checked_against_the_opdrachtgever_questionnaire_and_stored_with_mode_phone()
    {
        var uwv = AddOpdrachtgever("UWV Utrecht");
        var catalog = new QuestionnaireCatalog(new QuestionnaireSettings());
        var entry = new AnswerEntryService(new AudienceSurveyServiceStore(clients, opdrachtgevers), Responses, Fieldwork, catalog, policy, accounts, time);
        Assert.Equal(catalog.Opdrachtgever, entry.QuestionnaireFor(uwv));

        // The clients' questions are not this questionnaire's.
        var wrong = await entry.EnterAsync(new AnswerEntry(uwv, ResponseMode.Phone, new Dictionary<string, string?> { ["begeleider-luistert"] = "4", ["rapportcijfer"] = "8" }, "piet@bureau.nl"), default);
        Assert.Equal(AnswerEntryOutcome.Invalid, wrong.Outcome);
        Assert.Contains(wrong.Issues, i => i.QuestionId == "begeleider-luistert");

        var answers = new Dictionary<string, string?>
        {
            ["rapportcijfer"] = "8", ["cijfer-resultaten"] = "7", ["afspraken-nagekomen"] = "4", ["rapportage"] = "5",
            ["bereikbaarheid"] = "4", ["opnieuw-opdracht"] = "5", ["open-toelichting"] = null,
        };
        var result = await entry.EnterAsync(new AnswerEntry(uwv, ResponseMode.Phone, answers, "piet@bureau.nl"), default);

        Assert.Equal(AnswerEntryOutcome.Stored, result.Outcome);
        var stored = await opdrachtgevers.FindAsync(uwv, default);
        Assert.NotNull(stored);
        Assert.Equal((ResponseMode.Phone, "piet@bureau.nl", catalog.Opdrachtgever.Version, 8), (stored.Mode, stored.EnteredBy, stored.Answers.Version, stored.Answers.Rapportcijfer));
        Assert.Null(await clients.FindAsync(uwv, default));
        Assert.True(opdrachtgevers.IsMarked(uwv));
    }
}
