using System.Collections.Concurrent;
using Azure.Data.Tables;
using Kto.Core;
using Kto.Core.Companies;
using Kto.Core.Deliveries;
using Kto.Core.Fieldwork;
using Kto.Core.Questionnaires;
using Kto.Core.Survey;
using Kto.Infrastructure.Storage;

namespace Kto.Bench.Support;

/// <summary>
/// The stored state of a finished fieldwork year, written straight into the tables the report reads: per company
/// its services (as ingest writes them, with the columns the mail job and the questionnaire merge in later), the
/// contact attempts (as <see cref="TableFieldworkStore"/> records them) and the responses (as
/// <see cref="TableResponseStore"/> stores them). Deterministic: the same company and index always give the same
/// rows. Written with batched transactions, since going through delivery and mail jobs would take an hour here.
/// </summary>
public sealed class ReportFixture(int year, int servicesPerCompany, int respondedPerCompany, Questionnaire questionnaire)
{
    private const int BatchSize = 100;
    private const int Writers = 4;

    // Ended services per perceel are uneven, as in practice: Naar werk most, Modulaire least (tenths).
    private static readonly Perceel[] PerceelByTenth =
    [
        Perceel.NaarWerk, Perceel.NaarWerk, Perceel.NaarWerk, Perceel.NaarWerk,
        Perceel.WerkfitMaken, Perceel.WerkfitMaken, Perceel.WerkfitMaken,
        Perceel.Praktijkassessment, Perceel.Praktijkassessment,
        Perceel.ModulaireReintegratiediensten,
    ];

    private static readonly string?[] Reasons = ["Werk gevonden", "Einde traject", "Voortijdig gestopt", "Geplaatst bij werkgever", "Traject afgerond", null];

    // Rapportcijfers 1–10 with weights that give a mean near 7.5, as such surveys do.
    private static readonly int[] GradeWeights = [1, 1, 1, 2, 4, 8, 20, 30, 20, 13];

    public int Year => year;

    /// <summary>Rows written per table, for the notes.</summary>
    public ConcurrentDictionary<string, int> Written { get; } = new();

    public static string CompanyId(int index) => $"bench-report-{index:D2}";

