using System.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Kto.Core.Access;
using Kto.Core.Accounts;
using Kto.Functions.Tests.Support;
using Kto.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Portal;

/// <summary>
/// The portal's guards over HTTP against the real host, Azurite and SMTP server: forged forms, tampered cookies,
/// expired sessions and links, the silent answer for unknown addresses, the per-address mail limit, bad uploads,
/// account changes and the audit log.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class PortalHttpTests(LocalStack stack)
{
    private TableServiceClient Tables => new(stack.StorageConnectionString);

    private async Task<(string Company, string Email, PortalClient Client)> SignedInCompanyUserAsync(string prefix)
    {
        var (company, _) = await stack.NewCompanyAsync(prefix);
        var email = $"gebruiker@{company}.example.nl";
        await PortalClient.AddUserAsync(stack, email, company);
        var client = new PortalClient(stack);
        await client.SignInAsync(email);
        return (company, email, client);
    }

    [Fact]
    public async Task The_stylesheet_a_page_names_is_served_by_its_versioned_address_and_may_be_kept_long()
    {
        var client = new PortalClient(stack);
        var page = await client.Http.GetStringAsync("/portal");
        var href = System.Text.RegularExpressions.Regex.Match(page, "<link rel=\"stylesheet\" href=\"([^\"]+)\"").Groups[1].Value;
        Assert.Matches("^/portal/assets/portal\\.css\\?v=[0-9a-f]{12}$", href);

        var css = await client.Http.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", css.Headers.CacheControl?.ToString());
        Assert.Contains(".facts", await css.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/portal/assets/geheim.txt?v=1")).StatusCode);
    }

    [Fact]
    public async Task A_forged_form_post_is_refused_and_changes_nothing()
    {
        var (company, _, client) = await SignedInCompanyUserAsync("vals");

        var noToken = new MultipartFormDataContent { { new ByteArrayContent(Exports.Csv(Exports.Row("V1"))), "bestand", "vals.csv" } };
        var refused = await client.Http.PostAsync($"/portal/companies/{company}/deliveries", noToken);
        var wrongToken = new MultipartFormDataContent
        {
            { new StringContent("nagemaakt"), "_csrf" },
            { new ByteArrayContent(Exports.Csv(Exports.Row("V1"))), "bestand", "vals.csv" },
        };
        var refusedToo = await client.Http.PostAsync($"/portal/companies/{company}/deliveries", wrongToken);
        var signOut = await client.PostFormAsync("/portal/sign-out", new() { ["_csrf"] = "nagemaakt" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedToo.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, signOut.StatusCode);
        Assert.Contains("Formulier geweigerd", await refused.Content.ReadAsStringAsync());
        var page = await client.Http.GetStringAsync($"/portal/companies/{company}");
        Assert.Contains("Er is nog niets aangeleverd", page);   // no upload happened, still signed in
    }

    [Fact]
    public async Task A_genuine_token_from_another_session_is_refused()
    {
        var (company, _, client) = await SignedInCompanyUserAsync("ander");
        var (attackerCompany, _, attacker) = await SignedInCompanyUserAsync("aanval");
        var attackerToken = PortalClient.FormToken(await attacker.Http.GetStringAsync($"/portal/companies/{attackerCompany}"));
        Assert.NotEmpty(attackerToken);

        var response = await client.PostFormAsync("/portal/sign-out", new() { ["_csrf"] = attackerToken });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/portal/companies/{company}")).StatusCode);
    }

    [Fact]
    public async Task A_tampered_cookie_is_no_session_and_gets_the_sign_in_page()
    {
        var (company, _, client) = await SignedInCompanyUserAsync("koek");
        var cookie = client.Cookies.GetCookies(new Uri(stack.BaseUrl))["kto_session"]!;
        cookie.Value = cookie.Value[..^2] + (cookie.Value[^2] == 'A' ? "BB" : "AA");

        var response = await client.Http.GetAsync($"/portal/companies/{company}");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/portal?sessie=verlopen", response.Headers.Location!.OriginalString);
        var signIn = await client.Http.GetStringAsync("/portal?sessie=verlopen");
        Assert.Contains("Uw sessie is verlopen", signIn);
        Assert.DoesNotContain("Exception", signIn);
    }

    [Fact]
    public async Task A_session_idle_longer_than_the_timeout_ends()
    {
        var (company, email, client) = await SignedInCompanyUserAsync("stil");
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/portal/companies/{company}")).StatusCode);
        var sessions = Tables.GetTableClient(StorageNames.SessionsTable);
        var row = await sessions.QueryAsync<TableEntity>(e => e.GetString("Email") == email).SingleAsync();
        row["LastSeenAt"] = DateTimeOffset.UtcNow.AddMinutes(-31);   // the default idle timeout is 30 minutes
        await sessions.UpdateEntityAsync(row, row.ETag);

        var response = await client.Http.GetAsync($"/portal/companies/{company}");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/portal?sessie=verlopen", response.Headers.Location!.OriginalString);
        Assert.False((await sessions.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey)).HasValue);
    }

    [Fact]
    public async Task Sign_out_ends_the_session_on_the_server_so_the_old_cookie_no_longer_works()
    {
        var (company, email, client) = await SignedInCompanyUserAsync("uit");
        var oldCookie = client.Cookies.GetCookieHeader(new Uri(stack.BaseUrl));
        var token = PortalClient.FormToken(await client.Http.GetStringAsync($"/portal/companies/{company}"));

        var signOut = await client.PostFormAsync("/portal/sign-out", new() { ["_csrf"] = token });

        Assert.Equal(HttpStatusCode.SeeOther, signOut.StatusCode);
        using var replay = new HttpRequestMessage(HttpMethod.Get, $"/portal/companies/{company}");
        replay.Headers.Add("Cookie", oldCookie);
        var replayed = await new PortalClient(stack).Http.SendAsync(replay);
        Assert.Equal(HttpStatusCode.SeeOther, replayed.StatusCode);
        var audit = await stack.Services.GetRequiredService<IAuditLog>().RecentAsync(200, default);
        Assert.Contains(audit, e => e.Actor == email && e.Action == AuditActions.SignedOut);
        Assert.Contains(audit, e => e.Actor == email && e.Action == AuditActions.SignedIn);
    }

    [Fact]
    public async Task An_expired_link_gets_a_clear_page_and_no_session()
    {
        var (company, _) = await stack.NewCompanyAsync("oud");
        var email = $"laat@{company}.example.nl";
        await PortalClient.AddUserAsync(stack, email, company);
        var link = await PortalClient.LinkAsync(stack, email);
        var links = Tables.GetTableClient(StorageNames.SignInLinksTable);
        var hash = SecretKeys.Hash(new Uri(link).Query.Split("t=")[1]);
        var row = (await links.GetEntityAsync<TableEntity>("link", hash)).Value;
        row["ExpiresAt"] = DateTimeOffset.UtcNow.AddSeconds(-1);
        await links.UpdateEntityAsync(row, row.ETag);
        var client = new PortalClient(stack);

        var response = await client.UseLinkAsync(link);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("Deze inloglink is verlopen", await response.Content.ReadAsStringAsync());
        Assert.Null(client.Cookies.GetCookies(new Uri(stack.BaseUrl))["kto_session"]);
    }

    [Fact]
    public async Task The_link_token_is_stored_only_as_a_hash()
    {
        var (company, _) = await stack.NewCompanyAsync("hash");
        var email = $"hash@{company}.example.nl";
        await PortalClient.AddUserAsync(stack, email, company);
        var token = new Uri(await PortalClient.LinkAsync(stack, email)).Query.Split("t=")[1];

        var rows = await Tables.GetTableClient(StorageNames.SignInLinksTable).QueryAsync<TableEntity>().ToListAsync();

        Assert.Contains(rows, r => r.RowKey == SecretKeys.Hash(token));
        Assert.DoesNotContain(rows, r => r.Any(kv => kv.Value?.ToString()?.Contains(token) == true) || r.RowKey.Contains(token));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail_and_one_address_gets_at_most_five_mails_an_hour()
    {
        var (company, _) = await stack.NewCompanyAsync("mail");
        var known = $"bekend@{company}.example.nl";
        var unknown = $"onbekend@{company}.example.nl";
        await PortalClient.AddUserAsync(stack, known, company);
        var client = new PortalClient(stack);
        var token = PortalClient.FormToken(await client.Http.GetStringAsync("/portal"));

        var forUnknown = await client.PostFormAsync("/portal", new() { ["_csrf"] = token, ["email"] = unknown });
        var answers = new List<string>();
        for (var i = 0; i < 7; i++)
            answers.Add(await (await client.PostFormAsync("/portal", new() { ["_csrf"] = token, ["email"] = known })).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, forUnknown.StatusCode);
        var unknownAnswer = await forUnknown.Content.ReadAsStringAsync();
        Assert.All(answers, a => Assert.Equal(unknownAnswer, a));
        // The mails go out in the background: wait until the queue is empty, then count what arrived.
        var outbox = Tables.GetTableClient(StorageNames.SignInLinksTable);
        async Task<bool> QueuedAsync() => await outbox.QueryAsync<TableEntity>("PartitionKey eq 'outbox'")
            .AnyAsync(r => r.GetString("Email")?.EndsWith($"@{company}.example.nl", StringComparison.Ordinal) == true);
        for (var i = 0; i < 300 && await QueuedAsync(); i++) await Task.Delay(100);
        Assert.False(await QueuedAsync());
        Assert.DoesNotContain(stack.Smtp.To($"{company}.example.nl"), m => m.To.Mailboxes.Any(a => a.Address == unknown));
        // Five sign-in mails; the welcome mail the new account got is not one of them.
        Assert.Equal(5, stack.Smtp.To($"{company}.example.nl").Count(m => m.To.Mailboxes.Any(a => a.Address == known) && (m.Subject ?? "").StartsWith("Uw inloglink", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_wrong_file_type_and_a_file_over_the_limit_get_a_receipt_page_that_says_why()
    {
        var (company, _, client) = await SignedInCompanyUserAsync("fout");

        var pdf = await UploadAsync(client, company, "rapport.xlsx", "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"u8.ToArray());
        var large = await UploadAsync(client, company, "groot.csv", new byte[LocalStack.MaxFileBytes + 1024]);

        Assert.Contains("Het bestand is geweigerd", pdf);
        Assert.Contains("Het bestand is geweigerd", large);
        Assert.Contains("groter dan 2 MB", large);
        Assert.DoesNotContain("Exception", pdf + large);
        var list = await client.Http.GetStringAsync($"/portal/companies/{company}");
        Assert.Contains("nog niet geleverd", list);   // refused files do not count as this month's delivery
    }

    [Fact]
    public async Task A_bsn_column_receipt_names_the_column_says_once_that_nothing_was_kept_and_counts_the_rows_read()
    {
        var (company, _, client) = await SignedInCompanyUserAsync("bsnk");
        var rows = string.Join("\n", Enumerable.Range(1, 6).Select(i => $"K{i};{(i % 2 == 0 ? "111222333" : "123456782")};Naar werk;01-03-2026"));
        var page = WebUtility.HtmlDecode(await UploadAsync(client, company, "met-sofi.csv", Encoding.UTF8.GetBytes($"klantnummer;Sofinummer;perceel;einddatum\n{rows}\n")));

        Assert.Contains("De kolom ‘Sofinummer’ bevat burgerservicenummers", page);
        Assert.Contains("Kolom: Sofinummer", page);
        Assert.Contains("6 rijen gelezen; geen enkele is opgeslagen.", page);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "Er is niets"));
        Assert.DoesNotContain("0 rijen", page);
        Assert.DoesNotContain("111222333", page);
    }

    [Fact]
    public async Task A_warning_on_the_receipt_page_names_the_klantnummer_of_its_row()
    {
        var (company, _, client) = await SignedInCompanyUserAsync("waarsch");
        var csv = "klantnummer;email;telefoon;perceel;einddatum\nK77;;0612345678;Naar werk;01-03-2026\nK78;k78@example.nl;;Naar werk;01-03-2026\n";
        var page = WebUtility.HtmlDecode(await UploadAsync(client, company, "zonder-mail.csv", Encoding.UTF8.GetBytes(csv)));

        var warnings = page[page.IndexOf("id=\"warnings-caption\"", StringComparison.Ordinal)..];
        warnings = warnings[..warnings.IndexOf("</table>", StringComparison.Ordinal)];
        var row = Assert.Single(System.Text.RegularExpressions.Regex.Matches(warnings, "<tr><td class=\"num\"[^>]*>(.*?)</tr>")).Value;
        Assert.Contains(">2</td>", row);
        Assert.Contains("data-label=\"Klantnummer\">K77</td>", row);
        Assert.Contains("Geen e-mailadres", row);
        Assert.DoesNotContain("K78", warnings);
    }

    /// <summary>A company reading the portal in English reads what to mend in English, its values kept (the receipt files stay Dutch).</summary>
    [Fact]
    public async Task A_company_reading_in_English_reads_its_receipts_messages_in_English()
    {
        var (company, _, client) = await SignedInCompanyUserAsync("engels");
        Assert.Contains("<html lang=\"en\">", await client.Http.GetStringAsync($"/portal/companies/{company}?lang=en"));
        var year = DateTime.UtcNow.Year;
        var csv = $"klantnummer;perceel;einddatum;notitie\nK1;Naar werk;01-02-{year};x\nK2;Onbekend;01-02-{year};\nK3;Naar werk;01-01-{year - 3};\n";

        var page = WebUtility.HtmlDecode(await UploadAsync(client, company, "engels.csv", Encoding.UTF8.GetBytes(csv), heading: "<h1>Receipt"));

        Assert.Contains("Unknown perceel. Use Werkfit maken, Naar werk, Praktijkassessment or Modulaire Re-integratiediensten.", page);
        Assert.Contains($"The end date is before {year - 1}. Services from earlier measurement years are no longer surveyed.", page);
        Assert.Contains("This column is not part of the delivery and is not stored.", page);
        Assert.Contains("No e-mail address, phone number or full address: the client cannot be approached.", page);
        Assert.DoesNotContain("Onbekend perceel", page);
        Assert.DoesNotContain("De einddatum", page);
    }

    [Fact]
    public async Task A_file_that_is_not_there_is_waited_for_a_few_refreshes_then_not_found()
    {
        var (company, _, client) = await SignedInCompanyUserAsync("nergens");

        var first = await client.Http.GetAsync($"/portal/companies/{company}/deliveries/bestaat-niet.csv");
        var last = await client.Http.GetAsync($"/portal/companies/{company}/deliveries/bestaat-niet.csv?wacht=10");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("data-refresh-url=\"/portal/companies/" + company + "/deliveries/bestaat-niet.csv?wacht=1\"", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, last.StatusCode);
    }

    [Fact]
    public async Task The_same_file_name_twice_gets_the_upload_page_with_what_to_do()
    {
        var (company, _, client) = await SignedInCompanyUserAsync("dubbel");
        await UploadAsync(client, company, "maart.csv", Exports.Csv(Exports.Row("D1")));

        var token = PortalClient.FormToken(await client.Http.GetStringAsync($"/portal/companies/{company}"));
        var again = await client.Http.PostAsync($"/portal/companies/{company}/deliveries", new MultipartFormDataContent
        {
            { new StringContent(token), "_csrf" },
            { new ByteArrayContent(Exports.Csv(Exports.Row("D2"))), "bestand", "maart.csv" },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("Er is al een bestand ‘maart.csv’ aangeleverd", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Removing_a_company_user_ends_their_session_and_every_change_is_in_the_audit_log()
    {
        var (company, email, client) = await SignedInCompanyUserAsync("weg");
        await UploadAsync(client, company, "april.csv", Exports.Csv(Exports.Row("W1")));
        var users = stack.Services.GetRequiredService<UserService>();

        var removed = await users.RemoveAsync("bureau@test.example.nl", email, default);

        Assert.True(removed.Done);
        Assert.Equal(HttpStatusCode.SeeOther, (await client.Http.GetAsync($"/portal/companies/{company}")).StatusCode);
        var audit = await stack.Services.GetRequiredService<IAuditLog>().RecentAsync(500, default);
        Assert.Contains(audit, e => e.Action == AuditActions.UserAdded && e.Actor == AuditActions.BureauKey && e.Detail.Contains(email));
        Assert.Contains(audit, e => e.Action == AuditActions.Upload && e.Actor == email && e.Company == company && e.Detail == "april.csv");
        Assert.Contains(audit, e => e.Action == AuditActions.UserRemoved && e.Actor == "bureau@test.example.nl" && e.Company == company);
    }

    [Fact]
    public async Task The_users_api_refuses_bad_input_clearly_and_needs_the_bureau_key()
    {
        var (company, key) = await stack.NewCompanyAsync("api");
        var email = $"een@{company}.example.nl";

        var asCompany = await stack.Client(key).PostAsJsonAsync("/api/users", new { email, role = "company", company });
        var badEmail = await stack.Bureau().PostAsJsonAsync("/api/users", new { email = "geen-adres", role = "company", company });
        var unknownCompany = await stack.Bureau().PostAsJsonAsync("/api/users", new { email, role = "company", company = "bestaat-niet" });
        var first = await stack.Bureau().PostAsJsonAsync("/api/users", new { email, role = "company", company });
        var again = await stack.Bureau().PostAsJsonAsync("/api/users", new { email = email.ToUpperInvariant(), role = "company", company });
        var twice = await stack.Bureau().PostAsJsonAsync("/api/users", new { email = email.ToUpperInvariant(), role = "bureau" });

        Assert.Equal(HttpStatusCode.Forbidden, asCompany.StatusCode); // a valid key, not the bureau's
        Assert.Equal("invalid-email", (await badEmail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal("unknown-company", (await unknownCompany.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);   // the same request again answers what the first did
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);  // another account under the address
    }

    private static async Task<string> UploadAsync(PortalClient client, string company, string name, byte[] content, string heading = "<h1>Ontvangstbewijs")
    {
        var token = PortalClient.FormToken(await client.Http.GetStringAsync($"/portal/companies/{company}"));
        var upload = await client.Http.PostAsync($"/portal/companies/{company}/deliveries", new MultipartFormDataContent
        {
            { new StringContent(token), "_csrf" },
            { new ByteArrayContent(content), "bestand", name },
        });
        Assert.Equal(HttpStatusCode.SeeOther, upload.StatusCode);
        var receiptUrl = upload.Headers.Location!.OriginalString;
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            var page = await client.Http.GetStringAsync(receiptUrl);
            if (page.Contains(heading)) return page;
            await Task.Delay(200);
        }
        throw new TimeoutException($"No receipt page for {name}");
    }
}
