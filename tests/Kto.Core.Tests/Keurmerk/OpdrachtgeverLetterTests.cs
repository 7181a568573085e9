using Kto.Core.Fieldwork;
using Kto.Core.Keurmerk;
using Kto.Core.Letters;
using Kto.Core.Questionnaires;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Keurmerk;

/// <summary>
/// Opdrachtgevers (Blik op Werk) in the letter batches through the audience store: chosen by the clients' letter rule,
/// each letter with its audience and the opdrachtgever paper form, posting recorded once in their own store, and a
/// reminder letter as for clients.
/// </summary>
public sealed class OpdrachtgeverLetterTests
{
    private const string Company = "acme";
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryFieldwork clients = new();
    private readonly InMemoryFieldwork opdrachtgevers = new(SurveyAudience.Opdrachtgever);
    private readonly InMemoryTokens tokens = new();
    private readonly InMemoryLetterBatches batches = new();
    private readonly RecordingLetterRenderer renderer = new();
    private readonly SurveyFormKey key = SurveyFormKey.From("a configured secret");
    private readonly QuestionnaireCatalog catalog = new(new QuestionnaireSettings());
    private readonly LetterBatchService service;

    public OpdrachtgeverLetterTests()
    {
        var companies = new InMemoryCompanyStore();
        companies.TryAddAsync(new Kto.Core.Companies.Company(Company, "Acme Re-integratie", time.GetUtcNow()), "hash", default).Wait();
        service = new LetterBatchService(new AudienceFieldworkStore(clients, opdrachtgevers), companies, tokens, tokens, new FixedSurveyLinks(), batches,
            renderer, new ContactPolicy(new FieldworkSettings()), catalog, new InMemoryAuditLog(), time, key);
    }

    private static ContactState State(ServiceStatus status = ServiceStatus.Open, bool hasEmail = false, bool bounced = false) =>
        new(status, hasEmail, bounced, 0, null, null);

    /// <summary>As the opdrachtgever store reads a contact: the organisation in the klantnummer's place, the contact person as the name.</summary>
    private ServiceRef Opdrachtgever(string organisatie, ContactState state, string? adres = "Stationsplein 1", string? email = null, string? telefoon = null)
    {
        var service = new ServiceRef(Company, 2026, OpdrachtgeverIds.Of(organisatie));
        opdrachtgevers.Add(service, state, new ContactDetails(organisatie, null, null, null, "Anna de Boer", email, telefoon, adres, "3511 AB", "Utrecht"));
        return service;
    }

    [Fact]
    public async Task Opdrachtgevers_the_post_reaches_get_letters_in_the_clients_batch_with_their_own_form_recorded_once_in_their_own_store()
    {
        var client = new ServiceRef(Company, 2026, new string('a', 32));
        clients.Add(client, State(), new ContactDetails("K1", "Sam", "S.", null, "Vries", null, null, "Dorpsstraat 1", "1234 AB", "Utrecht"));
        var letter = Opdrachtgever("UWV Utrecht", State());
        var bounced = Opdrachtgever("Gemeente Zeist", State(hasEmail: true, bounced: true), email: "x@zeist.example");
        Opdrachtgever("Met E-mail", State(hasEmail: true), email: "y@example.nl");
        Opdrachtgever("Alleen Telefoon", State(), adres: null, telefoon: "0301234567");
        Opdrachtgever("Geantwoord", State(ServiceStatus.Responded));
        Opdrachtgever("Afgemeld", State(ServiceStatus.OptedOut));

        var made = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);

        Assert.Equal(LetterBatchService.MakeOutcome.Made, made.Outcome);
        Assert.Equal((3, 0), (made.Batch!.FirstLetters, made.Batch.ReminderLetters));
        var document = Assert.Single(renderer.Documents);
        var byService = document.Letters.ToDictionary(l => l.Contact.Klantnummer);
        Assert.Equal(["Gemeente Zeist", "K1", "UWV Utrecht"], byService.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(SurveyAudience.Client, byService["K1"].Audience);
        Assert.Equal(SurveyAudience.Opdrachtgever, byService["UWV Utrecht"].Audience);
        // Behind each letter the form its audience answers.
        Assert.Equal(catalog.Current, document.FormFor(byService["K1"]));
        Assert.Equal(catalog.Opdrachtgever, document.FormFor(byService["UWV Utrecht"]));

        // Its link and short code open the opdrachtgever.
        var uwv = byService["UWV Utrecht"];
        Assert.Equal(letter, await tokens.FindAsync(Kto.Core.Access.SecretKeys.Hash(uwv.SurveyUrl!.Split("t=")[1]), TokenPurpose.Survey, default));
        var codes = new ShortCodeService(tokens, tokens, new ShortCodeLimiter(new SurveySettings(), time), key);
        Assert.Equal(letter, (await codes.OpenAsync(uwv.Code, "198.51.100.7", default)).Service);

        // Posting records one letter attempt each, the opdrachtgevers' in their own store; a second mark records nothing.
        Assert.Equal(3, (await service.MarkPostedAsync(Company, made.Batch.Id, "piet@bureau.nl", default)).Recorded);
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, (await service.MarkPostedAsync(Company, made.Batch.Id, "anna@bureau.nl", default)).Recorded);
        Assert.Equal([client], clients.Attempts.Values.Select(a => a.Service).ToArray());
        Assert.Equal([bounced.ServiceId, letter.ServiceId], opdrachtgevers.Attempts.Values.Select(a => a.Service.ServiceId).Order(StringComparer.Ordinal).ToArray());
        Assert.All(opdrachtgevers.Attempts.Values, a => Assert.Equal((ContactMode.Letter, AttemptOutcome.Sent, 0), (a.Mode, a.Outcome, a.Step.Number)));

        // Nothing new is due until the reminder days have passed; then a reminder to whoever has not answered.
        Assert.Equal(LetterBatchService.MakeOutcome.NothingDue, (await service.MakeAsync(Company, 2026, "piet@bureau.nl", default)).Outcome);
        var (perceel, state) = opdrachtgevers.Services[bounced];
        opdrachtgevers.Services[bounced] = (perceel, state with { Status = ServiceStatus.Responded });
        time.Advance(TimeSpan.FromDays(7.1));
        var reminder = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);
        Assert.Equal((0, 2), (reminder.Batch!.FirstLetters, reminder.Batch.ReminderLetters));
        var reminded = renderer.Documents[^1].Letters.Single(l => l.Audience == SurveyAudience.Opdrachtgever);
        Assert.Equal(("UWV Utrecht", 1), (reminded.Contact.Klantnummer, reminded.Kind.Number));
    }
}
