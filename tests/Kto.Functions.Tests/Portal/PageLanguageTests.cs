using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kto.Functions.Tests.Support;
using Kto.Infrastructure.Templates;

namespace Kto.Functions.Tests.Portal;

/// <summary>
/// Issue 13, "Dutch first with English": a language link on every page, the choice remembered in a cookie, the
/// page's <c>lang</c> right, texts from one catalog per language, and Dutch where a catalog has no text yet.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed partial class PageLanguageTests(LocalStack stack)
{
    /// <summary>The pages translated so far: every text they mark for translation must have its English.</summary>
    private static readonly string[] TranslatedTemplates =
        ["layout", "signin", "signin-confirm", "message", "processing", "verify", "bureau-overview",
         "company-header", "deliveries", "receipt", "progress", "chart", "reports", "bureau-report", "bureau-report-confirm", "bureau-open-answers", "fieldwork", "fieldwork-overview",
         "bureau-users", "bureau-audit", "calls", "call-sheet", "calling-hours", "answers", "letters", "paper", "population", "account"];

    [Fact]
    public async Task English_chosen_on_verify_is_remembered_on_the_next_pages_until_Dutch_is_chosen()
    {
        using var http = stack.Client();
        var chosen = await http.GetAsync("/verify?lang=en");
        var html = await chosen.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("<h1>Check a report</h1>", html);
        Assert.Contains("kto_lang=en", string.Join(";", chosen.Headers.GetValues("Set-Cookie")));
        Assert.Matches("<a class=\"language\" href=\"/verify\\?lang=nl\" lang=\"nl\" hreflang=\"nl\">Nederlands</a>", html);

        var next = await http.GetStringAsync("/portal");
        Assert.Contains("<html lang=\"en\">", next);
        Assert.Contains("Sign in to the KTO portal", next);
        Assert.Contains("<label for=\"email\">E-mail address</label>", next);

        var dutch = await http.GetStringAsync("/portal?lang=nl");
        Assert.Contains("<html lang=\"nl\">", dutch);
        Assert.Contains("Inloggen op het KTO-portaal", dutch);
        Assert.Contains(">English</a>", dutch);
        Assert.Contains("Inloggen op het KTO-portaal", await http.GetStringAsync("/portal"));
    }

    [Fact]
    public async Task The_questionnaire_remembers_English_for_the_next_visit_of_the_link()
    {
        var invited = await Invitations.InviteAsync(stack, "taal");
        using var http = stack.Client();
        http.DefaultRequestHeaders.Add("X-Forwarded-For", $"10.9.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");
        var token = invited.Tokens["taal"];
        Assert.Contains("<html lang=\"en\">", await http.GetStringAsync($"/s?t={token}&lang=en"));
        Assert.Contains("<html lang=\"en\">", await http.GetStringAsync($"/s?t={token}"));
        Assert.Contains("<html lang=\"nl\">", await http.GetStringAsync($"/s?t={token}&lang=nl"));
    }

    [Fact]
    public void A_text_without_English_stays_Dutch_and_the_translated_pages_have_every_text()
    {
        var templates = new LiquidTemplates();
        Assert.Equal("Sign in", templates.Texts.Translate("en", "Inloggen"));
        Assert.Equal("Een nieuwe pagina van 3 mei", templates.Texts.Translate("en", "Een nieuwe pagina van {0}", "3 mei"));
        Assert.Equal("Inloggen", templates.Texts.Translate("nl", "Inloggen"));

        var missing = TranslatedTemplates
            .SelectMany(name => Marked().Matches(File.ReadAllText(Path.Combine(templates.Root, "Portal", name + ".liquid"))).Select(m => (name, text: m.Groups[1].Value)))
            .Where(x => !templates.Texts.Has("en", x.text))
            .ToList();
        Assert.True(missing.Count == 0, "no English for: " + string.Join(" | ", missing));
    }

    [Fact]
    public void Every_portal_page_template_is_in_the_list_of_translated_pages()
    {
        var templates = new LiquidTemplates();
        var pages = Directory.GetFiles(Path.Combine(templates.Root, "Portal"), "*.liquid").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Empty(pages.Except(TranslatedTemplates));
    }

    [Fact]
    public void A_translated_page_renders_in_English_and_its_Dutch_stays_as_written()
    {
        var templates = new LiquidTemplates();
        Dictionary<string, object?> Values(string lang) => new()
        {
            ["lang"] = lang, ["year"] = 2026, ["minimum_rate"] = "35%", ["kpi_grade"] = "7,0",
            ["company"] = new Dictionary<string, object?> { ["id"] = "acme", ["name"] = "Acme <B.V.>", ["progress_url"] = "/portal/companies/acme/progress" },
            ["years"] = new List<object>(), ["months"] = new List<object>(),
            ["percelen"] = new List<object> { new Dictionary<string, object?> { ["name"] = "Werkfit maken", ["ended"] = 4, ["rate_low"] = true, ["rate"] = "25%" } },
            ["opdrachtgevers"] = new Dictionary<string, object?> { ["count"] = 0, ["keurmerk_url"] = "/k" },
            ["chart"] = new Dictionary<string, object?> { ["ticks"] = new List<object>(), ["months"] = new List<object>() },
        };

        var english = templates.Render("Portal/progress.liquid", Values("en"), html: true);
        Assert.Contains("<h1>Progress 2026</h1>", english);
        Assert.Contains("<th scope=\"col\" class=\"num\">Times approached</th>", english);
        Assert.Contains("<h2 id=\"opdrachtgevers-caption\">Commissioning clients (Blik op Werk)</h2>", english);
        Assert.Contains("(below the minimum)", english);
        Assert.DoesNotContain("Beëindigd", english);

        // Dutch through the filter reads as the template wrote it (no &#xEB;), while a value in it is still encoded.
        var dutch = templates.Render("Portal/progress.liquid", Values("nl"), html: true);
        Assert.Contains("<th scope=\"col\" class=\"num\">Beëindigd</th>", dutch);
        Assert.Contains("<caption id=\"months-caption\">Beëindigde diensten en reacties per maand van de einddatum</caption>", dutch);
        var withValue = templates.Render("Portal/population.liquid", new Dictionary<string, object?>(Values("nl")) { ["services"] = new List<object>() }, html: true);
        Assert.Contains("Alle geleverde diensten van Acme &lt;B.V.&gt; die in 2026 eindigden.", withValue);
    }

    /// <summary>The calling hours come from the settings, yet read in the page's language (they were Dutch in English).</summary>
    [Theory]
    [InlineData("en", true, "It is not calling time now. Calls are allowed {0}.", "from 10:00 to 18:00, not on Sundays")]
    [InlineData("en", false, "It is not calling time now. Calls are allowed {0}. Until", "from 10:00 to 18:00")]
    [InlineData("nl", true, "Het is nu geen beltijd. Bellen mag {0}.", "van 10:00 tot 18:00 uur, niet op zondag")]
    public void The_call_list_and_sheet_say_their_calling_hours_in_the_pages_language(string lang, bool notOnSunday, string sentence, string hours)
    {
        var templates = new LiquidTemplates();
        var values = new Dictionary<string, object?>
        {
            ["lang"] = lang, ["year"] = 2026, ["max_calls"] = 5, ["calling_time"] = false,
            ["calling_hours"] = new Dictionary<string, object?> { ["from_hour"] = 10, ["until_hour"] = 18, ["not_on_sunday"] = notOnSunday },
            ["company"] = new Dictionary<string, object?> { ["id"] = "acme", ["name"] = "Acme" },
            ["clients"] = new List<object>(),
        };

        var html = templates.Render("Portal/calls.liquid", values, html: true);

        Assert.Contains(string.Format(sentence, hours), html);
        if (lang == "en") Assert.DoesNotContain(" uur", html);
        // The call sheet says the same hours (one included text for both pages, inside a capture).
        var sheet = templates.Render("Portal/call-sheet.liquid", values, html: true);
        Assert.Contains(">" + (lang == "en" ? "It is not calling time now. Calls are allowed " : "Het is nu geen beltijd. Bellen mag ") + hours + ".<", sheet);
    }

    /// <summary>
    /// Every page a bureau user and a company user reach by following the portal's links, read in English: no text
    /// the catalog has English for stands there in Dutch (a Dutch text a page passed on untranslated; the last ones
    /// found this way were the users page's "alle bedrijven" and the overview's attention list).
    /// </summary>
    [Fact]
    public async Task No_page_reached_in_English_shows_a_Dutch_text_the_catalog_translates()
    {
        var dutchWithEnglish = Directory.GetFiles(Path.Combine(new LiquidTemplates().Root, "Texts"), "*.en.json", SearchOption.AllDirectories)
            .SelectMany(f => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(f))!)
            .Where(kv => !kv.Key.StartsWith('_') && kv.Key != kv.Value && !kv.Key.Contains('{')).Select(kv => kv.Key).ToHashSet();
        var invited = await Invitations.InviteAsync(stack, "anna", "bert", "carla");
        var email = $"bureau-{Guid.NewGuid():N}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, email, null);
        var cemail = $"user@{invited.Company}.example.nl";
        await PortalClient.AddUserAsync(stack, cemail, invited.Company);
        var leaks = new List<string>();
        foreach (var who in new[] { email, cemail })
        {
            var client = new PortalClient(stack);
            await client.SignInAsync(who);
            await client.Http.GetAsync("/verify?lang=en");
            var seen = new HashSet<string>();
            var queue = new Queue<string>(["/portal/bureau", $"/portal/companies/{invited.Company}", $"/portal/companies/{invited.Company}/progress", "/portal/bureau/fieldwork", $"/portal/bureau/calls/{invited.Company}", "/portal/account", "/verify", $"/portal/companies/{invited.Company}/reports"]);
            while (queue.Count > 0 && seen.Count < 120)
            {
                var url = queue.Dequeue();
                if (!seen.Add(url)) continue;
                var response = await client.Http.GetAsync(url);
                if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                var html = await response.Content.ReadAsStringAsync();
                foreach (Match m in Regex.Matches(html, "href=\"(/portal/[^\"#]*|/verify[^\"#]*)\""))
                {
                    var link = WebUtility.HtmlDecode(m.Groups[1].Value);
                    if (link.Contains("uitloggen") || link.Contains("logout") || link.Contains("lang=") || link.Contains(".pdf") || link.Contains(".xlsx") || link.Contains(".csv") || link.Contains(".json") || link.Contains("assets")) continue;
                    // Only this test's company: other tests' companies in the shared stack would make the pages visited depend on test order.
                    if (OtherCompany().Matches(link).Any(m => m.Value != invited.Company)) continue;
                    queue.Enqueue(link);
                }
                var text = Regex.Replace(Regex.Replace(html, "<(script|style)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline), "<[^>]+>", "\n");
                var attrs = Regex.Matches(html, "(?:aria-label|title|placeholder|alt|data-label|value)=\"([^\"]+)\"").Select(m => m.Groups[1].Value);
                foreach (var line in WebUtility.HtmlDecode(text).Split('\n').Concat(attrs.Select(a => WebUtility.HtmlDecode(a) ?? "")).Select(l => l.Trim().TrimEnd(':', '.', ' ')).Where(l => l.Length > 1).Distinct())
                    if (dutchWithEnglish.Contains(line) || dutchWithEnglish.Contains(line + ".") || dutchWithEnglish.Contains(line + ":")) leaks.Add($"{url}: {line}");
            }
            Assert.True(seen.Count >= (who == email ? 20 : 5), $"only {seen.Count} pages reached as {who}");
        }
        Assert.True(leaks.Count == 0, "Dutch left on English pages: " + string.Join(" | ", leaks.Distinct()));
    }

    /// <summary>A company id as the test stack makes them (prefix, dash, hex).</summary>
    [GeneratedRegex("[a-z]+-[0-9a-f]{12,}")]
    private static partial Regex OtherCompany();

    [GeneratedRegex("\\{\\{ \"([^\"]+)\" \\| t")]
    private static partial Regex Marked();
}
