using Kto.Core.Accounts;
using Kto.Core.Fieldwork;
using Kto.Core.Letters;
using Kto.Core.Questionnaires;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Letters;

/// <summary>
/// A letter batch made in the background, step by step (as the Durable run calls them): progress, parts, one batch for
/// a second make or a retried step, and a run that died given up without ever giving a client two letters.
/// </summary>
public sealed class LetterBatchRunTests
{
    private const string Company = "acme";
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryFieldwork fieldwork = new();
    private readonly InMemoryTokens tokens = new();
    private readonly InMemoryLetterBatches batches = new();
    private readonly RecordingLetterRenderer renderer = new();
    private readonly InMemoryAuditLog audit = new();
    private readonly LetterBatchService service;

    public LetterBatchRunTests()
    {
        var companies = new InMemoryCompanyStore();
        companies.TryAddAsync(new Kto.Core.Companies.Company(Company, "Acme Re-integratie", time.GetUtcNow()), "hash", default).Wait();
        var settings = new FieldworkSettings { LettersPerStep = 2 };
        service = new LetterBatchService(fieldwork, companies, tokens, tokens, new FixedSurveyLinks(), batches, renderer,
            new ContactPolicy(settings), new QuestionnaireCatalog(new QuestionnaireSettings()), audit, time, SurveyFormKey.From("a configured secret"),
            settings);
        for (var i = 1; i <= 5; i++)
            fieldwork.Add(new ServiceRef(Company, 2026, $"s{i}"), new ContactState(ServiceStatus.Open, false, false, 0, null, null),
                new ContactDetails($"K{i}", "Sam", "S.", "de", "Vries", null, null, "Dorpsstraat 1", "1234 AB", "Utrecht"));
    }

    [Fact]
    public async Task A_batch_is_drawn_a_part_at_a_time_with_its_progress_on_the_batch_and_the_parts_merged_into_one_pdf()
    {
        var started = await service.StartAsync(Company, 2026, "piet@bureau.nl", default);
        Assert.Equal(LetterBatchService.StartOutcome.Started, started.Outcome);
        var id = started.Batch!.Id;
        Assert.Equal(LetterBatchStatus.Making, (await service.GetAsync(Company, id, default))!.Value.Status);
        Assert.Null(started.Batch.Total); // not yet known

        var planned = await service.PlanAsync(Company, id, default);
        Assert.Equal((5, 0, 3), (planned!.Total, planned.Done, planned.Parts));
        var progress = new List<int>();
        for (var part = 0; part < planned.Parts; part++)
            progress.Add((await service.WritePartAsync(Company, id, part, default))!.Done);
        Assert.Equal([2, 4, 5], progress);
        Assert.Empty(audit.Entries); // not made until finished
        Assert.Null(await service.ReadPdfAsync(Company, id, default));

        var ready = await service.FinishAsync(Company, id, default);
        Assert.Equal(LetterBatchState.Ready, ready!.State);
        Assert.Equal([2, 2, 1], renderer.Documents.Select(d => d.Letters.Count).ToArray());
        // Parts follow the service ids s1 … s5 (clients K1 … K5) in order.
        Assert.Equal(["K1 K2", "K3 K4", "K5"], renderer.Documents.Select(d => string.Join(" ", d.Letters.Select(l => l.Contact.Klantnummer))));
        Assert.Equal(5, renderer.Documents.SelectMany(d => d.Letters).Select(l => l.Contact.Klantnummer).Distinct().Count());
        Assert.Equal([3], renderer.Merged);
        Assert.NotNull(await service.ReadPdfAsync(Company, id, default));
        Assert.Empty(batches.Parts); // merged, then removed
        Assert.Equal(LetterBatchStatus.Open, (await service.GetAsync(Company, id, default))!.Value.Status);
        Assert.Single(audit.Entries, e => e.Action == AuditActions.LettersMade);
    }

    [Fact]
    public async Task A_finish_with_a_part_not_drawn_fails_naming_that_part_and_leaves_the_batch_being_made()
    {
        var id = (await service.StartAsync(Company, 2026, "piet@bureau.nl", default)).Batch!.Id;
        await service.PlanAsync(Company, id, default); // 5 letters, 2 a part: parts 0, 1 and 2
        await service.WritePartAsync(Company, id, 0, default);
        await service.WritePartAsync(Company, id, 2, default);

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => service.FinishAsync(Company, id, default));

