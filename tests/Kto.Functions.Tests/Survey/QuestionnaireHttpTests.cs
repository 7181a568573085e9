using Kto.Core;
using System.Net;
using System.Text.Json;
using Kto.Core.Fieldwork;
using Kto.Core.Survey;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Survey;

/// <summary>The questionnaire routes over HTTP (no browser): states, storing once, CSRF, opt-out, limits, headers.</summary>
[Collection(LocalStackCollection.Name)]
public sealed class QuestionnaireHttpTests(LocalStack stack)
{
    private IResponseStore Responses => stack.Services.GetRequiredService<IResponseStore>();
    private ISurveyServiceStore Services => stack.Services.GetRequiredService<ISurveyServiceStore>();

    [Fact]
    public async Task A_valid_answer_is_stored_and_a_double_submit_stores_nothing_more()
    {
        var invited = await Invitations.InviteAsync(stack, "klant");
        var token = invited.Tokens["klant"];
        var client = new SurveyClient(stack);
        var form = await client.GetAsync($"/s?t={token}");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("<form method=\"post\"", form.Html);

        var fields = SurveyClient.ValidAnswers(7).Append(new("_form", form.FormKey!)).ToList();
        var first = await client.PostSurveyAsync(token, fields);
        var second = await client.PostSurveyAsync(token, fields);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Contains("Bedankt voor uw antwoorden", first.Html);
        // The browser shows the second answer's page after a double click: the same thank-you, the answers counted once.
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains("Bedankt voor uw antwoorden", second.Html);
        var stored = await Responses.ForYearAsync(invited.Company, Invitations.Year, CancellationToken.None).ToListAsync();
        var response = Assert.Single(stored);
        Assert.Equal(("kto-2026-1", 7), (response.Answers.Version, response.Answers.Rapportcijfer));
        Assert.True(response.Answers["begeleider-bereikbaar"].DontKnow);
        Assert.Equal(ServiceStatus.Responded, (await Services.GetAsync(await Invitations.ServiceOfAsync(stack, token), CancellationToken.None))!.Status);

        var reopened = await client.GetAsync($"/s?t={token}");
        Assert.Contains("U heeft de vragenlijst al ingevuld", reopened.Html);
        Assert.DoesNotContain("<form", reopened.Html);
    }

    [Fact]
    public async Task Two_different_answers_posted_at_once_store_one_response_and_its_grade()
    {
        var invited = await Invitations.InviteAsync(stack, "tweetabs");
        var token = invited.Tokens["tweetabs"];
        var client = new SurveyClient(stack);
        var formKey = (await client.GetAsync($"/s?t={token}")).FormKey!;

        var pages = await Task.WhenAll(
            client.PostSurveyAsync(token, SurveyClient.ValidAnswers(3).Append(new("_form", formKey))),
            client.PostSurveyAsync(token, SurveyClient.ValidAnswers(9).Append(new("_form", formKey))));

        Assert.Single(pages, p => p.Html.Contains("Bedankt voor uw antwoorden"));
        Assert.Single(pages, p => p.Html.Contains("U heeft de vragenlijst al ingevuld"));
        var stored = Assert.Single(await Responses.ForYearAsync(invited.Company, Invitations.Year, CancellationToken.None).ToListAsync());
        var progress = await NaarWerkProgressAsync(invited.Company);
        Assert.Equal(1, progress.GetProperty("responded").GetInt32());
        Assert.Equal(stored.Answers.Rapportcijfer!.Value, progress.GetProperty("meanGrade").GetDouble());
    }

