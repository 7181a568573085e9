using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kto.Core.Keurmerk;
using Kto.Core.Survey;
using Kto.Functions.Tests.Browser;
using Kto.Functions.Tests.Portal;
using Kto.Functions.Tests.Reports;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kto.Functions.Tests.Keurmerk;

/// <summary>
/// Opdrachtgevers without a usable e-mail address (Blik op Werk) on the real stack (Kto.Local, Azurite, the SMTP
/// server, Chromium): delivered with a phone or a postal address, on the bureau's call list beside the clients and
/// labelled "Opdrachtgever", called and interviewed on the opdrachtgever questionnaire, the answer stored as an
/// opdrachtgever response with mode phone, and the Keurmerk figures counting approached and responded per mode.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class OpdrachtgeverCallPagesTests(LocalStack stack) : IAsyncLifetime
{
    private readonly Chromium chromium = new();

    public Task InitializeAsync() => chromium.InitializeAsync();

    public Task DisposeAsync() => chromium.DisposeAsync();

    [Fact]
    public async Task An_opdrachtgever_without_email_is_on_the_call_list_is_interviewed_by_phone_and_counted_per_mode_in_the_keurmerk_figures()
    {
        var (company, _) = await stack.NewCompanyAsync("ogbel");
        var domain = company + ".og.test";
        var end = Invitations.Einddatum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        await stack.DeliverAsync(company, "klanten.csv", Exports.Csv($"B1;Bea;Telefoon;;0611111111;Naar werk;{end}"));
        // The optional address columns are taken; a list without them stays as valid as before (KeurmerkTests).
        var list = Encoding.UTF8.GetBytes(string.Join("\n",
            "organisatie;contactpersoon;email;telefoon;aantal trajecten;adres;postcode;woonplaats",
            "UWV Utrecht;Anna de Boer;;030-123 45 67;12;;;",
            $"Gemeente Zeist;Piet Smit;piet@{domain};;3;;;",
            "Werkgever BV;Kees;;;1;Stationsplein 1;3511 AB;Utrecht") + "\n");
        var receipt = await stack.DeliverAsync(company, "opdrachtgevers.csv", list);
        Assert.Equal(("opdrachtgevers", 3), (receipt.GetProperty("kind").GetString(), receipt.GetProperty("accepted").GetInt32()));
        var store = stack.Services.GetRequiredService<IOpdrachtgeverStore>();
        var werkgever = new ServiceRef(company, Invitations.Year, OpdrachtgeverIds.Of("Werkgever BV"));
        var address = await ((Kto.Core.Fieldwork.IFieldworkStore)store).GetContactAsync(werkgever, default);
        Assert.Equal(("Stationsplein 1", "3511 AB", "Utrecht"), (address!.Adres, address.Postcode, address.Woonplaats));

        // Piet has e-mail: the mail job approaches him by e-mail.
        await stack.RunJobAsync("send-invitations", Invitations.MailTime);
        Assert.Single(stack.Smtp.To(domain));

        var email = $"interviewer-{Guid.NewGuid().ToString("N")[..8]}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, email, null);
        var page = await (await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 320, Height = 740 }, Locale = "nl-NL", BypassCSP = true,
        })).NewPageAsync();
        await page.GotoAsync(await PortalClient.LinkAsync(stack, email));
        await page.ClickAsync("button[type=submit]");

        // The call list: the client and Anna (no e-mail, a phone); Piet has no phone, Kees only a postal address.
        await page.GotoAsync($"{stack.BaseUrl}/portal/bureau/calls/{company}?year={Invitations.Year}");
        var rows = page.Locator("table.calls tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        var anna = rows.Filter(new() { HasText = "Anna de Boer" });
        Assert.Contains("UWV Utrecht", await anna.TextContentAsync());
        Assert.Equal("Opdrachtgever", (await anna.Locator(".audience").TextContentAsync())?.Trim());
        Assert.Equal(0, await rows.Filter(new() { HasText = "Bea Telefoon" }).Locator(".audience").CountAsync());
        await PageChecks.CheckPhoneAndDesktopAsync(page, "opdrachtgever-01-call-list");

        var api = await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/companies/{company}/call-list?year={Invitations.Year}");
        var annaInApi = api.GetProperty("clients").EnumerateArray().Single(c => c.GetProperty("klantnummer").GetString() == "UWV Utrecht");
        Assert.Equal(("opdrachtgever", JsonValueKind.Null), (annaInApi.GetProperty("audience").GetString(), annaInApi.GetProperty("perceel").ValueKind));

        // The interviewer's screen: the organisation and the label, then a call that reaches Anna.
        await anna.Locator("th a").ClickAsync();
        Assert.Contains("Opdrachtgever (Blik op Werk)", await page.TextContentAsync("dd.audience"));
        Assert.Equal("tel:0301234567", await page.GetAttributeAsync("#tel", "href"));
        await PageChecks.CheckPhoneAndDesktopAsync(page, "opdrachtgever-02-call-sheet");
        await page.GetByLabel("Geen gehoor").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vastleggen" }).ClickAsync();
        Assert.Contains("1 van de 5", await page.TextContentAsync("#call-count"));
        await page.GetByLabel("Bereikt: doet mee").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vastleggen" }).ClickAsync();
        Assert.Contains("mode=phone", page.Url);

        // The opdrachtgever questionnaire, not the clients'.
        Assert.Equal(0, await page.Locator("#q-begeleider-luistert-1").CountAsync());
        await PageChecks.CheckPhoneAndDesktopAsync(page, "opdrachtgever-03-questions");
        foreach (var (id, value) in new[] { ("rapportcijfer", "8"), ("cijfer-resultaten", "7"), ("afspraken-nagekomen", "4"), ("rapportage", "5"), ("bereikbaarheid", "4"), ("opnieuw-opdracht", "5") })
            await page.CheckAsync($"#q-{id}-{value}");
        await page.ClickAsync("button:has-text('Antwoorden opslaan')");
        Assert.Contains("De antwoorden zijn opgeslagen (telefonisch)", await page.TextContentAsync("#saved"));
        await PageChecks.AssertAccessibleAsync(page, "opdrachtgever answers saved");

        var responses = await store.ResponsesAsync(company, Invitations.Year, default).ToListAsync();
        var stored = Assert.Single(responses);
        Assert.Equal((OpdrachtgeverIds.Of("UWV Utrecht"), ResponseMode.Phone, email, 8),
            (stored.Service.ServiceId, stored.Mode, stored.EnteredBy, stored.Answers.Rapportcijfer));
        Assert.Null(await stack.Services.GetRequiredService<IResponseStore>().FindAsync(stored.Service, default)); // not among the clients' answers
        var calls = await store.AttemptsAsync(company, Invitations.Year, default).Where(a => a.Mode == Kto.Core.Fieldwork.ContactMode.Phone).ToListAsync();
        Assert.Equal(2, calls.Count);

        // Answered: off the call list; the client is still on it.
        await page.GotoAsync($"{stack.BaseUrl}/portal/bureau/calls/{company}?year={Invitations.Year}");
        Assert.Equal(1, await page.Locator("table.calls tbody tr").CountAsync());
        Assert.Contains("Bea Telefoon", await page.TextContentAsync("table.calls tbody"));

        // The Keurmerk figures per mode: Piet by e-mail, Anna by phone (two calls, one opdrachtgever); Anna answered by phone.
        using var bureau = stack.Bureau();
        var json = JsonDocument.Parse(await bureau.GetStringAsync($"/api/keurmerk/{Invitations.Year}/{company}/keurmerk.json")).RootElement.GetProperty("opdrachtgevers");
        var approached = json.GetProperty("approachedByMode");
        var responded = json.GetProperty("respondedByMode");
        Assert.Equal((2, 1, 0, 1), (json.GetProperty("approached").GetInt32(), approached.GetProperty("email").GetInt32(), approached.GetProperty("letter").GetInt32(), approached.GetProperty("phone").GetInt32()));
        Assert.Equal((1, 0, 1, 0), (json.GetProperty("responded").GetInt32(), responded.GetProperty("web").GetInt32(), responded.GetProperty("phone").GetInt32(), responded.GetProperty("paper").GetInt32()));
        var pdf = ReportStack.PdfText(await bureau.GetByteArrayAsync($"/api/keurmerk/{Invitations.Year}/{company}/keurmerk.pdf"));
        foreach (var line in new[] { "Benaderd per e-mail 1", "Benaderd per brief 0", "Benaderd per telefoon 1", "Respons online 0", "Respons telefonisch 1", "Respons op papier 0" })
            Assert.Contains(line, pdf);
    }
}
