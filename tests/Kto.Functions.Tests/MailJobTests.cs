using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kto.Core.Access;
using Kto.Core.Fieldwork;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Functions.Tests.Support;
using Kto.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Kto.Functions.Tests;

/// <summary>Invitations and reminders against a real SMTP server and real Table storage.</summary>
[Collection(LocalStackCollection.Name)]
public sealed partial class MailJobTests(LocalStack stack)
{
    // A Tuesday, 10:00 in Amsterdam: inside mail hours.
    private static readonly DateTimeOffset Tuesday = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(1));

    private IFieldworkStore Fieldwork => stack.Services.GetRequiredService<IFieldworkStore>();

    [Fact]
    public async Task Each_service_with_email_gets_one_invitation_with_a_working_personal_link()
    {
        var (company, domain) = await DeliverAsync("Jansen", "de Vries", "");
        var result = await stack.RunJobAsync("send-invitations", Tuesday);
        var mails = stack.Smtp.To(domain);

        Assert.Equal("done", result.GetProperty("stopped").GetString());
        Assert.Equal(2, mails.Count);
        Assert.Equal(2, mails.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
        var mail = mails.Single(m => m.To.Mailboxes.Single().Address.StartsWith("jansen", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Wat vond u van Test Re-integratie", mail.Subject);
        Assert.Equal("Testbureau Onderzoek", mail.From.Mailboxes.Single().Name);
        Assert.Contains("Beste Sam Jansen", mail.TextBody);
        Assert.Contains("burgerservicenummer", mail.TextBody);
        Assert.Contains("Naar de vragenlijst", mail.HtmlBody);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);

        var token = TokenOf(mail);
        // The opt-out link carries a token of its own (issue 11, item 9): never the questionnaire's token.
        Assert.StartsWith($"<{stack.BaseUrl}/s/afmelden?o=", mail.Headers["List-Unsubscribe"]);
        Assert.DoesNotContain(token, mail.Headers["List-Unsubscribe"]);
        var service = await stack.Services.GetRequiredService<ISurveyTokenStore>().FindAsync(SecretKeys.Hash(token), CancellationToken.None);
        Assert.Equal(company, service?.Company);
        Assert.True(token.Length >= 32, "at least 128 bits in base64url");

        var again = await stack.RunJobAsync("send-invitations", Tuesday.AddHours(1));
        Assert.Equal(2, stack.Smtp.To(domain).Count);
        Assert.Equal("done", again.GetProperty("stopped").GetString());
    }

    [Fact]
    public async Task Two_concurrent_runs_send_each_mail_once()
    {
        var (_, domain) = await DeliverAsync(Enumerable.Range(1, 12).Select(i => $"klant{i}").ToArray());
        await Task.WhenAll(
            stack.RunJobAsync("send-invitations", Tuesday),
            stack.RunJobAsync("send-invitations", Tuesday),
            stack.RunJobAsync("send-invitations", Tuesday));
        var addresses = stack.Smtp.To(domain).Select(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(12, addresses.Count);
        Assert.Equal(12, addresses.Distinct().Count());
    }

    [Theory]
    [InlineData("2026-11-29T10:00:00+01:00", "a Sunday")]
    [InlineData("2026-11-24T22:30:00+01:00", "late in the evening")]
    [InlineData("2026-11-24T07:59:00+01:00", "early in the morning")]
    public async Task No_mail_in_quiet_hours(string at, string why)
    {
        var (_, domain) = await DeliverAsync("stil");
        var result = await stack.RunJobAsync("send-invitations", DateTimeOffset.Parse(at));
        Assert.True(result.GetProperty("stopped").GetString() == "quiet-time", why);
        Assert.Empty(stack.Smtp.To(domain));
    }

    [Fact]
    public async Task Reminders_go_only_to_clients_who_did_not_answer_opt_out_or_bounce()
    {
        var (company, domain) = await DeliverAsync("antwoordt", "afmelder", "stuitert", "vergeet");
        stack.Smtp.RejectPermanently[$"stuitert@{domain}"] = true;
        await stack.RunJobAsync("send-invitations", Tuesday);
        Assert.Equal(3, stack.Smtp.To(domain).Count);

        var services = await ServicesAsync(company);
        var surveys = stack.Services.GetRequiredService<ISurveyServiceStore>();
        Assert.True(await surveys.MarkRespondedAsync(services["antwoordt"], 8, CancellationToken.None));
        await surveys.MarkOptedOutAsync(services["afmelder"], CancellationToken.None);

        var early = await stack.RunJobAsync("send-reminders", Tuesday.AddDays(6));
        Assert.Equal(0, early.GetProperty("sent").GetInt32());
        await stack.RunJobAsync("send-reminders", Tuesday.AddDays(8));
        var reminders = stack.Smtp.To(domain).Where(m => (m.Subject ?? "").StartsWith("Herinnering")).ToList();
        Assert.Equal(["vergeet@" + domain], reminders.Select(m => m.To.Mailboxes.Single().Address));
        Assert.Contains("nog niet ontvangen", reminders[0].TextBody);

        await stack.RunJobAsync("send-reminders", Tuesday.AddDays(9));
        Assert.Single(stack.Smtp.To(domain), m => (m.Subject ?? "").StartsWith("Herinnering"));
        await stack.RunJobAsync("send-reminders", Tuesday.AddDays(15));
        Assert.Equal(2, stack.Smtp.To(domain).Count(m => (m.Subject ?? "").StartsWith("Herinnering")));
        await stack.RunJobAsync("send-reminders", Tuesday.AddDays(30));
        Assert.Equal(2, stack.Smtp.To(domain).Count(m => (m.Subject ?? "").StartsWith("Herinnering")));
    }

    [Fact]
    public async Task A_temporary_refusal_is_tried_again_later_and_a_permanent_one_is_a_bounce()
    {
        var (company, domain) = await DeliverAsync("later", "nooit");
        stack.Smtp.RejectOnce[$"later@{domain}"] = true;
        stack.Smtp.RejectPermanently[$"nooit@{domain}"] = true;

        var first = await stack.RunJobAsync("send-invitations", Tuesday);
        Assert.Empty(stack.Smtp.To(domain));
        var soon = await stack.RunJobAsync("send-invitations", Tuesday.AddMinutes(5));
        Assert.Empty(stack.Smtp.To(domain));
        await stack.RunJobAsync("send-invitations", Tuesday.AddMinutes(31));
        Assert.Equal(["later@" + domain], stack.Smtp.To(domain).Select(m => m.To.Mailboxes.Single().Address));

        var services = await ServicesAsync(company);
        var attempts = await AttemptsAsync(company);
        var later = attempts.Where(a => a.Service == services["later"]).OrderBy(a => a.At).ToList();
        Assert.Equal([AttemptOutcome.Deferred, AttemptOutcome.Sent], later.Select(a => a.Outcome));
        Assert.Equal(452, later[0].SmtpCode);
        var never = attempts.Single(a => a.Service == services["nooit"]);
        Assert.Equal((AttemptOutcome.Failed, 550), (never.Outcome, never.SmtpCode));
        Assert.True((await Fieldwork.GetAsync(services["nooit"], CancellationToken.None))!.State.EmailBounced);
    }

    [Fact]
    public async Task Every_attempt_is_recorded_with_step_mode_time_and_outcome_and_progress_counts_approached()
    {
        var (company, _) = await DeliverAsync("een", "twee");
        await stack.RunJobAsync("send-invitations", Tuesday);
        await stack.RunJobAsync("send-reminders", Tuesday.AddDays(7));

        var attempts = await AttemptsAsync(company);
        Assert.Equal(4, attempts.Count);
        Assert.All(attempts, a => Assert.Equal((ContactMode.Email, AttemptOutcome.Sent), (a.Mode, a.Outcome)));
        Assert.Equal(2, attempts.Count(a => a.Step.IsInvitation && a.At == Tuesday));
        Assert.Equal(2, attempts.Count(a => a.Step.Name == "reminder-1" && a.At == Tuesday.AddDays(7)));

        var progress = await stack.Bureau().GetStringAsync($"/api/companies/{company}/progress?year=2026");
        var naarWerk = JsonDocument.Parse(progress).RootElement.GetProperty("percelen").EnumerateArray()
            .Single(p => p.GetProperty("perceel").GetString() == "Naar werk");
        Assert.Equal(2, naarWerk.GetProperty("approached").GetInt32());
    }

    [Fact]
    public async Task After_fieldwork_closes_no_mail_goes_out()
    {
        var (_, domain) = await DeliverAsync("laat");
        var result = await stack.RunJobAsync("send-invitations", new DateTimeOffset(2027, 2, 2, 10, 0, 0, TimeSpan.FromHours(1)));
        Assert.Equal(0, result.GetProperty("sent").GetInt32());
        Assert.Empty(stack.Smtp.To(domain));
    }

    [Fact]
    public async Task A_claim_left_by_a_crashed_run_is_recorded_as_unknown_and_not_mailed_again()
    {
        var (company, domain) = await DeliverAsync("crash");
        var service = (await ServicesAsync(company))["crash"];
        var candidate = await Fieldwork.GetAsync(service, CancellationToken.None);
        Assert.True(await Fieldwork.TryClaimAsync(candidate!, ContactStep.Invitation, DateTimeOffset.UtcNow.AddSeconds(-1), CancellationToken.None));

        var result = await stack.RunJobAsync("send-invitations", Tuesday);
        Assert.Empty(stack.Smtp.To(domain));
        Assert.Equal(AttemptOutcome.Unknown, (await AttemptsAsync(company)).Single().Outcome);
        Assert.True(result.GetProperty("unknown").GetInt32() >= 1);
    }

    [Fact]
    public async Task A_live_claim_of_another_run_is_left_alone()
    {
        var (company, domain) = await DeliverAsync("bezet");
        var service = (await ServicesAsync(company))["bezet"];
        var candidate = await Fieldwork.GetAsync(service, CancellationToken.None);
        Assert.True(await Fieldwork.TryClaimAsync(candidate!, ContactStep.Invitation, DateTimeOffset.UtcNow.AddMinutes(10), CancellationToken.None));
        // A claim needs the version that was read: a stale copy cannot claim again.
        Assert.False(await Fieldwork.TryClaimAsync(candidate!, ContactStep.Invitation, DateTimeOffset.UtcNow.AddMinutes(10), CancellationToken.None));

        await stack.RunJobAsync("send-invitations", Tuesday);
        Assert.Empty(stack.Smtp.To(domain));
        Assert.Empty(await AttemptsAsync(company));
    }

    [Fact]
    public async Task The_throttle_holds_across_runs()
    {
        var (_, domain) = await DeliverAsync("t1", "t2", "t3", "t4", "t5");
        var settings = new MailSettings
        {
            Host = "127.0.0.1", Port = stack.Smtp.Port, Security = "None",
            MaxPerMinute = 2, MaxPerHour = 3, MaxThrottleWait = TimeSpan.Zero,
        };
        var job = ActivatorUtilities.CreateInstance<MailJobService>(stack.Services, settings,
            new TableMailThrottle(stack.Services.GetRequiredService<Azure.Data.Tables.TableServiceClient>(), settings, TimeProvider.System));
        // Other tests' runs use their own generous limits on the same row; start from an empty window.
        await stack.Services.GetRequiredService<Azure.Data.Tables.TableServiceClient>().GetTableClient(StorageNames.JobStateTable)
            .DeleteEntityAsync("mail-throttle", "sends");

        var first = await job.RunAsync(MailJob.SendInvitations, Tuesday, CancellationToken.None);
        var second = await job.RunAsync(MailJob.SendInvitations, Tuesday, CancellationToken.None);

        Assert.Equal(MailJobResult.StopReasons.Throttled, first.Stopped);
        Assert.Equal(MailJobResult.StopReasons.Throttled, second.Stopped);
        Assert.Equal(2, stack.Smtp.To(domain).Count);
    }

    [Fact]
    public async Task An_hour_of_thousands_of_sends_fits_the_throttle_row_and_still_counts()
    {
        // As text the send times outgrew Table storage's 64 KiB property limit at about 2,300 mails an hour.
        var tables = stack.Services.GetRequiredService<Azure.Data.Tables.TableServiceClient>();
        var row = tables.GetTableClient(StorageNames.JobStateTable);
        var now = DateTimeOffset.UtcNow;
        var earlier = Enumerable.Range(0, 8_998).Select(i => now.AddMinutes(-50).AddMilliseconds(i * 300)).ToList();
        var seeded = new Azure.Data.Tables.TableEntity("mail-throttle", "sends");
        SendTimesColumns.Write(seeded, earlier);
        await row.UpsertEntityAsync(seeded, Azure.Data.Tables.TableUpdateMode.Replace);
        var throttle = new TableMailThrottle(tables, new MailSettings { MaxPerMinute = 10_000, MaxPerHour = 9_000 }, TimeProvider.System);
        try
        {
            Assert.Null(await throttle.TryReserveAsync(CancellationToken.None));
            Assert.Null(await throttle.TryReserveAsync(CancellationToken.None));
            var wait = await throttle.TryReserveAsync(CancellationToken.None);

            // The hour is full: the next slot frees when the oldest of the 9,000 leaves the hour, about 10 minutes on.
            Assert.NotNull(wait);
            Assert.InRange(wait.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(11));
            var stored = SendTimesColumns.Read((await row.GetEntityAsync<Azure.Data.Tables.TableEntity>("mail-throttle", "sends")).Value);
            Assert.Equal(9_000, stored.Count);
            Assert.Equal(earlier.Select(t => t.ToUnixTimeMilliseconds()), stored.Take(8_998).Select(t => t.ToUnixTimeMilliseconds()));
        }
        finally
        {
            await row.DeleteEntityAsync("mail-throttle", "sends");
        }
    }

    [Fact]
    public async Task A_run_past_its_time_limit_stops_cleanly_and_the_next_run_continues()
    {
        var (_, domain) = await DeliverAsync("tijd1", "tijd2");
        var settings = new MailSettings { Host = "127.0.0.1", Port = stack.Smtp.Port, Security = "None", RunTimeLimit = TimeSpan.Zero };
        var stopped = await ActivatorUtilities.CreateInstance<MailJobService>(stack.Services, settings)
            .RunAsync(MailJob.SendInvitations, Tuesday, CancellationToken.None);
        Assert.Equal(MailJobResult.StopReasons.TimeLimit, stopped.Stopped);
        Assert.Empty(stack.Smtp.To(domain));

        await stack.RunJobAsync("send-invitations", Tuesday);
        Assert.Equal(2, stack.Smtp.To(domain).Count);
    }

    [Fact]
    public async Task Clients_without_email_are_listed_for_the_bureau_and_a_letter_counts_as_approached()
    {
        var (company, _) = await DeliverAsync("heeftmail");
        var upload = "klantnummer;voornaam;achternaam;adres;postcode;woonplaats;telefoon;perceel;einddatum\n" +
                     "P1;Piet;Post;Dorpsstraat 1;1234 AB;Utrecht;0301234567;Naar werk;01-03-2026\n";
        await stack.DeliverAsync(company, "zonder-mail.csv", System.Text.Encoding.UTF8.GetBytes(upload));

        var rows = await OfflineCsvAsync(company);
        Assert.Equal(2, rows.Count);
        var cells = rows[1];
        Assert.Equal("P1", cells[2]);
        Assert.Equal("Dorpsstraat 1", cells[10]);
        Assert.StartsWith($"{stack.BaseUrl}/s?t=", cells[^1]);

        var asCompany = await stack.Client(await CompanyKeyAsync()).GetAsync($"/api/companies/{company}/offline-contacts");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, asCompany.StatusCode); // a valid key, not the bureau's: 403 (issue 11)

        var bad = await stack.Bureau().PostAsJsonAsync($"/api/companies/{company}/attempts", new { year = 2026, service = cells[1], mode = "fax", outcome = "sent" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        var ok = await stack.Bureau().PostAsJsonAsync($"/api/companies/{company}/attempts", new { year = 2026, service = cells[1], mode = "letter", outcome = "sent" });
        Assert.Equal(System.Net.HttpStatusCode.Created, ok.StatusCode);
        var letter = (await AttemptsAsync(company)).Single();
        Assert.Equal((ContactMode.Letter, AttemptOutcome.Sent, true), (letter.Mode, letter.Outcome, letter.Step.IsInvitation));
        var progress = JsonDocument.Parse(await stack.Bureau().GetStringAsync($"/api/companies/{company}/progress?year=2026"));
        Assert.Equal(1, progress.RootElement.GetProperty("percelen").EnumerateArray()
            .Single(p => p.GetProperty("perceel").GetString() == "Naar werk").GetProperty("approached").GetInt32());
    }

    [Fact]
    public async Task The_offline_csv_quotes_every_cell_and_no_value_can_start_a_formula()
    {
        var (company, _) = await DeliverAsync("heeftmail");
        var upload = "klantnummer;voornaam;achternaam;adres;postcode;woonplaats;telefoon;perceel;einddatum\n" +
                     "P2;@SUM(1+1);\"=HYPERLINK(\"\"http://evil.example\"\")\";\"Kerkstraat 2;=cmd|' /C calc'!A0\";1234 AB;\"Utrecht,+1\";;Naar werk;01-03-2026\n";
        await stack.DeliverAsync(company, "injectie.csv", System.Text.Encoding.UTF8.GetBytes(upload));

        var raw = (await stack.Bureau().GetStringAsync($"/api/companies/{company}/offline-contacts?year=2026")).TrimStart('\uFEFF');
        var rows = await OfflineCsvAsync(company);
        Assert.Equal(2, rows.Count);
        // Every cell quoted: each line is "…";"…";… with as many quoted cells as the header has columns.
        Assert.All(raw.Split("\r\n", StringSplitOptions.RemoveEmptyEntries), line =>
            Assert.Matches("^\"([^\"]|\"\")*\"(;\"([^\"]|\"\")*\")*$", line));
        var cells = rows[1];
        Assert.Equal("'@SUM(1+1)", cells[6]);
        Assert.Equal("'=HYPERLINK(\"http://evil.example\")", cells[9]);
        Assert.Equal("Kerkstraat 2;'=cmd|' /C calc'!A0", cells[10]);
        Assert.Equal("Utrecht,'+1", cells[12]);
        // Nowhere, not even after a separator inside a cell, does a formula start.
        Assert.All(rows.SelectMany(r => r).SelectMany(c => c.Split([';', ',', '|', '\t', '\n'])),
            part => Assert.False(part.TrimStart(' ') is [ '=' or '+' or '-' or '@', ..], part));
    }

    /// <summary>The offline CSV as the bureau's spreadsheet reads it: semicolons, quoted cells.</summary>
    private async Task<List<string[]>> OfflineCsvAsync(string company)
    {
        var csv = (await stack.Bureau().GetStringAsync($"/api/companies/{company}/offline-contacts?year=2026")).TrimStart('\uFEFF');
        // RFC 4180 with semicolons: a quoted cell may hold separators, doubled quotes and line breaks.
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < csv.Length && csv[i + 1] == '"') { cell.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ';') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add([.. row]); row.Clear(); i++; }
            else cell.Append(c);
        }
        return rows;
    }

    private async Task<string> CompanyKeyAsync() => (await stack.NewCompanyAsync("k")).Key;

    /// <summary>Delivers one service per name (e-mail name@{company}.test) and returns the company and mail domain.</summary>
    private async Task<(string Company, string Domain)> DeliverAsync(params string[] names)
    {
        var (company, _) = await stack.NewCompanyAsync("m");
        var domain = company + ".test";
        var rows = names.Select((n, i) => n.Length == 0
            ? $"X{i};Kim;Zondermail;;0612345678;Naar werk;15-03-2026"
            : $"{n};Sam;{char.ToUpper(n[0]) + n[1..]};{n.Replace(" ", "")}@{domain};0612345678;Naar werk;15-03-2026");
        var receipt = await stack.DeliverAsync(company, "export.csv", Exports.Csv(rows.ToArray()));
        Assert.Equal(names.Length, receipt.GetProperty("accepted").GetInt32());
        return (company, domain);
    }

    /// <summary>The services of a company by klantnummer.</summary>
    private async Task<Dictionary<string, ServiceRef>> ServicesAsync(string company)
    {
        var map = new Dictionary<string, ServiceRef>();
        await foreach (var c in Fieldwork.CandidatesAsync(company, 2026, CancellationToken.None))
            map[(await Fieldwork.GetContactAsync(c.Ref, CancellationToken.None))!.Klantnummer] = c.Ref;
        return map;
    }

    private async Task<List<ContactAttempt>> AttemptsAsync(string company) =>
        await Fieldwork.AttemptsAsync(company, 2026, CancellationToken.None).ToListAsync();

    private static string TokenOf(MimeMessage mail) => TokenPattern().Match(mail.TextBody ?? "").Groups[1].Value;

    [GeneratedRegex(@"/s\?t=([A-Za-z0-9_-]+)\s")]
    private static partial Regex TokenPattern();
}