    [Fact]
    public async Task Missing_answers_show_the_form_again_with_errors_in_place_and_the_answers_kept()
    {
        var invited = await Invitations.InviteAsync(stack, "vergeet");
        var token = invited.Tokens["vergeet"];
        var client = new SurveyClient(stack);
        var answers = SurveyClient.ValidAnswers(6);
        answers.Remove("rapportcijfer");
        answers["open-beter"] = "Sneller <antwoord> graag";

        var page = await client.AnswerAsync(token, answers);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.StartsWith("<!DOCTYPE html>", page.Html.TrimStart());
        Assert.Contains("<title>Fout: ", page.Html);
        Assert.Contains("U heeft 1 verplichte vraag nog niet beantwoord:", page.Html);
        Assert.Matches("<a href=\"#q-rapportcijfer-1\">Vraag 1: [^<]*rapportcijfer[^<]*</a>", page.Html); // the question named, not the error repeated
        Assert.Contains("id=\"error-rapportcijfer\"", page.Html);
        Assert.Contains("aria-describedby=\"hint-rapportcijfer error-rapportcijfer\"", page.Html);
        Assert.Contains("id=\"q-begeleider-luistert-4\" name=\"begeleider-luistert\" value=\"4\" checked", page.Html);
        Assert.Contains("Sneller &lt;antwoord&gt; graag</textarea>", page.Html);
        Assert.Empty(await Responses.ForYearAsync(invited.Company, Invitations.Year, CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task Unknown_tampered_and_malformed_tokens_get_one_identical_neutral_page()
    {
        var invited = await Invitations.InviteAsync(stack, "echt");
        var token = invited.Tokens["echt"];
        var tampered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        var client = new SurveyClient(stack);

        var unknown = await client.GetAsync($"/s?t={SurveyToken.New().Token}");
        var changed = await client.GetAsync($"/s?t={tampered}");
        var malformed = await client.GetAsync("/s?t=abc");
        var tooLong = await client.GetAsync($"/s?t={token}x");
        var real = await client.GetAsync($"/s?t={token}");

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("Deze link werkt niet", unknown.Html);
        Assert.DoesNotContain(invited.Company, unknown.Html);
        foreach (var other in new[] { changed, malformed, tooLong })
        {
            Assert.Equal(unknown.Status, other.Status);
            Assert.Equal(unknown.Bytes, other.Bytes);
        }
        Assert.Equal(HttpStatusCode.OK, real.Status);
    }

    [Fact]
    public async Task Every_survey_response_carries_the_security_headers()
    {
        var invited = await Invitations.InviteAsync(stack, "kop");
        var token = invited.Tokens["kop"];
        var client = new SurveyClient(stack);
        var open = await client.GetAsync($"/s?t={token}");
        var pages = new[]
        {
            open,
            await client.GetAsync($"/s?t={token}&lang=en"),
            await client.GetAsync($"/s?t={SurveyToken.New().Token}"),
            await client.GetAsync($"/s/afmelden?t={token}"),
            await client.PostSurveyAsync(token, [new("rapportcijfer", "8")]),
            await client.PostSurveyAsync(token, [new("_form", open.FormKey!)]),
            await client.GetAsync(StylesheetPath(open.Html)),
        };

        foreach (var page in pages)
        {
            var csp = page.Header("Content-Security-Policy");
            Assert.Contains("default-src 'none'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.DoesNotContain("script-src", csp);
            Assert.Equal("no-referrer", page.Header("Referrer-Policy"));
            Assert.Equal("nosniff", page.Header("X-Content-Type-Options"));
        }
        Assert.Equal("no-store", open.Header("Cache-Control"));
        Assert.DoesNotContain("<script", open.Html);
        Assert.DoesNotContain("style=", open.Html);
        Assert.StartsWith("text/css", pages[^1].Header("Content-Type"));
    }

    [Fact]
    public async Task A_get_of_the_opt_out_link_does_not_opt_out_and_the_confirm_button_does()
    {
        var invited = await Invitations.InviteAsync(stack, "afmelder", "blijver");
        var token = invited.Tokens["afmelder"];
        var client = new SurveyClient(stack);

        var confirm = await client.GetAsync($"/s/afmelden?t={token}");
        await client.GetAsync($"/s/afmelden?t={token}");
        Assert.Contains("Ja, meld mij af", confirm.Html);
        Assert.Equal(ServiceStatus.Open, await StatusAsync(token));

        var done = await client.PostOptOutAsync(token, [new("_form", confirm.FormKey!), new("lang", "nl")]);
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("U bent afgemeld", done.Html);
        Assert.Equal(ServiceStatus.OptedOut, await StatusAsync(token));
        Assert.Contains("U bent afgemeld", (await client.GetAsync($"/s?t={token}")).Html);

        await AssertRemindersOnlyReachAsync(invited, "blijver");
    }

    [Fact]
    public async Task The_one_click_unsubscribe_post_opts_out_without_cookies_origin_or_form_field()
    {
        var invited = await Invitations.InviteAsync(stack, "eenklik", "blijft");
        var token = invited.Tokens["eenklik"];
        // As a mail provider sends it (RFC 8058): a bare POST from its server, nothing but the one-click body.
        using var bare = new HttpClient { BaseAddress = new Uri(stack.BaseUrl) };
        var response = await bare.PostAsync(invited.OptOutLinks["eenklik"],
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ServiceStatus.OptedOut, await StatusAsync(token));
        await AssertRemindersOnlyReachAsync(invited, "blijft");
    }

    [Fact]
    public async Task A_post_without_our_form_field_or_from_another_site_is_refused_and_stores_nothing()
    {
        var invited = await Invitations.InviteAsync(stack, "csrf");
        var token = invited.Tokens["csrf"];
        var client = new SurveyClient(stack);
        var formKey = (await client.GetAsync($"/s?t={token}")).FormKey!;
        var otherKey = (await client.GetAsync($"/s?t={(await Invitations.InviteAsync(stack, "ander")).Tokens["ander"]}")).FormKey!;

        var missing = await client.PostSurveyAsync(token, SurveyClient.ValidAnswers());
        var wrong = await client.PostSurveyAsync(token, SurveyClient.ValidAnswers().Append(new("_form", otherKey)));
        var crossSite = await client.PostSurveyAsync(token, SurveyClient.ValidAnswers().Append(new("_form", formKey)),
            r => r.Headers.Add("Sec-Fetch-Site", "cross-site"));
        var optOutWithoutField = await client.PostOptOutAsync(token, [new("lang", "nl")]);

        foreach (var page in new[] { missing, wrong, crossSite, optOutWithoutField })
        {
            Assert.Equal(HttpStatusCode.Forbidden, page.Status);
            Assert.Contains("Wij konden uw formulier niet verwerken", page.Html);
        }
        Assert.Empty(await Responses.ForYearAsync(invited.Company, Invitations.Year, CancellationToken.None).ToListAsync());
        Assert.Equal(ServiceStatus.Open, await StatusAsync(token));

        var sameSite = await client.PostSurveyAsync(token, SurveyClient.ValidAnswers().Append(new("_form", formKey)),
            r => r.Headers.Add("Sec-Fetch-Site", "same-origin"));
        Assert.Contains("Bedankt voor uw antwoorden", sameSite.Html);
    }

    [Fact]
    public async Task A_burst_of_unknown_links_from_one_address_is_slowed_down_with_429()
    {
        var invited = await Invitations.InviteAsync(stack, "geduld");
        var prober = new SurveyClient(stack);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
            statuses.Add((await prober.GetAsync(i % 2 == 0 ? $"/s?t={SurveyToken.New().Token}" : $"/s?t=kort{i}")).Status);

        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.All(statuses.Skip(20), s => Assert.Equal((HttpStatusCode)429, s));
        var limited = await prober.GetAsync($"/s?t={SurveyToken.New().Token}");
        Assert.Equal((HttpStatusCode)429, limited.Status);
        Assert.InRange(int.Parse(limited.Header("Retry-After")), 1, 60);
        Assert.Contains("Deze link werkt niet", limited.Html);
        // Issue 11, item 14 changed this on purpose: a valid link is never refused, even from a limited address
        // (an office or carrier address is shared; the limit must not lock a client out).
        var valid = await prober.GetAsync($"/s?t={invited.Tokens["geduld"]}");
        Assert.Equal(HttpStatusCode.OK, valid.Status);

        var someoneElse = await new SurveyClient(stack).GetAsync($"/s?t={invited.Tokens["geduld"]}");
        Assert.Equal(HttpStatusCode.OK, someoneElse.Status);
    }

    [Fact]
    public async Task Progress_counts_responses_response_rate_and_mean_grade_per_perceel()
    {
        var invited = await Invitations.InviteAsync(stack, "p1", "p2", "p3", "p4");
        var client = new SurveyClient(stack);
        await client.AnswerAsync(invited.Tokens["p1"], SurveyClient.ValidAnswers(6));
        await client.AnswerAsync(invited.Tokens["p2"], SurveyClient.ValidAnswers(9));

        var progress = await NaarWerkProgressAsync(invited.Company);
        Assert.Equal(4, progress.GetProperty("ended").GetInt32());
        Assert.Equal(4, progress.GetProperty("approached").GetInt32());
        Assert.Equal(2, progress.GetProperty("responded").GetInt32());
        Assert.Equal(0.5, progress.GetProperty("responseRate").GetDouble(), 3);
        Assert.Equal(7.5, progress.GetProperty("meanGrade").GetDouble(), 3);
    }

    [Fact]
    public async Task A_response_stored_before_a_crash_marks_the_service_when_the_link_is_opened_again()
    {
        var invited = await Invitations.InviteAsync(stack, "crash");
        var token = invited.Tokens["crash"];
        var service = await Invitations.ServiceOfAsync(stack, token);
        var snapshot = (await Services.GetAsync(service, CancellationToken.None))!;
        var answers = Kto.Core.Questionnaires.AnswerValidator.Validate(
            stack.Services.GetRequiredService<Kto.Core.Questionnaires.QuestionnaireCatalog>().Current,
            SurveyClient.ValidAnswers(4).ToDictionary(kv => kv.Key, kv => (string?)kv.Value)).Answers!;
        // The response row was written, then the process died before the service was marked.
        Assert.True(await Responses.TryAddAsync(new StoredResponse(service, snapshot.Perceel, answers, DateTimeOffset.UtcNow), CancellationToken.None));
        Assert.Equal(ServiceStatus.Open, await StatusAsync(token));

        var page = await new SurveyClient(stack).GetAsync($"/s?t={token}");

        Assert.Contains("U heeft de vragenlijst al ingevuld", page.Html);
        Assert.Equal(ServiceStatus.Responded, await StatusAsync(token));
        Assert.Equal(4, (await NaarWerkProgressAsync(invited.Company)).GetProperty("meanGrade").GetDouble());
    }

    [Fact]
    public async Task A_service_row_stored_before_the_marks_existed_still_finds_a_response_stored_before_a_crash()
    {
        var invited = await Invitations.InviteAsync(stack, "oud");
        var token = invited.Tokens["oud"];
        var service = await Invitations.ServiceOfAsync(stack, token);
        var tables = stack.Services.GetRequiredService<Azure.Data.Tables.TableServiceClient>();
        var services = tables.GetTableClient(Kto.Infrastructure.Storage.StorageNames.ServicesTable);
        // The row as it was before MayHaveCorrections/MayHaveResponse existed, and a response added without any mark.
        var row = (await services.GetEntityAsync<Azure.Data.Tables.TableEntity>(Kto.Infrastructure.Storage.ServiceRows.Partition(service), service.ServiceId)).Value;
        row.Remove(Kto.Infrastructure.Storage.ServiceColumns.MayHaveCorrections);
        row.Remove(Kto.Infrastructure.Storage.ServiceColumns.MayHaveResponse);
        await services.UpdateEntityAsync(row, row.ETag, Azure.Data.Tables.TableUpdateMode.Replace);
        var snapshot = (await Services.GetAsync(service, CancellationToken.None))!;
        Assert.True(snapshot.MayHaveResponse && snapshot.MayHaveCorrections);
        var answers = Kto.Core.Questionnaires.AnswerValidator.Validate(
            stack.Services.GetRequiredService<Kto.Core.Questionnaires.QuestionnaireCatalog>().Current,
            SurveyClient.ValidAnswers(6).ToDictionary(kv => kv.Key, kv => (string?)kv.Value)).Answers!;
        await tables.GetTableClient(Kto.Infrastructure.Storage.StorageNames.ResponsesTable)
            .AddEntityAsync(Kto.Infrastructure.Storage.ResponseRows.Write(new StoredResponse(service, snapshot.Perceel, answers, DateTimeOffset.UtcNow)));

        var page = await new SurveyClient(stack).GetAsync($"/s?t={token}");

        Assert.Contains("U heeft de vragenlijst al ingevuld", page.Html);
        Assert.Equal(ServiceStatus.Responded, await StatusAsync(token));
    }

    [Fact]
    public async Task After_fieldwork_closes_the_link_shows_the_closed_page_and_stores_nothing()
    {
        var (company, _) = await stack.NewCompanyAsync("oud");
        await StoredServices.StoreAsync(stack, company, "OUD1", new DateOnly(2024, 3, 15)); // a delivery may no longer bring 2024
        var token = Assert.Single(await Invitations.MintTokensAsync(stack, company, 2024));
        var client = new SurveyClient(stack);

        var page = await client.GetAsync($"/s?t={token}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Het onderzoek is afgelopen", page.Html);
        Assert.DoesNotContain("<form", page.Html);

        // The closed page has no form; the opt-out page's form field is the same, valid one.
        var formKey = (await client.GetAsync($"/s/afmelden?t={token}")).FormKey!;
        var posted = await client.PostSurveyAsync(token, SurveyClient.ValidAnswers().Append(new("_form", formKey)));
        Assert.Contains("Het onderzoek is afgelopen", posted.Html);
        Assert.Empty(await Responses.ForYearAsync(company, 2024, CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task The_language_switch_shows_the_same_state_in_english()
    {
        var invited = await Invitations.InviteAsync(stack, "engels");
        var token = invited.Tokens["engels"];
        var client = new SurveyClient(stack);

        var english = await client.GetAsync($"/s?t={token}&lang=en");
        Assert.Contains("<html lang=\"en\">", english.Html);
        Assert.Contains("What did you think of your support?", english.Html);
        Assert.Contains($"href=\"?t={token}&amp;lang=nl\"", english.Html); // the token now travels in the query string
        Assert.Contains("name=\"lang\" value=\"en\"", english.Html);

        var answers = SurveyClient.ValidAnswers();
        answers.Remove("hulp-naar-werk");
        var errors = await client.PostSurveyAsync(token, answers.Append(new("_form", english.FormKey!)).Append(new("lang", "en")));
        Assert.Contains("You have not answered this question yet", errors.Html);
        Assert.Contains("<html lang=\"en\">", errors.Html);
    }

    [Fact]
    public async Task No_log_line_carries_the_token_the_address_or_the_answers()
    {
        var invited = await Invitations.InviteAsync(stack, "stil");
        var token = invited.Tokens["stil"];
        var client = new SurveyClient(stack);
        var answers = SurveyClient.ValidAnswers();
        answers["open-beter"] = "Geheim-antwoord-" + Guid.NewGuid().ToString("N");
        answers.Remove("hulp-naar-werk");

        await client.AnswerAsync(token, answers);
        answers["hulp-naar-werk"] = "3";
        await client.AnswerAsync(token, answers);
        await client.PostSurveyAsync(token, [new("_form", "vals")]);
        await client.GetAsync($"/s/afmelden?t={token}");
        await client.PostOptOutAsync(token, [new("List-Unsubscribe", "One-Click")]);
        var unknown = SurveyToken.New().Token;
        await client.GetAsync($"/s?t={unknown}");

        var lines = stack.Logs.Lines.ToArray();
        Assert.Contains(lines, l => l.Contains("Kto:Survey:FormKey is not set", StringComparison.Ordinal)); // the capture works
        foreach (var secret in new[] { token, unknown, Kto.Core.Access.SecretKeys.Hash(token), client.Address, answers["open-beter"], "/api/s/", "t=" + token })
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
    }

    private static string StylesheetPath(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<link rel=\"stylesheet\" href=\"([^\"]+)\"").Groups[1].Value;

    private async Task<ServiceStatus> StatusAsync(string token) =>
        (await Services.GetAsync(await Invitations.ServiceOfAsync(stack, token), CancellationToken.None))!.Status;

    private async Task<JsonElement> NaarWerkProgressAsync(string company)
    {
        var json = await stack.Bureau().GetStringAsync($"/api/companies/{company}/progress?year={Invitations.Year}");
        return JsonDocument.Parse(json).RootElement.GetProperty("percelen").EnumerateArray()
            .Single(p => p.GetProperty("perceel").GetString() == "Naar werk");
    }

    /// <summary>Reminders a week later reach only <paramref name="expected"/>: an opted-out client gets none.</summary>
    private async Task AssertRemindersOnlyReachAsync(Invited invited, string expected)
    {
        // Eight days on, but never a Sunday (no mail then): invited on a Saturday, the reminder goes on Monday.
        var at = Invitations.MailTime.AddDays(8);
        if (DutchTime.ToDutch(at).DayOfWeek == DayOfWeek.Sunday) at = at.AddDays(1);
        await stack.RunJobAsync("send-reminders", at);
        var reminders = stack.Smtp.To(invited.Domain).Where(m => (m.Subject ?? "").StartsWith("Herinnering", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"{expected}@{invited.Domain}"], reminders.Select(m => m.To.Mailboxes.Single().Address));
    }
}
