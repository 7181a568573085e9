using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Deliveries;
using Kto.Core.Settings;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Deliveries;

/// <summary>The upload use case against an in-memory inbox: stored, refused by name, or refused with a receipt when too large.</summary>
public class DeliveryUploadServiceTests
{
    private readonly InMemoryDeliveryInbox inbox = new();
    private readonly ReceiptOnlyDeliveryStore receipts = new();
    private readonly DeliveryUploadService uploads;
    private readonly Kto.Core.Tests.Accounts.InMemoryAccounts audit = new();

    public DeliveryUploadServiceTests()
    {
        var companies = new InMemoryCompanyStore();
        companies.TryAddAsync(new Company("acme", "Acme", DateTimeOffset.UnixEpoch), "h", default).Wait();
        var settings = new DeliverySettings { MaxFileBytes = 10 };
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        uploads = new DeliveryUploadService(companies, inbox, new DeliveryIngestService(receipts, new DeliveryParser(settings), settings, time), settings,
            audit, time);
    }

    private Task<DeliveryUpload> UploadAsync(string company, string name, int bytes, long? declared = null) =>
        uploads.UploadAsync("anna@acme.test", company, name, new MemoryStream(new byte[bytes]), declared, default);

    [Fact]
    public async Task A_file_within_the_limit_is_stored_once_and_a_second_upload_of_the_name_is_refused()
    {
        Assert.Equal(DeliveryUploadOutcome.Stored, (await UploadAsync("acme", "maart.csv", 10)).Outcome);
        Assert.Equal(DeliveryUploadOutcome.NameTaken, (await UploadAsync("acme", "maart.csv", 3)).Outcome);

        Assert.Equal(10, inbox.Files["acme/maart.csv"].Length);
        Assert.Empty(receipts.Receipts);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_not_stored_but_gets_a_refusal_receipt()
    {
        var upload = await UploadAsync("acme", "maart.csv", 11);

        Assert.Equal(DeliveryUploadOutcome.TooLarge, upload.Outcome);
        Assert.Equal(DeliveryCodes.FileTooLarge, upload.Refusal!.Refusal!.Code);
        Assert.Same(upload.Refusal, receipts.Receipts[("acme", "maart.csv")]);
        Assert.Empty(inbox.Files);
    }

    [Fact]
    public async Task A_declared_length_of_exactly_the_limit_is_read_and_stored()
    {
        var upload = await UploadAsync("acme", "maart.csv", 10, declared: 10);

        Assert.Equal(DeliveryUploadOutcome.Stored, upload.Outcome);
        Assert.Equal(10, inbox.Files["acme/maart.csv"].Length);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_unread()
    {
        var upload = await UploadAsync("acme", "maart.csv", 1, declared: 11);

        Assert.Equal(DeliveryUploadOutcome.TooLarge, upload.Outcome);
        Assert.Equal(0, inbox.Reads);
    }

    [Fact]
    public async Task Unknown_companies_and_bad_names_never_reach_the_inbox()
    {
        Assert.Equal(DeliveryUploadOutcome.UnknownCompany, (await UploadAsync("other", "maart.csv", 1)).Outcome);
        Assert.Equal(DeliveryUploadOutcome.InvalidName, (await UploadAsync("acme", "../maart.csv", 1)).Outcome);
        Assert.Equal(0, inbox.Reads);
    }

    [Fact]
    public async Task Stored_and_too_large_uploads_are_audited_with_who_uploaded_and_refused_names_are_not()
    {
        await UploadAsync("acme", "maart.csv", 10);
        await UploadAsync("acme", "maart.csv", 3);
        await UploadAsync("acme", "april.csv", 11);
        await UploadAsync("acme", "../x.csv", 1);

        Assert.Equal(
            [("anna@acme.test", AuditActions.Upload, "acme", "maart.csv"), ("anna@acme.test", AuditActions.Upload, "acme", "april.csv (te groot, geweigerd)")],
            audit.Audit.Select(e => (e.Actor, e.Action, e.Company, e.Detail)));
    }
}
