using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kto.Core;
using Kto.Core.Fieldwork;
using Kto.Core.Questionnaires;
using Kto.Core.Survey;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Reports;

/// <summary>Builds the report fixtures through the real routes and jobs, runs the report and reads its files.</summary>
public static class ReportStack
{
    // A Tuesday, 10:00 in Amsterdam: inside mail hours, fieldwork of 2026 open.
    public static readonly DateTimeOffset Tuesday = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(1));

    public const string Header = "klantnummer;voornaam;achternaam;email;telefoon;perceel;einddatum;reden beëindiging";

    /// <summary>
    /// The hand-computed fixture: Naar werk s1–s6 (answers 8, 9, 6, 7 from s1–s4; s5 and s6 get a reminder),
    /// Praktijkassessment p1–p3 (no answers, a reminder each), no Werkfit maken or Modulaire services.
    /// </summary>
    public static async Task<(string Company, string Key)> HandComputedCompanyAsync(LocalStack stack)
    {
        var (company, key) = await stack.NewCompanyAsync("r");
        string Row(string id, string perceel, string date, string reason) =>
            $"{id};Sam;Jansen;{id}@{company}.test;0612345678;{perceel};{date};{reason}";
        var rows = new[]
        {
            Row("s1", "Naar werk", "15-03-2026", "Werk gevonden"),
            Row("s2", "Naar werk", "15-03-2026", "Geplaatst bij werkgever"),
            Row("s3", "Naar werk", "15-03-2026", "Voortijdig gestopt"),
            Row("s4", "Naar werk", "15-06-2026", "Geen werk gevonden"),
            Row("s5", "Naar werk", "15-06-2026", ""),
            Row("s6", "Naar werk", "15-06-2026", "Traject afgerond"),
            Row("p1", "Praktijkassessment", "10-09-2026", ""),
            Row("p2", "Praktijkassessment", "10-09-2026", ""),
            Row("p3", "Praktijkassessment", "10-09-2026", ""),
        };
        var receipt = await stack.DeliverAsync(company, "levering.csv", Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. rows]) + "\n"));
        Assert.Equal(9, receipt.GetProperty("accepted").GetInt32());

        await stack.RunJobAsync("send-invitations", Tuesday);
        var services = await ServicesAsync(stack, company);
        foreach (var (id, grade) in new[] { ("s1", 8), ("s2", 9), ("s3", 6), ("s4", 7) })
            await AnswerAsync(stack, services[id], grade);
        await stack.RunJobAsync("send-reminders", Tuesday.AddDays(8));
        return (company, key);
    }

    public static async Task AnswerAsync(LocalStack stack, ServiceRef service, int grade)
    {
        var questionnaire = stack.Services.GetRequiredService<QuestionnaireCatalog>().Current;
        var answers = new Answers(questionnaire.Version, new Dictionary<string, AnswerValue>
        {
            [Questionnaire.RapportcijferId] = new(grade),
            ["begeleider-luistert"] = new(4),
        });
        var perceel = (await stack.Services.GetRequiredService<IFieldworkStore>().GetAsync(service, CancellationToken.None))!.Perceel;
        Assert.True(await stack.Services.GetRequiredService<IResponseStore>()
            .TryAddAsync(new StoredResponse(service, perceel, answers, Tuesday.AddDays(1)), CancellationToken.None));
        Assert.True(await stack.Services.GetRequiredService<ISurveyServiceStore>().MarkRespondedAsync(service, grade, CancellationToken.None));
    }

    public static async Task<Dictionary<string, ServiceRef>> ServicesAsync(LocalStack stack, string company)
    {
        var fieldwork = stack.Services.GetRequiredService<IFieldworkStore>();
        var map = new Dictionary<string, ServiceRef>();
        await foreach (var c in fieldwork.CandidatesAsync(company, 2026, CancellationToken.None))
            map[(await fieldwork.GetContactAsync(c.Ref, CancellationToken.None))!.Klantnummer] = c.Ref;
        return map;
    }

    /// <summary>Starts the report through the HTTP starter and polls its status location until it completed.</summary>
    public static async Task RunReportAsync(LocalStack stack, string company, int year = 2026)
    {
        var start = await stack.Bureau().PostAsync($"/api/reports/{year}/{company}", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var location = start.Headers.Location!.ToString();
        Assert.Equal($"/api/report-runs/report-{year}-{company}", location);
        var until = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < until)
        {
            var status = await stack.Bureau().GetFromJsonAsync<JsonElement>(location);
            var state = status.GetProperty("status").GetString();
            if (state == "Completed") return;
            Assert.True(state is "Pending" or "Running", $"report run ended as {state}: {status}");
            await Task.Delay(200);
        }
        throw new TimeoutException("The report run did not complete.");
    }

    public static async Task<byte[]> DownloadAsync(HttpClient client, string company, string file, string version = "draft", int year = 2026)
    {
        var response = await client.GetAsync($"/api/reports/{year}/{company}/{file}?version={version}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>One word pdftotext found, with its page (from 1) and top-left corner in points.</summary>
    public sealed record PdfWord(int Page, double X, double Y, string Text);

    /// <summary>Every word of the PDF with its place (pdftotext -bbox), to read a table cell by its column and row.</summary>
    public static IReadOnlyList<PdfWord> PdfWords(byte[] pdf)
    {
        var path = TestTemp.File($"kto-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-bbox", "-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true })!;
            var html = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            var words = new List<PdfWord>();
            var pages = html.Split("<page ");
            for (var page = 1; page < pages.Length; page++)
                foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(pages[page],
                             @"<word xMin=""([\d.]+)"" yMin=""([\d.]+)"" xMax=""[\d.]+"" yMax=""[\d.]+"">([^<]*)</word>"))
                    words.Add(new(page, double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                        double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), WebUtility.HtmlDecode(m.Groups[3].Value)));
            return words;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The PDF's text as pdftotext (poppler) extracts it, whitespace (line breaks of wrapped text) collapsed to one space.</summary>
    public static string PdfText(byte[] pdf)
    {
        var path = TestTemp.File($"kto-{Guid.NewGuid():N}.pdf");
        // KTO_REPORT_DUMP=DIR keeps a copy of every PDF a test reads, to look at them as a person would.
        if (Environment.GetEnvironmentVariable("KTO_REPORT_DUMP") is { Length: > 0 } dump)
        {
            Directory.CreateDirectory(dump);
            File.WriteAllBytes(Path.Combine(dump, $"report-{DateTime.UtcNow:HHmmssfff}.pdf"), pdf);
        }
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"])
            {
                RedirectStandardOutput = true,
            })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
