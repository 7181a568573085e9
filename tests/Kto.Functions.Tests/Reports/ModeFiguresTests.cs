using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Kto.Functions.Tests.Portal;
using Kto.Functions.Tests.Support;
using static Kto.Functions.Tests.Reports.ReportStack;

namespace Kto.Functions.Tests.Reports;

/// <summary>
/// Per-mode figures on the real stack: approached by e-mail, letter and phone, answered online, by phone and on paper,
/// attempts per client and the unreachable client, the same in the progress API and page, report JSON, XLSX and PDF
/// text, and UWV checks 5 to 7 naming them.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class ModeFiguresTests(LocalStack stack)
{
    [Fact]
    public async Task Progress_and_the_report_count_each_mode_from_attempts_and_responses()
    {
        var (company, _) = await stack.NewCompanyAsync("modi");
        const string header = "klantnummer;voornaam;achternaam;email;telefoon;perceel;einddatum;adres;postcode;woonplaats";
        string[] rows =
        [
            $"w1;Wim;Web;w1@{company}.test;;Werkfit maken;15-04-2026;;;",
            $"w2;Tom;Telefoon;;0612345678;Werkfit maken;15-04-2026;;;",
            $"w3;Bep;Brief;;;Werkfit maken;15-04-2026;Dorpsstraat 1;1234 AB;Utrecht",
            $"w4;Nol;Niemand;;;Werkfit maken;15-04-2026;;;",
            $"w5;Stil;Mail;w5@{company}.test;;Werkfit maken;15-04-2026;;;",
        ];
        var receipt = await stack.DeliverAsync(company, "modi.csv", Encoding.UTF8.GetBytes(string.Join("\n", [header, .. rows]) + "\n"));
        Assert.Equal(5, receipt.GetProperty("accepted").GetInt32());
        await stack.RunJobAsync("send-invitations", Tuesday);
        var services = await ServicesAsync(stack, company);
        await AnswerAsync(stack, services["w1"], 8); // online, before the reminder
        await stack.RunJobAsync("send-reminders", Tuesday.AddDays(8));

        var api = stack.Api();
        Assert.True((await api.RecordCallAsync(company, 2026, services["w2"].ServiceId, "no-answer", "piet@bureau.nl")).IsSuccess);
        Assert.True((await api.RecordCallAsync(company, 2026, services["w2"].ServiceId, "reached", "piet@bureau.nl")).IsSuccess);
        Assert.True((await api.RecordAttemptAsync(company, 2026, services["w3"].ServiceId, "letter", "sent")).IsSuccess);
        var answers = JsonSerializer.SerializeToElement(SurveyClient.ValidAnswers(6));
        Assert.Equal(201, (await api.EnterAnswersAsync(company, 2026, services["w2"].ServiceId, "phone", answers, "piet@bureau.nl")).Status);
        Assert.Equal(201, (await api.EnterAnswersAsync(company, 2026, services["w3"].ServiceId, "paper", JsonSerializer.SerializeToElement(SurveyClient.ValidAnswers(7)))).Status);

        // By hand: ended 5; approached 4 (w4 has no route); clients by mode e-mail 2 (w1, w5), letter 1, phone 1; answered
        // web 1, phone 1, paper 1; approaches per client w1 1, w2 2, w3 1, w4 0, w5 2: mean 6/5 = 1.2, max 2; unreachable 1 (w4).
        var progress = (await api.GetProgressAsync(company, 2026)).Json();
        var werkfit = progress.GetProperty("percelen").EnumerateArray().Single(p => p.GetProperty("perceel").GetString() == "Werkfit maken");
        Assert.Equal((5, 4, 3), (werkfit.GetProperty("ended").GetInt32(), werkfit.GetProperty("approached").GetInt32(), werkfit.GetProperty("responded").GetInt32()));
        AssertModes(werkfit);
        Assert.Equal(1.2, werkfit.GetProperty("meanAttempts").GetDouble(), 9);
        Assert.Equal(2, werkfit.GetProperty("maxAttempts").GetInt32());

        await RunReportAsync(stack, company);
        var json = JsonDocument.Parse(await DownloadAsync(stack.Bureau(), company, "report.json")).RootElement;
        var perceel = json.GetProperty("percelen").EnumerateArray().Single(p => p.GetProperty("figures").GetProperty("perceel").GetString() == "Werkfit maken");
        var figures = perceel.GetProperty("figures");
        AssertModes(figures);
        Assert.Equal(1.2, figures.GetProperty("meanAttemptsPerService").GetDouble(), 9);
        Assert.Equal(2, figures.GetProperty("maxAttemptsPerService").GetInt32());
        Assert.Equal((3, 1, 2), (figures.GetProperty("attemptsByMode").GetProperty("email").GetInt32(), figures.GetProperty("attemptsByMode").GetProperty("letter").GetInt32(), figures.GetProperty("attemptsByMode").GetProperty("phone").GetInt32())); // 2 invitations + 1 reminder; 1 letter; 2 calls
        var checks = json.GetProperty("checklist").GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        Assert.Equal("failed", checks["all-approached"].GetProperty("status").GetString());
        Assert.Contains("Werkfit maken: 4 van 5 benaderd, 1 onbereikbaar", checks["all-approached"].GetProperty("explanation").GetString());
        Assert.Contains("Werkfit maken: e-mail, brief en telefoon", checks["method-account"].GetProperty("explanation").GetString());
        Assert.Contains("Geantwoord: 1 online, 1 telefonisch, 1 op papier", checks["method-account"].GetProperty("explanation").GetString());

        using var workbook = new XLWorkbook(new MemoryStream(await DownloadAsync(stack.Bureau(), company, "report.xlsx")));
        var summary = workbook.Worksheet("Samenvatting");
        var headers = summary.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        var row = summary.RowsUsed().Single(r => r.Cell(1).GetString() == "Werkfit maken");
        int Cell(string name) => row.Cell(headers[name]).GetValue<int>();
        Assert.Equal((2, 1, 1), (Cell("Klanten benaderd e-mail"), Cell("Klanten benaderd brief"), Cell("Klanten benaderd telefoon")));
        Assert.Equal((1, 1, 1), (Cell("Respons online"), Cell("Respons telefonisch"), Cell("Respons papier")));
        Assert.Equal((2, 1), (Cell("Hoogstens benaderd"), Cell("Onbereikbaar")));
        Assert.Equal(1.2, row.Cell(headers["Gemiddeld aantal keer benaderd"]).GetValue<double>(), 9);

        var text = PdfText(await DownloadAsync(stack.Bureau(), company, "report.pdf"));
        Assert.Contains("Klanten per manier 2 benaderd per e-mail, 1 per brief, 1 telefonisch", text);
        Assert.Contains("Respons per manier 1 online, 1 telefonisch, 1 op papier", text);
        Assert.Contains("Onbereikbaar 1 klant zonder bruikbaar e-mailadres, postadres en telefoonnummer", text);
        Assert.Contains("(gemiddeld 1,2, hoogstens 2)", text);
        Assert.Contains("1 klant is gebeld door een interviewer", text);
        Assert.Contains("2 klanten kregen een persoonlijke uitnodiging per e-mail", text);
        Assert.Contains("Van de deelnemers antwoordden er 1 online, 1 telefonisch en 1 op papier", text);
        Assert.Contains("1 klant zonder bruikbaar e-mailadres kreeg een brief", text);

        // The progress page shows the same figures.
        var bureau = new PortalClient(stack);
        var email = $"modi-{Guid.NewGuid().ToString("N")[..8]}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, email, null);
        await bureau.SignInAsync(email);
        var html = await bureau.Http.GetStringAsync($"/portal/companies/{company}/progress?year=2026");
        var modesRow = System.Text.RegularExpressions.Regex.Match(html, @"<th scope=""row"">Werkfit maken</th>\s*<td class=""num""[^>]*>2</td><td class=""num""[^>]*>1</td><td class=""num""[^>]*>1</td>\s*<td class=""num""[^>]*>1</td><td class=""num""[^>]*>1</td><td class=""num""[^>]*>1</td>\s*<td class=""num""[^>]*>1,2 \(max 2\)</td><td class=""num""[^>]*>1</td>");
        Assert.True(modesRow.Success, "the progress page's per-mode row for Werkfit maken");
    }

    private static void AssertModes(JsonElement figures)
    {
        var approached = figures.GetProperty("approachedByMode");
        Assert.Equal((2, 1, 1), (approached.GetProperty("email").GetInt32(), approached.GetProperty("letter").GetInt32(), approached.GetProperty("phone").GetInt32()));
        var responded = figures.GetProperty("respondedByMode");
        Assert.Equal((1, 1, 1), (responded.GetProperty("web").GetInt32(), responded.GetProperty("phone").GetInt32(), responded.GetProperty("paper").GetInt32()));
        Assert.Equal(1, figures.GetProperty("unreachable").GetInt32());
    }
}