        Assert.Contains($"part 1 of batch {id} is missing", failed.Message);
        Assert.Empty(renderer.Merged);
        Assert.Equal(LetterBatchState.Making, (await batches.GetAsync(Company, id, default))!.State);
    }

    [Fact]
    public async Task A_second_make_while_one_is_being_made_answers_that_one_and_retried_steps_make_nothing_twice()
    {
        var first = await service.StartAsync(Company, 2026, "piet@bureau.nl", default);
        var again = await service.StartAsync(Company, 2026, "anna@bureau.nl", default);
        Assert.Equal(LetterBatchService.StartOutcome.Joined, again.Outcome);
        Assert.Equal(first.Batch!.Id, again.Batch!.Id);

        var id = first.Batch.Id;
        await service.PlanAsync(Company, id, default);
        Assert.Equal(5, (await service.PlanAsync(Company, id, default))!.Total); // a retried plan answers what the first stored
        await service.WritePartAsync(Company, id, 0, default);
        await service.WritePartAsync(Company, id, 0, default); // retried: the part is there, not drawn again
        await service.WritePartAsync(Company, id, 1, default);
        await service.WritePartAsync(Company, id, 2, default);
        await service.FinishAsync(Company, id, default);
        Assert.Null(await service.FinishAsync(Company, id, default)); // retried after it finished: nothing more

        Assert.Equal(3, renderer.Documents.Count);
        Assert.Equal(5, tokens.Rows.Values.Count(r => r.Purpose == TokenPurpose.ShortCode));
        Assert.Single(await service.ListAsync(Company, 2026, default));
        Assert.Single(audit.Entries, e => e.Action == AuditActions.LettersMade);
    }

    [Fact]
    public async Task While_a_batch_is_being_made_the_open_one_cannot_be_posted_and_after_the_run_failed_it_can_once()
    {
        var open = (await service.MakeAsync(Company, 2026, "piet@bureau.nl", default)).Batch!;
        time.Advance(TimeSpan.FromMinutes(1));
        var making = (await service.StartAsync(Company, 2026, "piet@bureau.nl", default)).Batch!;

        Assert.Equal(LetterBatchService.PostOutcome.Replaced, (await service.MarkPostedAsync(Company, open.Id, "anna@bureau.nl", default)).Outcome);
        Assert.Equal(LetterBatchService.PostOutcome.NotReady, (await service.MarkPostedAsync(Company, making.Id, "anna@bureau.nl", default)).Outcome);

        await service.PlanAsync(Company, making.Id, default);
        await service.FailAsync(Company, making.Id, default);
        Assert.Equal(LetterBatchStatus.Failed, (await service.GetAsync(Company, making.Id, default))!.Value.Status);
        Assert.Null(await service.WritePartAsync(Company, making.Id, 0, default)); // a late step of the failed run stops

        var posted = await service.MarkPostedAsync(Company, open.Id, "anna@bureau.nl", default);
        Assert.Equal((LetterBatchService.PostOutcome.Recorded, 5), (posted.Outcome, posted.Recorded));
        Assert.NotNull(await service.ReadPdfAsync(Company, open.Id, default)); // a failed run removed nothing of the open batch
    }

    [Fact]
    public async Task A_run_that_stopped_is_given_up_by_the_next_make_and_a_late_step_of_it_never_makes_it_ready()
    {
        var lost = (await service.StartAsync(Company, 2026, "piet@bureau.nl", default)).Batch!;
        await service.PlanAsync(Company, lost.Id, default);

        time.Advance(LetterBatchService.WorkLease + TimeSpan.FromMinutes(1));
        Assert.Equal(LetterBatchStatus.Failed, (await service.GetAsync(Company, lost.Id, default))!.Value.Status);
        var made = await service.MakeAsync(Company, 2026, "anna@bureau.nl", default);
        Assert.NotEqual(lost.Id, made.Batch!.Id);
        Assert.Equal(LetterBatchState.Ready, made.Batch.State);

        // The lost run's worker comes back: every step stops, the batch stays failed.
        Assert.Null(await service.WritePartAsync(Company, lost.Id, 0, default));
        Assert.Null(await service.FinishAsync(Company, lost.Id, default));
        Assert.Equal(LetterBatchState.Failed, (await batches.GetAsync(Company, lost.Id, default))!.State);
        var posted = await service.MarkPostedAsync(Company, made.Batch.Id, "anna@bureau.nl", default);
        Assert.Equal(5, posted.Recorded);
        Assert.Equal(5, fieldwork.Attempts.Count);
    }
}
