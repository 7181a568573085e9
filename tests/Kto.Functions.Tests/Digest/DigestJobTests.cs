using System.Net;
using System.Text;
using System.Text.Json;
using Kto.Core;
using Kto.Functions.Tests.Cli;
using Kto.Functions.Tests.Portal;
using Kto.Functions.Tests.Support;
using MimeKit;

namespace Kto.Functions.Tests.Digest;

/// <summary>
/// Issue 24's digest and delivery reminders on the real stack (Kto.Local + Azurite + the SMTP server): the job
/// <c>send-digest</c> through the bureau's route and <c>./kto job</c>, the opt-out through the portal's account page,
/// the reminder through <c>send-delivery-reminders</c> and the overview's flag.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class DigestJobTests(LocalStack stack)
{
    private static readonly DateOnly Yesterday = DateOnly.FromDateTime(DutchTime.ToDutch(DateTimeOffset.UtcNow).Date).AddDays(-1);

    private async Task<string> CompanyAsync(string prefix, string name)
    {
        var id = $"{prefix}-{Guid.NewGuid():N}"[..20];
        using var api = stack.Api();
        (await api.AddCompanyAsync(id, $"{name} {id}")).EnsureSuccess("POST /api/companies");
        return id;
    }

    /// <summary>Six clients with e-mail, ended yesterday, none answered yet: at risk by the forecast.</summary>
    private async Task DeliverUnansweredAsync(string company)
    {
        var end = Yesterday.ToString("dd-MM-yyyy");
        var rows = Enumerable.Range(1, 6).Select(i => $"KDG{i};Gerrit{i};Klantnaam;gerrit{i}@{company}.test;0612345678;Naar werk;{end};Dorpsstraat {i};1234 AB;Utrecht");
        var csv = string.Join("\n", ["klantnummer;voornaam;achternaam;email;telefoon;perceel;einddatum;adres;postcode;woonplaats", .. rows]) + "\n";
        Assert.Equal(6, (await stack.DeliverAsync(company, "digest.csv", Encoding.UTF8.GetBytes(csv))).GetProperty("accepted").GetInt32());
    }

    private IReadOnlyList<MimeMessage> Digests(string domain) =>
        stack.Smtp.To(domain).Where(m => m.Subject?.StartsWith("Weekoverzicht", StringComparison.Ordinal) == true).ToList();

    [Fact]
    public async Task Each_user_gets_one_digest_a_week_at_risk_first_without_client_data_and_an_opted_out_user_none()
    {
        var risky = await CompanyAsync("dgz", "Zeta Risico");
        var calm = await CompanyAsync("dga", "Aalst Rustig");
        await DeliverUnansweredAsync(risky);
        var forecast = (await stack.Api().GetForecastAsync(risky, Yesterday.Year)).Json().GetProperty("percelen")[1];
        Assert.True(forecast.GetProperty("atRisk").GetBoolean(), "precondition: six unanswered clients are at risk");
        var range = forecast.GetProperty("projectedRange").EnumerateArray().Select(r => Math.Round(r.GetDouble() * 100, MidpointRounding.AwayFromZero)).ToList();

        var bureauDomain = $"{risky}.bureau.nl";
        string reader = $"lezer@{bureauDomain}", quiet = $"stil@{bureauDomain}", companyUser = $"anna@{risky}.example.nl";
        await PortalClient.AddUserAsync(stack, reader, null);
        await PortalClient.AddUserAsync(stack, quiet, null);
        await PortalClient.AddUserAsync(stack, companyUser, risky);

        // The quiet user switches the digest off on the account page (an unchecked box sends no field).
        var portal = new PortalClient(stack);
        await portal.SignInAsync(quiet);
        var page = await portal.Http.GetStringAsync("/portal/account");
        Assert.Contains("id=\"digest\" name=\"digest\" value=\"1\" checked", page);
        var saved = await portal.PostFormAsync("/portal/account", new() { ["_csrf"] = PortalClient.FormToken(page) });
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.DoesNotContain(" checked", await portal.Http.GetStringAsync("/portal/account"));

        using var api = stack.Api();
        var first = await api.StartJobAsync("send-digest");
        Assert.Equal(200, first.Status);
        var run = first.Json();
        Assert.True(run.GetProperty("sent").GetInt32() >= 2);
        Assert.True(run.GetProperty("optedOut").GetInt32() >= 1);

        Assert.DoesNotContain(Digests(bureauDomain), m => m.To.Mailboxes.Single().Address == quiet);
        var bureauMail = Assert.Single(Digests(bureauDomain));
        var text = bureauMail.TextBody ?? "";
        int z = text.IndexOf($"Zeta Risico {risky}", StringComparison.Ordinal), a = text.IndexOf($"Aalst Rustig {calm}", StringComparison.Ordinal);
        Assert.True(z >= 0 && a >= 0 && z < a, "the company at risk comes before the calm one although A sorts first");
        Assert.Contains($"Zeta Risico {risky} – RISICO", text);
        Assert.Contains($"Naar werk: 0 van 6 gereageerd, respons 0 % (minimum 30 %), verwacht {range[0]:0}–{range[1]:0} % – risico", text);
        Assert.Contains("Stuur de uitnodiging aan 6 klanten", text);

        var companyMail = Assert.Single(Digests($"{risky}.example.nl"));
        Assert.Contains($"Zeta Risico {risky}", companyMail.TextBody);
        Assert.DoesNotContain("Aalst Rustig", companyMail.TextBody + companyMail.HtmlBody);
        Assert.DoesNotContain("Aalst Rustig", companyMail.Subject);

        // Never a client's name, klantnummer, address or e-mail address, in either part.
        foreach (var mail in new[] { bureauMail, companyMail })
            foreach (var secret in new[] { "Gerrit", "Klantnaam", "KDG", $"@{risky}.test", "Dorpsstraat", "0612345678" })
                Assert.DoesNotContain(secret, mail.TextBody + mail.HtmlBody, StringComparison.OrdinalIgnoreCase);

        // Again the same week, now through ./kto: nobody gets a second digest.
        var again = await KtoCli.RunAsync(stack, "job", "send-digest");
        Assert.Equal(0, again.Exit);
        var second = JsonDocument.Parse(again.Stdout).RootElement;
        Assert.Equal(run.GetProperty("period").GetString(), second.GetProperty("period").GetString());
        Assert.True(second.GetProperty("alreadySent").GetInt32() >= 2);
        Assert.Single(Digests(bureauDomain));
        Assert.Single(Digests($"{risky}.example.nl"));
    }

    [Fact]
    public async Task A_company_without_last_months_delivery_after_the_due_day_gets_one_reminder_and_the_overview_says_so()
    {
        var late = await CompanyAsync("dgl", "Laat Leverend");
        var onTime = await CompanyAsync("dgo", "Op Tijd");
        await DeliverUnansweredAsync(onTime);
        string lateUser = $"piet@{late}.example.nl", onTimeUser = $"kees@{onTime}.example.nl";
        await PortalClient.AddUserAsync(stack, lateUser, late);
        await PortalClient.AddUserAsync(stack, onTimeUser, onTime);

        // The 11th of this month (Dutch time), after the due day (10): last month's delivery is late unless one came this month.
        var today = DutchTime.ToDutch(DateTimeOffset.UtcNow);
        var at = new DateTimeOffset(today.Year, today.Month, Math.Max(11, today.Day), 9, 0, 0, today.Offset);
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1).ToString("MMMM yyyy", DutchTime.Culture);
        using var api = stack.Api();
        for (var run = 0; run < 2; run++)
            Assert.Equal(200, (await api.StartJobAsync("send-delivery-reminders", at.ToString("O"))).Status);

        var reminder = Assert.Single(stack.Smtp.To($"{late}.example.nl"), m => m.Subject?.StartsWith("Levering", StringComparison.Ordinal) == true);
        Assert.Equal($"Levering {lastMonth} ontbreekt – KTO Laat Leverend {late}", reminder.Subject);
        Assert.Contains($"/portal/companies/{late}", reminder.TextBody ?? "");
        Assert.DoesNotContain(stack.Smtp.To($"{onTime}.example.nl"), m => m.Subject?.StartsWith("Levering", StringComparison.Ordinal) == true);

        // The overview: shown today only when today is past the due day, so it is checked as the flag the page would show then.
        var bureau = new PortalClient(stack);
        var bureauEmail = $"kijker@{late}.bureau.nl";
        await PortalClient.AddUserAsync(stack, bureauEmail, null);
        await bureau.SignInAsync(bureauEmail);
        var overview = await bureau.Http.GetStringAsync("/portal/bureau");
        var block = overview[overview.IndexOf($"Laat Leverend {late}", StringComparison.Ordinal)..];
        block = block[..block.IndexOf("</section>", StringComparison.Ordinal)];
        var previous = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        if (today.Day > 10) Assert.Contains($"De levering over {previous.ToString("MMMM yyyy", DutchTime.Culture)} is te laat.", block);
        else Assert.DoesNotContain("is te laat", block);
    }
}
