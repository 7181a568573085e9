using Kto.Core.Reports;
using Azure;
using Azure.Data.Tables;
using Kto.Core;
using Kto.Core.Companies;
using Kto.Core.Deliveries;
using Kto.Core.Fieldwork;
using Kto.Core.Questionnaires;
using Kto.Core.Survey;
using Kto.Infrastructure.Reports;
using Kto.Infrastructure.Storage;

namespace Kto.Functions.Tests.Storage;

/// <summary>
/// Each table's one mapper: what it writes it reads back, and a row written before a column existed (or read with
/// a projection) reads with the defaults instead of failing. No storage needed: a mapper only builds and reads entities.
/// </summary>
public sealed class TableRowMapperTests
{
    private static readonly ServiceRef Service = new("acme", 2026, "svc1");
    private static readonly DateTimeOffset At = new(2026, 3, 15, 9, 30, 0, TimeSpan.Zero);

    private static NewService Delivered(string? email = "sam@acme.test") => new("svc1", new EndedService
    {
        Klantnummer = "k1", Perceel = Perceel.NaarWerk, Einddatum = new DateOnly(2026, 3, 15), Startdatum = new DateOnly(2025, 9, 1),
        Voornaam = "Sam", Voorletters = "S.", Tussenvoegsel = "de", Achternaam = "Vries", Email = email, Telefoon = "0612345678",
        Adres = "Straat 1", Postcode = "1234 AB", Woonplaats = "Utrecht", RedenBeeindiging = "Werk gevonden", Opdrachtgever = "UWV",
    }, "delivery-1", At);

