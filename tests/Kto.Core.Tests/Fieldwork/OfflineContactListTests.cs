using System.Text;
using Kto.Core.Access;
using Kto.Core.Fieldwork;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;

namespace Kto.Core.Tests.Fieldwork;

/// <summary>
/// The offline list: the open clients e-mail cannot reach, why, and a fresh personal link for a letter only when the
/// bureau exports it (never because the portal page was opened); its CSV; and the one rule for letter, call or unreachable.
/// </summary>
public sealed class OfflineContactListTests
{
    private readonly ScriptedFieldworkStore store = new();
    private readonly CountingTokenStore tokens = new();

    private OfflineContactService Service() => new(store, tokens, new Links());

    private static ContactDetails Contact(string klantnummer, string? email = null, string? telefoon = "0612345678",
        string? adres = "Oudegracht 1", string? postcode = "3511 AA", string? woonplaats = "Utrecht") =>
        new(klantnummer, "Sam", null, "de", "Vries", email, telefoon, adres, postcode, woonplaats);

    [Fact]
    public async Task Only_open_clients_without_a_usable_address_are_listed_with_why_and_how_far_they_are()
    {
        var noAddress = store.Add("S1", Contact("K1"), steps: 0);
        var bounced = store.Add("S2", Contact("K2", email: "k2@example.nl"), hasEmail: true, bounced: true, steps: 1);
        store.Add("S3", Contact("K3", email: "k3@example.nl"), hasEmail: true);
        store.Add("S4", Contact("K4"), status: ServiceStatus.Responded);
        store.Add("S5", Contact("K5"), status: ServiceStatus.OptedOut);
        store.Add("S6", Contact("K6"), year: 2025);
        store.Add("S7", contact: null); // the contact data is gone (withdrawn): nobody to write to

        var list = await Service().ListAsync("acme", 2026, default, withLinks: false);

        Assert.Equal([noAddress, bounced], list.Select(c => c.Service));
        Assert.Equal(["geen e-mailadres", "e-mail onbestelbaar"], list.Select(c => c.Reason));
        Assert.Equal([0, 1], list.Select(c => c.StepsDone));
        Assert.Equal("K2", list[1].Contact.Klantnummer);
    }

    [Fact]
    public async Task The_portal_list_makes_no_link_and_stores_no_token()
    {
        store.Add("S1", Contact("K1"));

        var contact = Assert.Single(await Service().ListAsync("acme", 2026, default, withLinks: false));

        Assert.Null(contact.SurveyUrl);
        Assert.Empty(tokens.Saved);
    }

    [Fact]
    public async Task The_exported_list_gives_each_client_a_fresh_questionnaire_link_stored_only_by_its_hash()
    {
        var s1 = store.Add("S1", Contact("K1"));
        var s2 = store.Add("S2", Contact("K2"));

        var list = await Service().ListAsync("acme", 2026, default);

        Assert.Equal([s1, s2], tokens.Saved.Select(t => t.Service));
        Assert.All(tokens.Saved, t => Assert.Equal(TokenPurpose.Survey, t.Purpose));
        for (var i = 0; i < list.Count; i++)
        {
            var token = list[i].SurveyUrl!["https://kto.example/s?t=".Length..];
            Assert.True(SurveyToken.LooksValid(token));
            Assert.Equal(SecretKeys.Hash(token), tokens.Saved[i].Hash);
            Assert.DoesNotContain(tokens.Saved, t => t.Hash == token);
        }
        Assert.NotEqual(list[0].SurveyUrl, list[1].SurveyUrl);
    }

