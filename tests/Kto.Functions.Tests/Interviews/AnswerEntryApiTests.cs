using Kto.Core.Accounts;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kto.Core.Survey;
using Kto.Functions.Tests.Cli;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Interviews;

/// <summary>
/// Answers entered through the API and ./kto answer on the real stack: one answer per client whatever the mode
/// (online first, then phone, and the other way round), the questionnaire's issues on 422, the call list's limits.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class AnswerEntryApiTests(LocalStack stack)
{
    private static object Answers(int grade) => SurveyClient.ValidAnswers(grade)
        .ToDictionary(a => a.Key, a => int.TryParse(a.Value, out var n) ? (object)n : a.Value);

    private async Task<HttpResponseMessage> EnterAsync(string company, string service, string mode, object answers, string? interviewer = null) =>
        await stack.Bureau().PostAsJsonAsync($"/api/companies/{company}/answers",
            new { year = Invitations.Year, service, mode, answers, interviewer });

    [Fact]
    public async Task A_client_who_answered_online_is_refused_by_phone_and_one_answered_by_phone_cannot_answer_online()
    {
        var invited = await Invitations.InviteAsync(stack, "online", "telefoon");
        var online = await Invitations.ServiceOfAsync(stack, invited.Tokens["online"]);
        var phone = await Invitations.ServiceOfAsync(stack, invited.Tokens["telefoon"]);
        var client = new SurveyClient(stack);

        Assert.Equal(HttpStatusCode.OK, (await client.AnswerAsync(invited.Tokens["online"], SurveyClient.ValidAnswers(9))).Status);
        var refused = await EnterAsync(invited.Company, online.ServiceId, "phone", Answers(3), "piet@bureau.nl");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("already-answered", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        // The client has the questionnaire open while the interviewer enters the phone answers; the client's submit then loses.
        var open = await client.GetAsync($"/s?t={invited.Tokens["telefoon"]}");
        var stored = await EnterAsync(invited.Company, phone.ServiceId, "phone", Answers(6), "piet@bureau.nl");
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        var late = await client.PostSurveyAsync(invited.Tokens["telefoon"], SurveyClient.ValidAnswers(10).Append(new("_form", open.FormKey!)));
        Assert.Contains("al ingevuld", late.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("al ingevuld", (await client.GetAsync($"/s?t={invited.Tokens["telefoon"]}")).Html, StringComparison.OrdinalIgnoreCase);

        var responses = stack.Services.GetRequiredService<IResponseStore>();
        var first = await responses.FindAsync(online, default);
        var second = await responses.FindAsync(phone, default);
        Assert.Equal((ResponseMode.Web, (string?)null, 9), (first!.Mode, first.EnteredBy, first.Answers.Rapportcijfer));
        Assert.Equal((ResponseMode.Phone, "piet@bureau.nl", 6), (second!.Mode, second.EnteredBy, second.Answers.Rapportcijfer));
    }

    [Fact]
    public async Task Answers_that_do_not_fit_the_questionnaire_come_back_with_every_issue_and_nothing_is_stored()
    {
        var invited = await Invitations.InviteAsync(stack, "fout");
        var service = await Invitations.ServiceOfAsync(stack, invited.Tokens["fout"]);
        var answers = SurveyClient.ValidAnswers().ToDictionary(a => a.Key, a => (object?)a.Value);
        answers["rapportcijfer"] = 0;
        answers["begeleider-luistert"] = "misschien";
        answers.Remove("hulp-naar-werk");
        answers["kleur"] = "blauw";

        var response = await EnterAsync(invited.Company, service.ServiceId, "paper", answers);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid-answers", body.GetProperty("error").GetString());
        Assert.Equal(["kleur:unknown-question", "rapportcijfer:out-of-range", "begeleider-luistert:not-a-number", "hulp-naar-werk:required"],
            body.GetProperty("issues").EnumerateArray().Select(i => $"{i.GetProperty("question").GetString()}:{i.GetProperty("code").GetString()}"));
        Assert.Null(await stack.Services.GetRequiredService<IResponseStore>().FindAsync(service, default));

        Assert.Equal(HttpStatusCode.BadRequest, (await EnterAsync(invited.Company, service.ServiceId, "web", Answers(8))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await EnterAsync(invited.Company, new string('0', 32), "phone", Answers(8))).StatusCode);
        var (_, companyKey) = await stack.NewCompanyAsync("eigen");
        Assert.Equal(HttpStatusCode.Forbidden, (await stack.Client(companyKey).PostAsJsonAsync($"/api/companies/{invited.Company}/answers",
            new { year = Invitations.Year, service = service.ServiceId, mode = "phone", answers = Answers(8) })).StatusCode);
    }

    [Fact]
    public async Task Kto_answer_enters_a_paper_form_from_a_file_and_refuses_a_client_who_already_answered()
    {
        var invited = await Invitations.InviteAsync(stack, "brief");
        var service = await Invitations.ServiceOfAsync(stack, invited.Tokens["brief"]);
        var file = TestTemp.File($"antwoorden-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(Answers(7)));
        try
        {
            var entered = await KtoCli.RunAsync(stack, "answer", invited.Company, "--year", Invitations.Year.ToString(CultureInfo.InvariantCulture),
                "--service", service.ServiceId, "--mode", "paper", "--answers", file);
            Assert.Equal(0, entered.Exit);
            Assert.Contains("\"mode\":\"paper\"", entered.Stdout.Replace(" ", ""));

            var again = await KtoCli.RunAsync(stack, "answer", invited.Company, "--year", Invitations.Year.ToString(CultureInfo.InvariantCulture),
                "--service", service.ServiceId, "--mode", "phone", "--answers", file);
            Assert.Equal(1, again.Exit);
            Assert.Contains($"kto: service {service.ServiceId} already answered", again.Stderr);
            Assert.Equal("", again.Stdout);
        }
        finally
        {
            File.Delete(file);
        }
        var stored = await stack.Services.GetRequiredService<IResponseStore>().FindAsync(service, default);
        Assert.Equal((ResponseMode.Paper, AuditActions.BureauKey, 7), (stored!.Mode, stored.EnteredBy, stored.Answers.Rapportcijfer));
    }

    [Fact]
    public async Task Kto_answer_with_null_leaves_a_question_blank_the_form_counts_as_a_response_and_the_blank_grade_is_in_no_mean()
    {
        var invited = await Invitations.InviteAsync(stack, "leeg", "cijfer");
        var blank = await Invitations.ServiceOfAsync(stack, invited.Tokens["leeg"]);
        var graded = await Invitations.ServiceOfAsync(stack, invited.Tokens["cijfer"]);
        var answers = SurveyClient.ValidAnswers(4).ToDictionary(a => a.Key, a => int.TryParse(a.Value, out var n) ? (object?)n : a.Value);
        answers["rapportcijfer"] = null; // left blank on the paper form
        answers["begeleider-luistert"] = null;
        var file = TestTemp.File($"leeg-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(answers));
        try
        {
            var entered = await KtoCli.RunAsync(stack, "answer", invited.Company, "--year", Invitations.Year.ToString(CultureInfo.InvariantCulture),
                "--service", blank.ServiceId, "--mode", "paper", "--answers", file);
            Assert.Equal(0, entered.Exit);
        }
        finally
        {
            File.Delete(file);
        }
        Assert.Equal(HttpStatusCode.Created, (await EnterAsync(invited.Company, graded.ServiceId, "phone", Answers(8))).StatusCode);

        var stored = await stack.Services.GetRequiredService<IResponseStore>().FindAsync(blank, default);
        Assert.Null(stored!.Answers.Rapportcijfer);
        Assert.False(stored.Answers["begeleider-luistert"].IsAnswered);
        var progress = await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/companies/{invited.Company}/progress?year={Invitations.Year}");
        var perceel = progress.GetProperty("percelen").EnumerateArray().Single(p => p.GetProperty("ended").GetInt32() > 0);
        Assert.Equal(2, perceel.GetProperty("responded").GetInt32()); // both forms are responses
        Assert.Equal(8.0, perceel.GetProperty("meanGrade").GetDouble()); // the blank grade is no grade: the mean is 8, not 4

        // A wholly blank form is no response.
        var third = await Invitations.InviteAsync(stack, "niets");
        var nothing = await Invitations.ServiceOfAsync(stack, third.Tokens["niets"]);
        var none = await EnterAsync(third.Company, nothing.ServiceId, "paper", SurveyClient.ValidAnswers().ToDictionary(a => a.Key, a => (object?)null));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Contains("nothing-answered", await none.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Answers_entered_for_clients_never_recorded_as_approached_count_them_approached_by_phone_and_by_letter()
    {
        var (company, _) = await stack.NewCompanyAsync("benaderd");
        var end = Invitations.Einddatum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        await stack.DeliverAsync(company, "benaderd.csv", Exports.Csv(
            $"B1;Bas;Beller;;0611111111;Naar werk;{end}",
            $"B2;Bea;Papier;;0622222222;Naar werk;{end}"));
        var api = stack.Api();
        var list = (await api.GetCallListAsync(company, Invitations.Year)).Json().GetProperty("clients").EnumerateArray().ToList();
        string Service(string klantnummer) => list.Single(c => c.GetProperty("klantnummer").GetString() == klantnummer).GetProperty("service").GetString()!;

        // The phone answer without "Gebeld: bereikt" first; the paper form without a letter batch.
        Assert.Equal(HttpStatusCode.Created, (await EnterAsync(company, Service("B1"), "phone", Answers(7), "piet@bureau.nl")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await EnterAsync(company, Service("B2"), "paper", Answers(8), "typist@bureau.nl")).StatusCode);

        var naarWerk = (await api.GetProgressAsync(company, Invitations.Year)).Json().GetProperty("percelen").EnumerateArray()
            .Single(p => p.GetProperty("perceel").GetString() == "Naar werk");
        Assert.Equal((2, 2), (naarWerk.GetProperty("approached").GetInt32(), naarWerk.GetProperty("responded").GetInt32()));
        var fieldwork = stack.Services.GetRequiredService<Kto.Core.Fieldwork.IFieldworkStore>();
        var modes = new List<(Kto.Core.Fieldwork.ContactMode, Kto.Core.Fieldwork.AttemptOutcome)>();
        foreach (var klantnummer in new[] { "B1", "B2" })
            await foreach (var attempt in fieldwork.AttemptsOfAsync(new ServiceRef(company, Invitations.Year, Service(klantnummer)), default))
                modes.Add((attempt.Mode, attempt.Outcome));
        Assert.Equal([(Kto.Core.Fieldwork.ContactMode.Phone, Kto.Core.Fieldwork.AttemptOutcome.Reached), (Kto.Core.Fieldwork.ContactMode.Letter, Kto.Core.Fieldwork.AttemptOutcome.Sent)], modes);
    }

    [Fact]
    public async Task The_call_list_drops_refusals_wrong_numbers_and_clients_called_the_maximum_number_of_times()
    {
        var (company, _) = await stack.NewCompanyAsync("lijst");
        var end = Invitations.Einddatum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        await stack.DeliverAsync(company, "lijst.csv", Exports.Csv(
            $"A1;An;Mail;an@{company}.test;0611111111;Naar werk;{end}",
            $"A2;Bo;Weigert;;0622222222;Naar werk;{end}",
            $"A3;Cor;Verkeerd;;0633333333;Naar werk;{end}",
            $"A4;Dirk;Vijfmaal;;0644444444;Naar werk;{end}",
            $"A5;Els;Eenmaal;;0655555555;Naar werk;{end}",
            $"A6;Fem;Zonder;;;Naar werk;{end}"));
        var api = stack.Api();
        async Task<JsonElement> ListAsync() => (await api.GetCallListAsync(company, Invitations.Year)).Json();
        string Service(JsonElement list, string klantnummer) =>
            list.GetProperty("clients").EnumerateArray().Single(c => c.GetProperty("klantnummer").GetString() == klantnummer).GetProperty("service").GetString()!;

        var before = await ListAsync();
        var order = before.GetProperty("clients").EnumerateArray().Select(c => c.GetProperty("klantnummer").GetString()).ToList();
        Assert.Equal(5, order.Count); // A6 has no phone number
        Assert.Equal(["A2", "A3", "A4", "A5"], order.Take(4).Order()); // phone only, none called yet
        Assert.Equal("A1", order[4]); // has e-mail: last
        Assert.Equal(5, before.GetProperty("maxCallAttempts").GetInt32());

        Assert.True((await api.RecordCallAsync(company, Invitations.Year, Service(before, "A2"), "refused", "piet@bureau.nl")).IsSuccess);
        Assert.True((await api.RecordCallAsync(company, Invitations.Year, Service(before, "A3"), "wrong-number")).IsSuccess);
        for (var i = 0; i < 5; i++)
            Assert.True((await api.RecordCallAsync(company, Invitations.Year, Service(before, "A4"), i % 2 == 0 ? "no-answer" : "voicemail")).IsSuccess);
        Assert.True((await api.RecordCallAsync(company, Invitations.Year, Service(before, "A5"), "call-back", callBackAt: DateTimeOffset.UtcNow.AddHours(3))).IsSuccess);
        var missingTime = await api.RecordCallAsync(company, Invitations.Year, Service(before, "A5"), "call-back");
        Assert.Equal(400, missingTime.Status);

        var after = await ListAsync();
        var clients = after.GetProperty("clients").EnumerateArray().ToList();
        Assert.Equal(["A5", "A1"], clients.Select(c => c.GetProperty("klantnummer").GetString()));
        Assert.Equal((1, "call-back"), (clients[0].GetProperty("calls").GetInt32(), clients[0].GetProperty("lastOutcome").GetString()));
        Assert.NotEqual(JsonValueKind.Null, clients[0].GetProperty("callBackAt").ValueKind);

        // Every call counts as an approach except the wrong number.
        var progress = (await api.GetProgressAsync(company, Invitations.Year)).Json();
        var naarWerk = progress.GetProperty("percelen").EnumerateArray().Single(p => p.GetProperty("perceel").GetString() == "Naar werk");
        Assert.Equal(3, naarWerk.GetProperty("approached").GetInt32());
    }
}
