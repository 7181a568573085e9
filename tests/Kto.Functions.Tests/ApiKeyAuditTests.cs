using System.Net;
using System.Net.Http.Json;
using Kto.Core.Accounts;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests;

/// <summary>
/// Issue 13, "who did what": uploads and recorded attempts made with an API key (a company's IT by script, the
/// bureau's ./kto) are in the audit log like a person's, with the key as the actor. Refused calls leave nothing.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class ApiKeyAuditTests(LocalStack stack)
{
    [Fact]
    public async Task An_upload_with_a_company_key_is_audited_as_that_companys_key_and_a_refused_name_is_not()
    {
        var (company, key) = await stack.NewCompanyAsync("audit");
        await stack.DeliverAsync(company, "mei.csv", Exports.Csv(Exports.Row("A1")), key);
        using var api = stack.Api(key);
        Assert.Equal(409, (await api.UploadDeliveryAsync(company, "mei.csv", Exports.Csv(Exports.Row("A2")))).Status);

        var upload = Assert.Single(await AuditAsync(), e => e.Company == company && e.Action == AuditActions.Upload);
        Assert.Equal($"API-sleutel {company}", upload.Actor);
        Assert.Equal("mei.csv", upload.Detail);
    }

    [Fact]
    public async Task A_letter_recorded_with_the_bureau_key_is_audited_as_the_bureau_key_and_a_bad_one_is_not()
    {
        var (company, _) = await stack.NewCompanyAsync("audit");
        var service = await StoredServices.StoreAsync(stack, company, "B1", new DateOnly(2026, 3, 1));

        var bad = await stack.Bureau().PostAsJsonAsync($"/api/companies/{company}/attempts", new { year = 2026, service, mode = "letter", outcome = "reached" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var ok = await stack.Bureau().PostAsJsonAsync($"/api/companies/{company}/attempts", new { year = 2026, service, mode = "phone", outcome = "no-answer" });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);

        var entry = Assert.Single(await AuditAsync(), e => e.Company == company && e.Action == AuditActions.AttemptRecorded);
        Assert.Equal("API-sleutel bureau", entry.Actor);
        Assert.Equal($"Gebeld: geen gehoor (dienst {service}, 2026)", entry.Detail);
    }

    private Task<IReadOnlyList<AuditEntry>> AuditAsync() => stack.Services.GetRequiredService<IAuditLog>().RecentAsync(1000, default);
}