    [Fact]
    public async Task The_csv_opens_in_dutch_excel_with_one_client_a_line_and_an_opdrachtgever_named_as_one()
    {
        store.Add("S1", Contact("K1"), steps: 2, perceel: Perceel.NaarWerk);
        store.Add("O1", new ContactDetails("UWV Utrecht", null, null, null, "Anna de Boer", null, "0301234567", null, null, null),
            audience: SurveyAudience.Opdrachtgever);

        var export = await Service().ExportCsvAsync("acme", 2026, default);

        Assert.Equal(2, export.Count);
        Assert.Equal(Encoding.UTF8.GetPreamble(), export.Csv[..3]);
        var lines = Encoding.UTF8.GetString(export.Csv[3..]).Split("\r\n");
        Assert.Equal(4, lines.Length); // header, two clients, and the empty rest after the last CRLF
        Assert.Equal("\"jaar\";\"dienst\";\"klantnummer\";\"perceel\";\"reden\";\"stappen\";\"voornaam\";\"voorletters\";\"tussenvoegsel\";"
            + "\"achternaam\";\"adres\";\"postcode\";\"woonplaats\";\"telefoon\";\"link\"", lines[0]);
        Assert.StartsWith("\"2026\";\"S1\";\"K1\";\"Naar werk\";\"geen e-mailadres\";\"2\";\"Sam\";\"\";\"de\";\"Vries\";\"Oudegracht 1\";\"3511 AA\";\"Utrecht\";\"0612345678\";\"https://kto.example/s?t=", lines[1]);
        Assert.StartsWith("\"2026\";\"O1\";\"UWV Utrecht\";\"Opdrachtgever (Blik op Werk)\";\"geen e-mailadres\";\"0\";\"\";\"\";\"\";\"Anna de Boer\";", lines[2]);
        Assert.Equal("", lines[3]);
    }

    [Theory]
    [InlineData(ServiceStatus.Open, false, false, true)]
    [InlineData(ServiceStatus.Open, true, true, true)]
    [InlineData(ServiceStatus.Open, true, false, false)]
    [InlineData(ServiceStatus.Responded, false, false, false)]
    [InlineData(ServiceStatus.OptedOut, true, true, false)]
    public void A_client_needs_a_letter_or_call_when_open_and_email_cannot_reach_them(ServiceStatus status, bool hasEmail, bool bounced, bool needs)
    {
        Assert.Equal(needs, OfflineContactService.NeedsLetterOrCall(new ContactState(status, hasEmail, bounced, 0, null, null)));
    }

    [Theory]
    [InlineData("Oudegracht 1", "3511 AA", "Utrecht", "0612345678", OfflineRoute.Letter)]
    [InlineData("Oudegracht 1", "3511 AA", null, null, OfflineRoute.Letter)]
    [InlineData("Oudegracht 1", null, "Utrecht", null, OfflineRoute.Letter)]
    [InlineData("Oudegracht 1", " ", "  ", "0612345678", OfflineRoute.Phone)] // a street without postcode or place cannot be posted
    [InlineData(null, "3511 AA", "Utrecht", "0612345678", OfflineRoute.Phone)]
    [InlineData("  ", "3511 AA", "Utrecht", null, OfflineRoute.Unreachable)]
    [InlineData(null, null, null, " ", OfflineRoute.Unreachable)]
    public void The_post_comes_first_then_the_phone(string? adres, string? postcode, string? woonplaats, string? telefoon, OfflineRoute route)
    {
        Assert.Equal(route, OfflineRoutes.For(Contact("K1", telefoon: telefoon, adres: adres, postcode: postcode, woonplaats: woonplaats)));
    }

    [Fact]
    public void A_letter_is_needed_only_for_an_open_client_email_cannot_reach_whom_the_post_can()
    {
        var noEmail = new ContactState(ServiceStatus.Open, false, false, 0, null, null);
        var postal = Contact("K1");

        Assert.True(OfflineRoutes.NeedsLetter(noEmail, postal));
        Assert.False(OfflineRoutes.NeedsLetter(noEmail, postal with { Adres = null }));
        Assert.False(OfflineRoutes.NeedsLetter(noEmail with { HasEmail = true }, postal));
        Assert.False(OfflineRoutes.NeedsLetter(noEmail with { Status = ServiceStatus.Responded }, postal));
    }

    private sealed class Links : ISurveyLinks
    {
        public string Questionnaire(string surveyToken) => $"https://kto.example/s?t={surveyToken}";
        public string OptOut(string optOutToken) => $"https://kto.example/o?t={optOutToken}";
        public string ShortCodePage() => "https://kto.example/k";
    }
}
