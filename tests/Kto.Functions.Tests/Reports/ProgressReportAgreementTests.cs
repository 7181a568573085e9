using System.Text.Json;
using Azure.Data.Tables;
using Kto.Core;
using Kto.Core.Questionnaires;
using Kto.Core.Survey;
using Kto.Functions.Tests.Support;
using Kto.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;
using static Kto.Functions.Tests.Reports.ReportStack;

namespace Kto.Functions.Tests.Reports;

/// <summary>
/// Progress and the annual report count the same facts (the attempts and responses tables), so they agree through
/// the real routes: on ordinary data, and after a crash between the response write and the service update.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class ProgressReportAgreementTests(LocalStack stack)
{
    [Fact]
    public async Task Progress_and_report_agree_also_after_a_crash_between_response_and_service_update()
    {
        var (company, _) = await HandComputedCompanyAsync(stack);
        var services = await ServicesAsync(stack, company);

        // s5 answers, and the process dies after the responses row was written, before the service row was updated.
        var crashed = services["s5"];
        var questionnaire = stack.Services.GetRequiredService<QuestionnaireCatalog>().Current;
        var answers = new Answers(questionnaire.Version, new Dictionary<string, AnswerValue> { [Questionnaire.RapportcijferId] = new(10) });
        Assert.True(await stack.Services.GetRequiredService<IResponseStore>()
            .TryAddAsync(new StoredResponse(crashed, Perceel.NaarWerk, answers, Tuesday.AddDays(2)), CancellationToken.None));
        var serviceRow = await stack.Services.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.ServicesTable)
            .GetEntityAsync<TableEntity>(TableKeys.CompanyYear(company, 2026), crashed.ServiceId);
        Assert.False(ServiceRows.Read(serviceRow.Value).Responded); // the crash left the service row behind

        var progress = JsonDocument.Parse(await stack.Bureau().GetStringAsync($"/api/companies/{company}/progress?year=2026")).RootElement
            .GetProperty("percelen").EnumerateArray().ToDictionary(p => p.GetProperty("perceel").GetString()!);
        await RunReportAsync(stack, company);
        var report = JsonDocument.Parse(await DownloadAsync(stack.Bureau(), company, "report.json")).RootElement
            .GetProperty("percelen").EnumerateArray().ToDictionary(p => p.GetProperty("figures").GetProperty("perceel").GetString()!);

        Assert.Equal(report.Keys.Order(), progress.Keys.Order());
        foreach (var (perceel, p) in progress)
        {
            var f = report[perceel].GetProperty("figures");
            Assert.Equal(
                (f.GetProperty("ended").GetInt32(), f.GetProperty("approached").GetInt32(), f.GetProperty("responded").GetInt32()),
                (p.GetProperty("ended").GetInt32(), p.GetProperty("approached").GetInt32(), p.GetProperty("responded").GetInt32()));
            var grades = f.GetProperty("grades").EnumerateArray().Select(g => g.GetInt32()).ToList();
            if (grades.Count == 0) Assert.Equal(JsonValueKind.Null, p.GetProperty("meanGrade").ValueKind);
            else Assert.Equal(Math.Round(grades.Average(), 2), p.GetProperty("meanGrade").GetDouble(), 9);
        }

        // The crashed answer counts in both: Naar werk has s1–s4 and s5 (8, 9, 6, 7, 10).
        Assert.Equal((6, 6, 5), (progress["Naar werk"].GetProperty("ended").GetInt32(), progress["Naar werk"].GetProperty("approached").GetInt32(),
            progress["Naar werk"].GetProperty("responded").GetInt32()));
        Assert.Equal(8.0, progress["Naar werk"].GetProperty("meanGrade").GetDouble(), 9);
    }
}