    public async Task SeedAsync(CompanyService companies, TableServiceClient tables, int companyCount, CancellationToken cancellationToken)
    {
        var work = new List<(TableClient Table, TableEntity[] Batch)>();
        var services = tables.GetTableClient(StorageNames.ServicesTable);
        var attempts = tables.GetTableClient(StorageNames.AttemptsTable);
        var responses = tables.GetTableClient(StorageNames.ResponsesTable);
        for (var c = 0; c < companyCount; c++)
        {
            var id = CompanyId(c);
            var registration = await companies.RegisterAsync("benchmark", id, $"Benchmark Re-integratie {c:D2}", cancellationToken);
            if (registration.Company is null) throw new InvalidOperationException($"Registration refused: {registration.Error}");
            var (s, a, r) = Company(id, c);
            // A transaction holds one partition; each company-year is one partition per table.
            work.AddRange(s.Chunk(BatchSize).Select(b => (services, b)));
            work.AddRange(a.Chunk(BatchSize).Select(b => (attempts, b)));
            work.AddRange(r.Chunk(BatchSize).Select(b => (responses, b)));
        }
        // A few transactions at once: the client builds the next while Azurite stores the last.
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Writers, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                await item.Table.SubmitTransactionAsync(item.Batch.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), token);
                Written.AddOrUpdate(item.Table.Name, item.Batch.Length, (_, n) => n + item.Batch.Length);
            });
    }

    /// <summary>The rows of one company: services, attempts and responses.</summary>
    private (List<TableEntity> Services, List<TableEntity> Attempts, List<TableEntity> Responses) Company(string company, int c)
    {
        var services = new List<TableEntity>(servicesPerCompany);
        var attempts = new List<TableEntity>(servicesPerCompany * 2);
        var responses = new List<TableEntity>(respondedPerCompany);
        var partition = TableKeys.CompanyYear(company, year);
        var days = DateTime.IsLeapYear(year) ? 366 : 365;
        var received = new DateTimeOffset(year, 1, 5, 8, 0, 0, TimeSpan.Zero);
        // Exactly respondedPerCompany responders, picked by a hash so the response rate differs a little per perceel.
        var responders = Enumerable.Range(0, servicesPerCompany).OrderBy(i => Mix(c, i, 0)).Take(respondedPerCompany).ToHashSet();
        for (var i = 0; i < servicesPerCompany; i++)
        {
            var einddatum = new DateOnly(year, 1, 1).AddDays((i * 7919 + c * 31) % days);
            var hasEmail = i % 50 != 17;
            var ended = new EndedService
            {
                Klantnummer = (10_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Perceel = PerceelByTenth[i % 10],
                Einddatum = einddatum,
                Startdatum = einddatum.AddDays(-90 - i % 200),
                Email = hasEmail ? $"klant{i}@{company}.example" : null,
                RedenBeeindiging = Reasons[Mix(c, i, 1) % Reasons.Length],
                Opdrachtgever = "UWV",
            };
            var service = new ServiceRef(company, year, ended.Key.Id());

            var responded = responders.Contains(i);
            // Responders answer after the invitation (60 %), the first reminder (30 %) or the second (10 %).
            var answersAfter = responded ? (Mix(c, i, 2) % 10) switch { < 6 => 0, < 9 => 1, _ => 2 } : int.MaxValue;
            var invited = new DateTimeOffset(einddatum.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero).AddDays(3);
            var (serviceAttempts, bounced, stepsSent) = Fieldwork(service, c, i, hasEmail, invited, answersAfter);
            attempts.AddRange(serviceAttempts.Select(AttemptRows.Write));

            var entity = ServiceRows.New(partition, new NewService(service.ServiceId, ended, "bench-report", received));
            // The columns the mail job and the questionnaire merge into the row over the year.
            entity[ServiceColumns.StepsSent] = stepsSent;
            entity[ServiceColumns.InvitedAt] = invited;
            entity[ServiceColumns.Approached] = true;
            entity[ServiceColumns.ClaimStep] = ServiceColumns.NoClaim;
            if (bounced) entity[ServiceColumns.EmailBounced] = true;
            if (responded)
            {
                var answers = Answers(c, i);
                entity[ServiceColumns.Responded] = true;
                entity[ServiceColumns.Status] = ServiceStatus.Responded.ToString();
                entity[ServiceColumns.Grade] = answers.Rapportcijfer;
                var submitted = serviceAttempts.Where(a => AttemptOutcomes.CountsAsApproach(a.Outcome)).Max(a => a.At).AddDays(1 + Mix(c, i, 3) % 3);
                responses.Add(ResponseRows.Write(new StoredResponse(service, ended.Perceel, answers, submitted)));
            }
            else if (Mix(c, i, 4) % 100 == 0)
            {
                entity[ServiceColumns.Status] = ServiceStatus.OptedOut.ToString();
            }
            services.Add(entity);
        }
        return (services, attempts, responses);
    }

    /// <summary>
    /// The approaches of one service: an e-mail invitation (a few deferred first, a few bounced and then sent by
    /// letter; clients without an address get a letter), e-mail reminders after 7 and 14 days until the client
    /// answers, and for a third of those who never answer a phone call (reached or not).
    /// </summary>
    private static (List<ContactAttempt> Attempts, bool Bounced, int StepsSent) Fieldwork(ServiceRef service, int c, int i, bool hasEmail,
        DateTimeOffset invited, int answersAfter)
    {
        var list = new List<ContactAttempt>();
        var roll = Mix(c, i, 5) % 100;
        var bounced = hasEmail && roll is >= 2 and < 5;
        if (!hasEmail || bounced)
        {
            if (bounced) list.Add(new ContactAttempt(service, ContactStep.Invitation, ContactMode.Email, invited, AttemptOutcome.Failed, 550));
            list.Add(new ContactAttempt(service, ContactStep.Invitation, ContactMode.Letter, invited.AddDays(2), AttemptOutcome.Sent));
            if (answersAfter > 0)
                list.Add(new ContactAttempt(service, new ContactStep(1), ContactMode.Phone, invited.AddDays(12),
                    Mix(c, i, 6) % 2 == 0 ? AttemptOutcome.Reached : AttemptOutcome.NoAnswer));
            return (list, bounced, bounced ? 0 : 1);
        }

        if (roll < 2) list.Add(new ContactAttempt(service, ContactStep.Invitation, ContactMode.Email, invited.AddHours(-2), AttemptOutcome.Deferred, 451));
        list.Add(new ContactAttempt(service, ContactStep.Invitation, ContactMode.Email, invited, AttemptOutcome.Sent, 250));
        var steps = 1;
        foreach (var (reminder, days) in new[] { (1, 7), (2, 14) })
        {
            if (answersAfter < reminder) break;
            list.Add(new ContactAttempt(service, new ContactStep(reminder), ContactMode.Email, invited.AddDays(days), AttemptOutcome.Sent, 250));
            steps++;
        }
        if (answersAfter == int.MaxValue && Mix(c, i, 6) % 3 == 0)
            list.Add(new ContactAttempt(service, new ContactStep(3), ContactMode.Phone, invited.AddDays(21),
                Mix(c, i, 7) % 2 == 0 ? AttemptOutcome.Reached : AttemptOutcome.NoAnswer));
        return (list, false, steps);
    }

    /// <summary>A full submission: every question has an entry; agree questions sometimes "don't know", open ones sometimes text.</summary>
    private Answers Answers(int c, int i)
    {
        var values = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        var salt = 10;
        foreach (var q in questionnaire.Questions)
        {
            var roll = Mix(c, i, salt++);
            values[q.Id] = q.Type switch
            {
                QuestionType.Grade1To10 => new AnswerValue(Grade(roll)),
                QuestionType.Agree5 => roll % 20 == 0 ? new AnswerValue(DontKnow: true) : new AnswerValue(2 + roll % 4),
                QuestionType.OpenText => roll % 3 == 0 ? new AnswerValue(Text: "Mijn begeleider dacht goed met mij mee en hielp mij bij het solliciteren.") : AnswerValue.None,
                _ => roll % 10 < 7 ? new AnswerValue(roll % 11) : AnswerValue.None,
            };
        }
        return new Answers(questionnaire.Version, values);
    }

    private static int Grade(int roll)
    {
        var pick = roll % GradeWeights.Sum();
        for (var g = 0; g < GradeWeights.Length; g++)
        {
            if (pick < GradeWeights[g]) return g + 1;
            pick -= GradeWeights[g];
        }
        return GradeWeights.Length;
    }

    /// <summary>A cheap deterministic hash of (company, index, purpose): independent rolls without a shared Random.</summary>
    private static int Mix(int c, int i, int salt)
    {
        var h = (uint)(c * 73_856_093) ^ (uint)(i * 19_349_663) ^ (uint)(salt * 83_492_791);
        h ^= h >> 16;
        h *= 0x7feb352d;
        h ^= h >> 15;
        h *= 0x846ca68b;
        h ^= h >> 16;
        return (int)(h & 0x7fff_ffff);
    }
}
