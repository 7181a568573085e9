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

    public DeliveryUploadServiceTests()
    {
        var companies = new InMemoryCompanyStore();
        companies.TryAddAsync(new Company("acme", "Acme", DateTimeOffset.UnixEpoch), "h", default).Wait();
        var settings = new DeliverySettings { MaxFileBytes = 10 };
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        uploads = new DeliveryUploadService(companies, inbox, new DeliveryIngestService(receipts, new DeliveryParser(settings), settings, time), settings);
    }

    private Task<DeliveryUpload> UploadAsync(string company, string name, int bytes, long? declared = null) =>
        uploads.UploadAsync(company, name, new MemoryStream(new byte[bytes]), declared, default);

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
}
