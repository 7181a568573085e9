using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kto.Core;
using Kto.Core.Accounts;
using Kto.Core.Questionnaires;
using Kto.Core.Survey;
using Kto.Functions.Tests.Browser;
using Kto.Functions.Tests.Portal;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kto.Functions.Tests.Interviews;

/// <summary>
/// Phone interviews and paper entry in Chromium on the real stack: the call list, the interviewer's screen (calls
/// recorded, audited), the questions read aloud and entered by keyboard, paper entry, axe-core on every page.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class InterviewPagesTests(LocalStack stack) : IAsyncLifetime
{
    private readonly Chromium chromium = new();

    public Task InitializeAsync() => chromium.InitializeAsync();

    public Task DisposeAsync() => chromium.DisposeAsync();

    private static string End => Invitations.Einddatum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    private async Task<(IPage Page, string Email)> SignedInBureauAsync(int width)
    {
        var email = $"interviewer-{Guid.NewGuid().ToString("N")[..8]}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, email, null);
        var page = await (await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 800 }, Locale = "nl-NL", BypassCSP = true,
        })).NewPageAsync();
        await page.GotoAsync(await PortalClient.LinkAsync(stack, email));
        await page.ClickAsync("button[type=submit]");
        return (page, email);
    }

    [Fact]
    public async Task An_interviewer_calls_the_phone_only_client_first_records_the_calls_and_enters_the_answers_by_keyboard()
    {
        var (company, _) = await stack.NewCompanyAsync("bel");
        await stack.DeliverAsync(company, "bellen.csv", Exports.Csv(
            $"B1;Bea;Mail;bea@{company}.test;0611111111;Naar werk;{End}",
            $"B2;Piet;Telefoon;;06-22 22 22 22;Naar werk;{End}"));
        var (page, interviewer) = await SignedInBureauAsync(320);

        await page.GotoAsync($"{stack.BaseUrl}/portal/bureau/calls/{company}?year={Invitations.Year}");
        var rows = page.Locator("table.calls tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Contains("Piet Telefoon", await rows.Nth(0).TextContentAsync()); // no e-mail, no address: first
        Assert.Contains("Bea Mail", await rows.Nth(1).TextContentAsync());
        Assert.Contains("Het is beltijd", await page.TextContentAsync(".notice"));
        await PageChecks.CheckAsync(page, "interview-01-call-list");

        await rows.Nth(0).Locator("th a").ClickAsync();
        Assert.Equal("tel:0622222222", await page.GetAttributeAsync("#tel", "href"));
        Assert.Contains("0 van de 5", await page.TextContentAsync("#call-count"));
        await PageChecks.CheckAsync(page, "interview-02-call-sheet");
        await page.GetByLabel("Geen gehoor").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vastleggen" }).ClickAsync();
        Assert.Contains("Vastgelegd: Geen gehoor", await page.TextContentAsync(".notice.ok"));
        Assert.Contains("1 van de 5", await page.TextContentAsync("#call-count"));

        // Call back without a time is refused; with one it is kept.
        await page.GetByLabel("Terugbellen op afgesproken tijd").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vastleggen" }).ClickAsync();
        Assert.Contains("Vul bij terugbellen de datum en tijd in", await page.TextContentAsync(".notice.error"));
        await PageChecks.AssertAccessibleAsync(page, "call sheet error");

        // The client picks up and agrees: straight on to the questions, read aloud.
        await page.GetByLabel("Bereikt: doet mee").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vastleggen" }).ClickAsync();
        Assert.Contains($"/portal/bureau/companies/{company}/answers/", page.Url);
        Assert.Contains("mode=phone", page.Url);
        Assert.Contains("Lees voor:", await page.TextContentAsync(".read-aloud"));
        await PageChecks.CheckAsync(page, "interview-03-questions");

        // Keyboard only: a grade by arrow keys, the agree questions by Tab and arrows, one mandatory question left open.
        await page.FocusAsync("#q-rapportcijfer-1");
        for (var i = 0; i < 6; i++) await page.Keyboard.PressAsync("ArrowRight");
        Assert.True(await page.IsCheckedAsync("#q-rapportcijfer-7"));
        foreach (var id in new[] { "begeleider-luistert", "begeleider-deskundig", "begeleider-bereikbaar", "afspraken-duidelijk", "afspraken-nagekomen", "meebeslissen-plan", "hulp-naar-werk" })
        {
            await page.FocusAsync($"#q-{id}-1");
            for (var i = 0; i < 3; i++) await page.Keyboard.PressAsync("ArrowDown"); // 1 → 4
        }
        await page.ClickAsync("button:has-text('Antwoorden opslaan')");
        Assert.Contains("Er is nog 1 vraag niet goed ingevoerd", await page.TextContentAsync("#error-summary"));
        Assert.True(await page.IsCheckedAsync("#q-rapportcijfer-7")); // kept
        await PageChecks.AssertAccessibleAsync(page, "questions with an error");
        await page.ClickAsync(".notice.error a"); // the summary link leads to the question
        await page.Keyboard.PressAsync("ArrowDown"); // informatie-duidelijk: 1 → 2
        await page.ClickAsync("button:has-text('Antwoorden opslaan')");
        Assert.Contains("De antwoorden zijn opgeslagen (telefonisch)", await page.TextContentAsync("#saved"));
        await PageChecks.CheckAsync(page, "interview-04-saved");

        var service = ServiceFromUrl(page.Url);
        var stored = await stack.Services.GetRequiredService<IResponseStore>().FindAsync(new ServiceRef(company, Invitations.Year, service), default);
        Assert.NotNull(stored);
        Assert.Equal((ResponseMode.Phone, interviewer, 7), (stored.Mode, stored.EnteredBy, stored.Answers.Rapportcijfer));
        Assert.Equal(4, stored.Answers["hulp-naar-werk"].Number);
        Assert.Equal(2, stored.Answers["informatie-duidelijk"].Number);
        var audit = await stack.Services.GetRequiredService<IAuditLog>().RecentAsync(500, default);
        Assert.Contains(audit, e => e.Action == AuditActions.AnswersEntered && e.Actor == interviewer && e.Company == company);
        Assert.Equal(2, audit.Count(e => e.Action == AuditActions.AttemptRecorded && e.Actor == interviewer && e.Company == company));

        // Answered: off the call list, and the calls are stored as phone attempts by the interviewer.
        var list = await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/companies/{company}/call-list?year={Invitations.Year}");
        Assert.Equal(["B1"], list.GetProperty("clients").EnumerateArray().Select(c => c.GetProperty("klantnummer").GetString()));
        await page.GotoAsync($"{stack.BaseUrl}/portal/bureau/calls/{company}/{service}?year={Invitations.Year}");
        Assert.Contains("al beantwoord", await page.TextContentAsync("main"));
        Assert.Contains(interviewer, await page.TextContentAsync(".calls-so-far"));
    }

    [Fact]
    public async Task A_typist_enters_a_returned_paper_form_and_a_second_entry_is_refused()
    {
        var (company, _) = await stack.NewCompanyAsync("papier");
        await stack.DeliverAsync(company, "papier.csv", Exports.Csv($"P1;Ria;Brief;;;Werkfit maken;{End}"));
        var (page, typist) = await SignedInBureauAsync(1280);
        await page.GotoAsync($"{stack.BaseUrl}/portal/bureau/fieldwork/{company}?year={Invitations.Year}");
        await page.ClickAsync("text=Papieren vragenlijst invoeren");
        Assert.Contains("mode=paper", page.Url);
        Assert.Equal(0, await page.Locator(".read-aloud").CountAsync());
        await PageChecks.CheckAsync(page, "interview-05-paper");

        foreach (var (id, value) in SurveyClient.ValidAnswers(grade: 5))
        {
            if (await page.Locator($"#q-{id}").CountAsync() > 0) await page.FillAsync($"#q-{id}", value);
            else await page.CheckAsync($"#q-{id}-{value}");
        }
        await page.ClickAsync("button:has-text('Antwoorden opslaan')");
        Assert.Contains("(papier)", await page.TextContentAsync("#saved"));

        var service = ServiceFromUrl(page.Url);
        var stored = await stack.Services.GetRequiredService<IResponseStore>().FindAsync(new ServiceRef(company, Invitations.Year, service), default);
        Assert.Equal((ResponseMode.Paper, typist, 5), (stored!.Mode, stored.EnteredBy, stored.Answers.Rapportcijfer));
        Assert.True(stored.Answers["begeleider-bereikbaar"].DontKnow);

        // The same form again (a second paper form, a back button): refused, the first answer stays.
        await page.GotoAsync($"{stack.BaseUrl}/portal/bureau/companies/{company}/answers/{service}?year={Invitations.Year}&mode=paper");
        Assert.Contains("al beantwoord", await page.TextContentAsync("#already"));
        await PageChecks.AssertAccessibleAsync(page, "paper already answered");

        // A company user gets the 404 of a page that does not exist.
        var companyUser = new PortalClient(stack);
        await PortalClient.AddUserAsync(stack, $"eigen@{company}.example.nl", company);
        await companyUser.SignInAsync($"eigen@{company}.example.nl");
        Assert.Equal(HttpStatusCode.NotFound, (await companyUser.Http.GetAsync($"/portal/bureau/companies/{company}/answers/{service}?year={Invitations.Year}&mode=paper")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await companyUser.Http.GetAsync($"/portal/bureau/calls/{company}")).StatusCode);
    }

    [Fact]
    public async Task A_typist_marks_questions_left_blank_on_paper_after_a_summary_that_names_and_links_them()
    {
        var invited = await Invitations.InviteAsync(stack, "blanco");
        var service = await Invitations.ServiceOfAsync(stack, invited.Tokens["blanco"]);
        var questionnaire = stack.Services.GetRequiredService<QuestionnaireCatalog>().Current;
        var (page, typist) = await SignedInBureauAsync(390);
        var url = $"{stack.BaseUrl}/portal/bureau/companies/{invited.Company}/answers/{service.ServiceId}?year={Invitations.Year}&mode=paper";
        await page.GotoAsync(url);
        Assert.Contains("kies dan ‘Niet ingevuld’", await page.TextContentAsync("p.hint"));

        // The grade and one statement are blank on the form; the typist first leaves them open.
        foreach (var (id, value) in SurveyClient.ValidAnswers(grade: 5).Where(a => a.Key is not ("rapportcijfer" or "begeleider-luistert")))
        {
            if (await page.Locator($"#q-{id}").CountAsync() > 0) await page.FillAsync($"#q-{id}", value);
            else await page.CheckAsync($"#q-{id}-{value}");
        }
        await page.ClickAsync("button:has-text('Antwoorden opslaan')");

        var summary = page.Locator(".error-summary");
        // The browser moves focus to an autofocus element at its next rendering opportunity, which may come just after the
        // click returns: wait for it (a page that never moves focus fails here after 5 s).
        await page.WaitForFunctionAsync("() => document.activeElement?.classList.contains('error-summary') === true", null, new() { Timeout = 5000 });
        var text = await summary.TextContentAsync() ?? "";
        Assert.Contains("Er zijn nog 2 vragen niet goed ingevoerd", text);
        Assert.Contains($"Vraag 1: {questionnaire.Find("rapportcijfer")!.Text.Nl}", text);
        Assert.Contains($"Vraag 2: {questionnaire.Find("begeleider-luistert")!.Text.Nl}", text);
        Assert.Contains("of ‘niet ingevuld’ als deze vraag op het formulier leeg is", text);
        Assert.DoesNotContain("U heeft deze vraag", await page.TextContentAsync("main"));
        Assert.Equal("#q-rapportcijfer-1", await summary.Locator("a").First.GetAttributeAsync("href"));
        await page.SetViewportSizeAsync(390, 844);
        await PageChecks.ScreenshotAsync(page, "interview-06-paper-blank-error-390");
        await page.SetViewportSizeAsync(320, 740);
        await PageChecks.CheckPhoneAndDesktopAsync(page, "interview-06-paper-blank-error");

        // The link leads to the question; "Niet ingevuld" for both, and the form is stored without a grade.
        await summary.Locator("a").First.ClickAsync();
        await page.CheckAsync("#q-rapportcijfer-niet-ingevuld");
        await page.CheckAsync("#q-begeleider-luistert-niet-ingevuld");
        await page.ClickAsync("button:has-text('Antwoorden opslaan')");
        Assert.Contains("(papier)", await page.TextContentAsync("#saved"));
        var stored = await stack.Services.GetRequiredService<IResponseStore>().FindAsync(service, default);
        Assert.Equal((ResponseMode.Paper, typist, (int?)null), (stored!.Mode, stored.EnteredBy, stored.Answers.Rapportcijfer));
        Assert.False(stored.Answers["begeleider-luistert"].IsAnswered);
        Assert.Equal(2, stored.Answers["hulp-naar-werk"].Number);
    }

    [Fact]
    public async Task Outside_calling_hours_the_list_says_so_and_is_read_only()
    {
        var (company, _) = await stack.NewCompanyAsync("laat");
        await stack.DeliverAsync(company, "laat.csv", Exports.Csv($"L1;Lot;Laat;;0633333333;Naar werk;{End}"));
        var hour = DutchTime.ToDutch(DateTimeOffset.UtcNow).Hour;
        // A calling window that does not hold this hour (nor the next, in case the hour turns during the test).
        var (from, until) = hour < 21 ? (hour + 2, 24) : (0, hour - 1);
        await using var host = await ExtraHost.StartAsync(stack, new Dictionary<string, string?>
        {
            ["Kto:Fieldwork:CallFromHour"] = from.ToString(CultureInfo.InvariantCulture),
            ["Kto:Fieldwork:CallUntilHour"] = until.ToString(CultureInfo.InvariantCulture),
        });
        var email = $"avond-{Guid.NewGuid().ToString("N")[..8]}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, email, null);
        var page = await (await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 320, Height = 800 }, Locale = "nl-NL", BypassCSP = true,
        })).NewPageAsync();
        await page.GotoAsync((await PortalClient.LinkAsync(stack, email)).Replace(stack.BaseUrl, host.BaseUrl));
        await page.ClickAsync("button[type=submit]");

        await page.GotoAsync($"{host.BaseUrl}/portal/bureau/calls/{company}?year={Invitations.Year}");
        Assert.Contains("Het is nu geen beltijd", await page.TextContentAsync(".notice.warn"));
        Assert.Contains($"van {from}:00 tot {until}:00 uur", await page.TextContentAsync(".notice.warn"));
        Assert.Contains("Lot Laat", await page.TextContentAsync("table.calls"));
        Assert.Equal(0, await page.Locator("table.calls a").CountAsync());
        await PageChecks.CheckAsync(page, "interview-06-closed-hours");
        var list = await host.Client(stack.BureauKey).GetFromJsonAsync<JsonElement>($"/api/companies/{company}/call-list?year={Invitations.Year}");
        Assert.False(list.GetProperty("callingTime").GetBoolean());
    }

    private static string ServiceFromUrl(string url) => new Uri(url).AbsolutePath.Split('/')[^1];
}
