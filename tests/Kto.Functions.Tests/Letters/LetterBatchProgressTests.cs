using System.Text;
using Kto.Core.Letters;
using Kto.Functions.Tests.Browser;
using Kto.Functions.Tests.Portal;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kto.Functions.Tests.Letters;

/// <summary>
/// A letter batch made in the background (the Durable run of Kto.Local, Azurite, Chromium): the letters page shows
/// "Bezig: 2 van 5 brieven" and refreshes itself, a second make answers with the batch being made (and starts its run
/// when the request that started it stopped before doing so), then the page shows the one finished batch. The stack
/// draws 2 letters per step, so 5 letters are 3 PDF parts merged into one.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class LetterBatchProgressTests(LocalStack stack) : IAsyncLifetime
{
    private readonly Chromium chromium = new();

    public Task InitializeAsync() => chromium.InitializeAsync();

    public Task DisposeAsync() => chromium.DisposeAsync();

    private static byte[] FiveLetters(DateTime end) => Encoding.UTF8.GetBytes(string.Join("\n",
        new[] { LetterBatchTests.Header }.Concat(Enumerable.Range(1, 5).Select(i =>
            $"V{i};A.;;Achternaam{i};;;Kerkstraat {i};1234 AB;Utrecht;Naar werk;{end:dd-MM-yyyy}"))) + "\n");

    [Fact]
    public async Task The_letters_page_shows_the_progress_then_the_finished_batch_and_a_second_make_joins_the_batch_being_made()
    {
        var (company, _) = await stack.NewCompanyAsync("voortg");
        var end = DateTime.Today.AddDays(-10);
        var year = end.Year;
        await stack.DeliverAsync(company, "brieven.csv", FiveLetters(end));

        // A batch whose run found its letters and drew the first part, and then was not going on: the request that
        // started it stopped before scheduling the run (the steps are the run's own, called as its activities call them).
        var letters = stack.Services.GetRequiredService<LetterBatchService>();
        var started = await letters.StartAsync(company, year, "piet@bureau.nl", default);
        var id = started.Batch!.Id;
        await letters.PlanAsync(company, id, default);
        await letters.WritePartAsync(company, id, 0, default);

        var bureauEmail = $"voortgang-{Guid.NewGuid().ToString("N")[..8]}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, bureauEmail, null);
        var page = await (await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 320, Height = 740 }, Locale = "nl-NL", BypassCSP = true,
        })).NewPageAsync();
        await page.GotoAsync(await PortalClient.LinkAsync(stack, bureauEmail));
        await page.ClickAsync("button[type=submit]");

        var url = $"{stack.BaseUrl}/portal/bureau/fieldwork/{company}/letters?year={year}";
        await page.GotoAsync(url);
        Assert.Contains("Bezig: 2 van 5 brieven", await page.TextContentAsync("#making"));
        Assert.Equal("3", await page.Locator("body").GetAttributeAsync("data-refresh-after"));
        Assert.Equal(0, await page.Locator("button:has-text('Brieven maken')").CountAsync()); // no second batch from the page
        Assert.Contains("wordt gemaakt", await page.TextContentAsync($"#batch-{id}"));
        // axe and the screenshots on this very page, its reload stopped with the page's own button (WCAG 2.2.2).
        await page.GotoAsync(url);
        await page.ClickAsync("[data-refresh-stop]");
        Assert.Contains("Bezig: 2 van 5 brieven", await page.TextContentAsync("#making"));
        await PageChecks.CheckPhoneAndDesktopAsync(page, "letters-06-making");
        await page.UnrouteAsync(url);

        // A second make: the batch being made is the answer (202, its status), and its missing run is started.
        var api = stack.Api();
        var again = await api.MakeLetterBatchAsync(company, year);
        Assert.Equal(202, again.Status);
        Assert.Equal(id, again.JsonString("id"));
        Assert.Equal($"/api/companies/{company}/letter-batches/{id}", again.Location);

        // The page refreshes itself until the batch is made.
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync($"#batch-{id} a:has-text('PDF')", new PageWaitForSelectorOptions { Timeout = 60_000 });
        Assert.Equal(0, await page.Locator("#making").CountAsync());
        Assert.Equal(0, await page.Locator("body[data-refresh-after]").CountAsync());
        Assert.Equal(1, await page.Locator("table.runs tbody tr").CountAsync()); // one batch, never two
        Assert.Contains("nog niet verstuurd", await page.TextContentAsync($"#batch-{id}"));
        await PageChecks.CheckPhoneAndDesktopAsync(page, "letters-07-made");

        var status = await api.GetJobRunAsync($"/api/companies/{company}/letter-batches/{id}");
        Assert.Equal(("open", 5, 5), (status.JsonString("status"), status.Json().GetProperty("done").GetInt32(), status.Json().GetProperty("total").GetInt32()));
        var (pdfStatus, pdf) = await api.DownloadAsync(status.JsonString("pdf")!);
        Assert.Equal(200, pdfStatus);
        // Each letter starts a sheet of 4 pages (letter, form, blank): the three parts in order, one letter each.
        var names = Enumerable.Range(0, 5).Select(i => LetterPdf.Text(pdf, 1 + 4 * i, LetterPdf.Window)).ToList();
        for (var i = 1; i <= 5; i++)
            Assert.Single(names, n => n.Contains($"Achternaam{i}"));
        var posted = await api.MarkLettersPostedAsync(company, id);
        Assert.Equal(5, posted.Json().GetProperty("recorded").GetInt32());
    }
}