    /// <summary>What a merge does in Table storage: the merged columns replace or add to the stored ones.</summary>
    private static TableEntity Merge(TableEntity stored, TableEntity update)
    {
        foreach (var (key, value) in update.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "odata.etag" or "Timestamp")))
            stored[key] = value;
        return stored;
    }

    [Fact]
    public void A_delivered_service_reads_back_as_written()
    {
        var entity = ServiceRows.New("acme_2026", Delivered());
        entity.ETag = new ETag("W/\"1\"");

        var row = ServiceRows.Read(entity);

        Assert.Equal(new ServiceRow("svc1", Perceel.NaarWerk, new DateOnly(2026, 3, 15), new DateOnly(2025, 9, 1), "Werk gevonden", "UWV",
            "delivery-1", At, HasEmail: true, Version: "W/\"1\"", MayHaveCorrections: false, MayHaveResponse: false), row);
        Assert.False(ServiceRows.Read(ServiceRows.New("acme_2026", Delivered(email: null))).HasEmail);
    }

    [Fact]
    public void A_new_row_says_it_has_no_correction_or_response_until_marked_and_a_row_from_before_the_marks_may_have_both()
    {
        var entity = ServiceRows.New("acme_2026", Delivered());
        Merge(entity, ServiceRows.CorrectionComing(Service));
        Assert.Equal((true, false), (ServiceRows.Read(entity).MayHaveCorrections, ServiceRows.Read(entity).MayHaveResponse));
        Merge(entity, ServiceRows.ResponseComing(Service));
        Assert.True(ServiceRows.Read(entity).MayHaveResponse);

        var older = ServiceRows.New("acme_2026", Delivered());
        older.Remove(ServiceColumns.MayHaveCorrections);
        older.Remove(ServiceColumns.MayHaveResponse);
        Assert.Equal((true, true), (ServiceRows.Read(older).MayHaveCorrections, ServiceRows.Read(older).MayHaveResponse));
    }

    [Fact]
    public void Fieldwork_merges_read_back_and_a_recorded_attempt_clears_the_claim()
    {
        var entity = ServiceRows.New("acme_2026", Delivered());
        Merge(entity, ServiceRows.Claim(Service, 0, At.AddMinutes(10)));
        Assert.Equal((0, At.AddMinutes(10)), (ServiceRows.Read(entity).ClaimStep, ServiceRows.Read(entity).ClaimUntil));

        Merge(entity, ServiceRows.Recorded(Service, new ContactStep(0), new ContactUpdate(StepsSent: 1, InvitedAt: At, Approached: true)));
        var invited = ServiceRows.Read(entity);
        Assert.Equal((1, At, true, (int?)null), (invited.StepsSent, invited.InvitedAt, invited.Approached, invited.ClaimStep));

        // Deferrals count for the step they were recorded for only: once that step is sent, they no longer count.
        Merge(entity, ServiceRows.Recorded(Service, new ContactStep(1), new ContactUpdate(RetryAfter: At.AddHours(1), Deferrals: 2)));
        Assert.Equal((2, At.AddHours(1)), (ServiceRows.Read(entity).Deferrals, ServiceRows.Read(entity).RetryAfter));
        Merge(entity, ServiceRows.Recorded(Service, new ContactStep(1), new ContactUpdate(StepsSent: 2, EmailBounced: true)));
        Assert.Equal((0, true), (ServiceRows.Read(entity).Deferrals, ServiceRows.Read(entity).EmailBounced));
    }

    [Fact]
    public void Responded_wins_over_a_later_opt_out()
    {
        var entity = ServiceRows.New("acme_2026", Delivered());
        Merge(entity, ServiceRows.OptedOut(Service));
        Assert.Equal(ServiceStatus.OptedOut, ServiceRows.Read(entity).Status);

        Merge(entity, ServiceRows.Responded(Service, 8));
        Merge(entity, ServiceRows.OptedOut(Service));
        var row = ServiceRows.Read(entity);
        Assert.Equal((ServiceStatus.Responded, true, (int?)8), (row.Status, row.Responded, row.Grade));
    }

    [Fact]
    public void An_old_or_projected_service_row_reads_with_defaults()
    {
        // Written before fieldwork columns existed, with only what the report selects.
        var old = new TableEntity("acme_2026", "svc1") { [ServiceColumns.Perceel] = "NaarWerk", [ServiceColumns.Einddatum] = "2026-03-15" };
        Assert.Equal(new ServiceRow("svc1", Perceel.NaarWerk, new DateOnly(2026, 3, 15)), ServiceRows.Read(old));

        var unreadable = new TableEntity("acme_2026", "svc2") { [ServiceColumns.Perceel] = "Onbekend", [ServiceColumns.Status] = "Later", [ServiceColumns.ClaimStep] = ServiceColumns.NoClaim };
        var row = ServiceRows.Read(unreadable);
        Assert.Equal(((Perceel?)null, (DateOnly?)null, ServiceStatus.Open, (int?)null), (row.Perceel, row.Einddatum, row.Status, row.ClaimStep));
        Assert.Null(ServiceRows.Read(new TableEntity("acme_2026", "svc3") { [ServiceColumns.Perceel] = "7" }).Perceel);

        var known = new TableEntity("acme_2026", "svc4");
        Assert.Equal(("svc4", (string?)null), (ServiceRows.Read(known).Id, ServiceRows.Read(known).DeliveryId));
    }

    [Fact]
    public void Contact_data_reads_back_as_written()
    {
        var contact = ContactRows.Read(ContactRows.New("acme_2026", Delivered()));
        Assert.Equal(new ContactDetails("k1", "Sam", "S.", "de", "Vries", "sam@acme.test", "0612345678", "Straat 1", "1234 AB", "Utrecht"), contact);
        Assert.Equal(new ContactDetails("k2", null, null, null, null, null, null, null, null, null),
            ContactRows.Read(new TableEntity("acme_2026", "svc2") { [ContactRows.Klantnummer] = "k2" }));
    }

    [Fact]
    public void An_attempt_reads_back_as_written_and_an_old_one_without_code_or_error()
    {
        var attempt = new ContactAttempt(Service, new ContactStep(1), ContactMode.Email, At, AttemptOutcome.Failed, 550, "SmtpCommandException");
        var entity = AttemptRows.Write(attempt);
        Assert.Equal("acme_2026", entity.PartitionKey);
        Assert.Equal(attempt, AttemptRows.Read("acme", 2026, entity));

        var old = new TableEntity("acme_2026", "svc1_0_1") { [AttemptRows.ServiceId] = "svc1", [AttemptRows.Step] = 0, [AttemptRows.Mode] = "letter", [AttemptRows.At] = At, [AttemptRows.Outcome] = "sent" };
        Assert.Equal(new ContactAttempt(Service, new ContactStep(0), ContactMode.Letter, At, AttemptOutcome.Sent), AttemptRows.Read("acme", 2026, old));
    }

    /// <summary>
    /// The population's read of the attempts asks only for <see cref="AttemptRows.CountedColumns"/> (no service id or step
    /// column): every row shape this code writes still reads with its service and step, from the row key.
    /// </summary>
    [Fact]
    public void A_counted_attempt_row_reads_its_service_and_step_from_the_row_key_for_every_shape_written()
    {
        var shapes = new (ContactAttempt Attempt, TableEntity Row)[]
        {
            Shape(new ContactAttempt(Service, new ContactStep(2), ContactMode.Email, At, AttemptOutcome.Deferred, 451, "Timeout"), AttemptRows.Write),
            Shape(new ContactAttempt(Service, new ContactStep(12), ContactMode.Phone, At, AttemptOutcome.CallBack, By: "piet@bureau.nl", CallBackAt: At.AddDays(1)),
                AttemptRows.WriteOnce),
            // A service id with '_' in it (not one ingest makes, but the key's parts are read from the end).
            Shape(new ContactAttempt(Service with { ServiceId = "svc_7" }, new ContactStep(1), ContactMode.Letter, At, AttemptOutcome.Sent), AttemptRows.Write),
            Shape(new ContactAttempt(Service with { ServiceId = "svc_7" }, ContactStep.Invitation, ContactMode.Phone, At, AttemptOutcome.WrongNumber),
                AttemptRows.WriteOnce),
        };
        foreach (var (attempt, row) in shapes)
        {
            var counted = new TableEntity(row.Where(c => AttemptRows.CountedColumns.Contains(c.Key)).ToDictionary());
            Assert.DoesNotContain(AttemptRows.ServiceId, counted.Keys);
            Assert.Equal(attempt with { SmtpCode = null, Error = null, By = null, CallBackAt = null }, AttemptRows.Read("acme", 2026, counted));
        }

        static (ContactAttempt, TableEntity) Shape(ContactAttempt attempt, Func<ContactAttempt, TableEntity> write) => (attempt, write(attempt));
    }

    /// <summary>A query of the responses names its columns (<see cref="ResponseRows.Columns"/>): every column the mapper writes must be among them.</summary>
    [Fact]
    public void The_response_columns_read_are_every_column_written()
    {
        var row = ResponseRows.Write(new StoredResponse(Service, Perceel.NaarWerk,
            new Answers("2026.1", new Dictionary<string, AnswerValue> { [Questionnaire.RapportcijferId] = new(6) }), At, ResponseMode.Phone, "piet@bureau.nl"));
        Assert.Equal(row.Keys.Where(k => k != "PartitionKey").Order(), ResponseRows.Columns.Order());
    }

    [Fact]
    public void An_attempt_is_stored_with_the_api_names_and_a_name_never_written_is_refused()
    {
        var entity = AttemptRows.Write(new ContactAttempt(Service, new ContactStep(2), ContactMode.Phone, At, AttemptOutcome.NoAnswer));
        Assert.Equal(("phone", "no-answer"), (entity.GetString(AttemptRows.Mode), entity.GetString(AttemptRows.Outcome)));

        entity[AttemptRows.Mode] = "fax";
        Assert.Throws<InvalidDataException>(() => AttemptRows.Read("acme", 2026, entity));
    }

    [Fact]
    public void A_response_reads_back_as_written()
    {
        var response = new StoredResponse(Service, Perceel.Praktijkassessment,
            new Answers("2026.1", new Dictionary<string, AnswerValue> { [Questionnaire.RapportcijferId] = new(8) }), At);
        var read = ResponseRows.Read(Service, ResponseRows.Write(response));
        Assert.Equal((response.Perceel, response.SubmittedAt, "2026.1", (int?)8), (read.Perceel, read.SubmittedAt, read.Answers.Version, read.Answers.Rapportcijfer));

        var empty = ResponseRows.Read(Service, new TableEntity("acme_2026", "svc1") { [ResponseRows.Perceel] = "NaarWerk" });
        Assert.Equal((0, (int?)null), (empty.Answers.Values.Count, empty.Answers.Rapportcijfer));
        // A row from before modes existed was answered on the web.
        Assert.Equal((ResponseMode.Web, (string?)null), (empty.Mode, empty.EnteredBy));
    }

    [Fact]
    public void A_phone_or_paper_response_keeps_its_mode_and_who_entered_it_and_a_call_its_interviewer()
    {
        var answers = new Answers("2026.1", new Dictionary<string, AnswerValue> { [Questionnaire.RapportcijferId] = new(6) });
        foreach (var mode in new[] { ResponseMode.Phone, ResponseMode.Paper })
        {
            var read = ResponseRows.Read(Service, ResponseRows.Write(new StoredResponse(Service, Perceel.NaarWerk, answers, At, mode, "piet@bureau.nl")));
            Assert.Equal((mode, "piet@bureau.nl"), (read.Mode, read.EnteredBy));
        }
        Assert.Equal(ResponseModes.Paper, ResponseRows.Write(new StoredResponse(Service, Perceel.NaarWerk, answers, At, ResponseMode.Paper)).GetString(ResponseRows.Mode));

        var call = new ContactAttempt(Service, new ContactStep(1), ContactMode.Phone, At, AttemptOutcome.CallBack, By: "piet@bureau.nl", CallBackAt: At.AddHours(4));
        Assert.Equal(call, AttemptRows.Read("acme", 2026, AttemptRows.Write(call)));
    }

    [Fact]
    public void A_delivery_reads_back_as_written_and_an_old_one_counts_one_run()
    {
        var record = new DeliveryRecord("acme", "abc123", "export.csv", DeliveryStatus.Processing, 12, At, At.AddMinutes(1), 3);
        Assert.Equal(record, DeliveryRows.Read(DeliveryRows.Write(record)));

        var old = new TableEntity("acme", "abc123") { [DeliveryRows.FileName] = "export.csv", [DeliveryRows.Status] = "accepted", [DeliveryRows.Rows] = 4, [DeliveryRows.StartedAt] = At };
        Assert.Equal(new DeliveryRecord("acme", "abc123", "export.csv", "accepted", 4, At, null, 1), DeliveryRows.Read(old));
    }

    [Fact]
    public void A_token_reads_back_with_its_purpose_and_an_old_one_is_a_survey_token()
    {
        var hash = new string('a', 64);
        Assert.Equal((Service, TokenPurpose.OptOut), TokenRows.Read(TokenRows.Write(hash, Service, TokenPurpose.OptOut)));
        var survey = TokenRows.Write(hash, Service, TokenPurpose.Survey);
        Assert.Equal("aa", survey.PartitionKey);
        Assert.False(survey.ContainsKey(TokenRows.Purpose));
        Assert.Equal((Service, TokenPurpose.Survey), TokenRows.Read(survey));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(100, 1)]
    [InlineData(101, 2)]
    [InlineData(250, 3)]
    public void A_mail_batchs_new_tokens_share_one_partition_per_transaction(int count, int partitions)
    {
        var made = new TableSurveyTokenStore(new TableServiceClient("UseDevelopmentStorage=true"), new RecentTokens(TimeProvider.System)).NewTokens(count);

        Assert.Equal(count, made.Select(t => t.Token).Distinct().Count());
        Assert.All(made, t => Assert.Equal(Kto.Core.Access.SecretKeys.Hash(t.Token), t.Hash));
        // In order, a transaction's worth at a time: SaveAllAsync then writes each group in one transaction.
        var groups = made.Select((t, i) => (Group: i / FieldworkBatches.MaxPerTransaction, Partition: TokenRows.PartitionOf(t.Hash))).Distinct().ToList();
        Assert.Equal(partitions, groups.Count);
        Assert.Equal(partitions, groups.Select(g => g.Group).Distinct().Count());
    }

    [Fact]
    public void A_mail_run_reads_back_as_written_and_an_old_one_counts_zero()
    {
        var id = MailRunIds.New(MailJob.SendInvitations, At);
        var run = new MailRun(id, "send-invitations", At, "timer", MailRunStatus.Completed, At, At.AddMinutes(2), At.AddMinutes(2),
            Sent: 5, Deferred: 1, Bounced: 2, Unknown: 1, SkippedBusy: 3, Errors: 1, Stopped: "done", NextRunAt: At.AddHours(1), Error: "IOException");
        var entity = MailRunRows.Write(run);
        Assert.Equal(run, MailRunRows.Read(entity));

        foreach (var column in new[] { MailRunRows.SkippedBusy, MailRunRows.Errors, MailRunRows.Unknown }) entity.Remove(column);
        Assert.Equal(run with { SkippedBusy = 0, Errors = 0, Unknown = 0 }, MailRunRows.Read(entity));
    }

    [Fact]
    public void A_company_reads_back_as_written_and_one_without_a_name_shows_its_id()
    {
        var company = new Company("acme", "Acme Re-integratie", At);
        var entity = CompanyRows.Write(company, "hash");
        Assert.Equal((company, "hash"), (CompanyRows.Read(entity), CompanyRows.KeyHashOf(entity)));
        Assert.Equal(new Company("old", "old", DateTimeOffset.MinValue), CompanyRows.Read(new TableEntity(TableKeys.CompanyPartition, "old")));
    }

    [Fact]
    public void Report_rows_read_back_as_written_and_an_unfinished_version_or_old_draft_is_none()
    {
        var draft = new ReportDraftInfo("abc", At, "ok");
        Assert.Equal(draft, ReportRows.ReadDraft(ReportRows.Draft("acme", 2026, draft)));
        Assert.Null(ReportRows.ReadDraft(new TableEntity("acme_2026", ReportRows.DraftRow) { [ReportRows.GeneratedAt] = At }));

        var version = ReportRows.Reserved("acme", 2026, 12, "d1", "Bureau", At);
        Assert.Equal(("acme_2026", "v0012", 12), (version.PartitionKey, version.RowKey, ReportRows.VersionOf(version.RowKey)));
        Assert.Null(ReportRows.ReadVersion(version));
        Merge(version, ReportRows.Completed("acme", 2026, 12, "sha", "ok"));
        Assert.Equal(new ReportVersionInfo(12, "Bureau", At, "sha", "ok", "d1"), ReportRows.ReadVersion(version));

        Assert.Equal(("acme", new VerifiedReport("Acme", 2026, 12, At)), ReportRows.ReadVerify(ReportRows.Verify("sha", "acme", "Acme", 2026, 12, At)));

        var claim = ReportRows.Claim("acme", 2026, "key", 12, At);
        Assert.Equal(("acme_2026", "sign_key", (12, At)), (claim.PartitionKey, claim.RowKey, ReportRows.ReadClaim(claim)));
        Assert.Null(ReportRows.ReadVersion(claim)); // a claim is never read as a version
    }
}
