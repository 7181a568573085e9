using System.Diagnostics;
using System.Text;
using Kto.Bench.Support;
using Kto.Client;
using Kto.Core;
using Kto.Core.Access;
using Kto.Core.Fieldwork;
using Kto.Core.Letters;
using Kto.Core.Questionnaires;
using Kto.Core.Settings;
using Kto.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Bench.Scenarios;

/// <summary>
/// Scenario 6 (issue 14): a letter batch of <see cref="Letters"/> letters through <c>POST /api/companies/{c}/letter-batches</c>
/// on the local host (fresh link and short code per client in Azurite, the PDF with a QR code per letter and the paper
/// form, stored in blob), against rendering the same pages without QR codes in the same process; and the renderer
/// alone with and without QR codes, so the cost of the codes themselves shows apart from storage.
/// </summary>
public sealed class LettersScenario : AzuriteScenario
{
    public const int Letters = 1_000;

    public override string Name => "letters";

    protected override async Task<ScenarioResult> RunAsync(AzuriteServer azurite, CancellationToken cancellationToken)
    {
        var bureauKey = SecretKeys.Create();
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        await using var app = LocalApp.Build([], config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Kto:BureauKeyHash"] = SecretKeys.Hash(bureauKey),
            ["Kto:PublicBaseUrl"] = "https://kto.bureau.example",
            ["Kto:Bureau:Name"] = "Benchmarkbureau",
            ["Kto:Bureau:ContactEmail"] = "privacy@bureau.example",
            ["Local:RunTimers"] = "false",
            ["Local:BlobPollInterval"] = "00:00:00.500",
            ["Logging:LogLevel:Default"] = "Warning",
            ["urls"] = baseUrl,
        }));
        await app.StartAsync(cancellationToken);
        try
        {
            using var api = new KtoApiClient(new Uri(baseUrl), bureauKey, TimeSpan.FromMinutes(5));
            const string company = "bench-letters";
            (await api.AddCompanyAsync(company, "Benchmark Re-integratie", cancellationToken)).EnsureSuccess("POST /api/companies");
            const string file = "letters.csv";
            (await api.UploadDeliveryAsync(company, file, WithoutEmail(ExportFile.Csv(Letters)), cancellationToken)).EnsureSuccess("upload");
            var receipt = (await api.WaitForReceiptAsync(company, file, TimeSpan.FromMinutes(3), cancellationToken)).Json();
            if (receipt.GetProperty("accepted").GetInt32() != Letters) throw new InvalidOperationException($"delivery: {receipt}");
            var year = ExportFile.MailMoment.Year;

            // The whole batch through the real function: links and codes written, PDF rendered and stored.
            var clock = Stopwatch.StartNew();
            var made = (await api.MakeLetterBatchAndWaitAsync(company, year, TimeSpan.FromMinutes(30), cancellationToken)).EnsureSuccess("POST letter-batches");
            var batchSeconds = clock.Elapsed.TotalSeconds;
            var count = made.Json().GetProperty("letters").GetInt32();
            if (count != Letters) throw new InvalidOperationException($"batch: {made.Body}");
            var (status, pdf) = await api.DownloadAsync(made.JsonString("pdf")!, cancellationToken);
            if (status != 200) throw new InvalidOperationException($"PDF: {status}");

            // The same letters rendered in process: with QR codes, and the same pages without them.
            var document = await DocumentAsync(app.Services, company, year, cancellationToken);
            var renderer = app.Services.GetRequiredService<ILetterRenderer>();
            renderer.Render(document with { Letters = document.Letters.Take(5).ToList() }); // warm-up: fonts, JIT
            var withQr = Time(() => renderer.Render(document), out var withQrBytes);
            var noCodes = document with { Letters = document.Letters.Select(l => l with { SurveyUrl = null }).ToList() };
            var withoutQr = Time(() => renderer.Render(noCodes), out var withoutQrBytes);
            var perQrMs = (withQr - withoutQr) / Letters * 1000;

            var notes = new List<string>
            {
                $"{Letters} open clients without e-mail, each with a postal address; one batch of first letters. Per letter: page 1 the letter (window address, short code, QR code with the personal link), then the paper questionnaire (2 pages) and a blank page for duplex: {Letters * 4} pages, {pdf.Length / 1024.0 / 1024.0:F1} MB.",
                $"Batch through the API: {batchSeconds:F1} s ({Letters / batchSeconds:F0} letters/s): reading services, contacts and attempts, {Letters} survey tokens and {Letters} short codes written one by one to Azurite (a code is an insert that must not overwrite another client's), the PDF rendered, stored in blob, the batch rows written.",
                $"Renderer alone: {withQr:F2} s with QR codes ({withQrBytes / 1024.0 / 1024.0:F1} MB), {withoutQr:F2} s without ({withoutQrBytes / 1024.0 / 1024.0:F1} MB): a QR code costs about {perQrMs:F2} ms (QRCoder's matrix and one vector path per code).",
                $"What limits it (from the figures above): of the batch's {batchSeconds:F1} s, rendering with QR codes takes {withQr:F1} s, so storage, blob upload and HTTP take about {batchSeconds - withQr:F1} s; the QR codes add {withQr - withoutQr:F1} s to the {withoutQr:F1} s of the same pages without them.",
            };
            return new ScenarioResult(Name,
            [
                new Figure($"letter batch of {Letters} (API, Azurite, PDF with QR)", batchSeconds, "s", "the same pages rendered without QR codes", withoutQr, batchSeconds / withoutQr, "—", null),
                new Figure($"render {Letters} letters with QR codes", withQr, "s", "the same pages without QR codes", withoutQr, withQr / withoutQr, "—", null),
            ], notes);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    private static double Time(Func<byte[]> render, out long bytes)
    {
        var clock = Stopwatch.StartNew();
        bytes = render().LongLength;
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>The letters of the stored clients, with made-up links and codes of the real shapes.</summary>
    private static async Task<LetterDocument> DocumentAsync(IServiceProvider services, string company, int year, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IFieldworkStore>();
        var letters = new List<Letter>();
        await foreach (var candidate in store.CandidatesAsync(company, year, cancellationToken))
        {
            var contact = await store.GetContactAsync(candidate.Ref, cancellationToken);
            if (contact is null) continue;
            var (token, _) = Kto.Core.Survey.SurveyToken.New();
            letters.Add(new Letter(contact, candidate.Perceel, ContactStep.Invitation, ShortCode.Format(ShortCode.New()), $"https://kto.bureau.example/s?t={token}"));
        }
        var questionnaire = services.GetRequiredService<QuestionnaireCatalog>().Current;
        return new LetterDocument("Benchmark Re-integratie", year, new DateOnly(year + 1, 1, 31), DateTimeOffset.UtcNow, "https://kto.bureau.example/k", letters, questionnaire);
    }

    /// <summary>The benchmark export with every e-mail cell emptied: all clients need a letter.</summary>
    private static byte[] WithoutEmail(byte[] csv)
    {
        var lines = Encoding.UTF8.GetString(csv).Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(';');
            if (cells.Length > 4) cells[4] = "";
            lines[i] = string.Join(';', cells);
        }
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }
}
