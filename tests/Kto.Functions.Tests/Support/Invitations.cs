using System.Globalization;
using System.Text.RegularExpressions;
using Kto.Core;
using Kto.Core.Access;
using Kto.Core.Fieldwork;
using Kto.Core.Survey;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Support;

/// <summary>
/// Real invitation links: delivers an export, runs the invitation job against the real SMTP server and reads the
/// personal link out of the mail. Dates follow the real clock (the questionnaire pages use it): the services
/// ended 30 days ago, so their fieldwork is open today.
/// </summary>
public static partial class Invitations
{
    public static DateOnly Einddatum => DutchTime.Today(TimeProvider.System).AddDays(-30);

    public static int Year => Einddatum.Year;

    /// <summary>10:00 Dutch time on the latest weekday (not Sunday) up to today: a time the mail job sends.</summary>
    public static DateTimeOffset MailTime
    {
        get
        {
            var day = DutchTime.Today(TimeProvider.System);
            while (day.DayOfWeek == DayOfWeek.Sunday) day = day.AddDays(-1);
            var local = day.ToDateTime(new TimeOnly(10, 0));
            return new DateTimeOffset(local, DutchTime.Zone.GetUtcOffset(local));
        }
    }

    /// <summary>Invites one client per name (e-mail name@{company}.test) and returns each name's personal link token.</summary>
    public static async Task<Invited> InviteAsync(LocalStack stack, params string[] names)
    {
        var (company, _) = await stack.NewCompanyAsync("s");
        var domain = company + ".test";
        var einddatum = Einddatum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        var rows = names.Select(n => $"{n};Sam;{n};{n}@{domain};0612345678;Naar werk;{einddatum}").ToArray();
        var receipt = await stack.DeliverAsync(company, "export.csv", Exports.Csv(rows));
        Assert.Equal(names.Length, receipt.GetProperty("accepted").GetInt32());
        await stack.RunJobAsync("send-invitations", MailTime);

        var tokens = new Dictionary<string, string>();
        var optOutLinks = new Dictionary<string, string>();
        foreach (var mail in stack.Smtp.To(domain))
        {
            var name = mail.To.Mailboxes.Single().Address.Split('@')[0];
            tokens[name] = TokenPattern().Match(mail.TextBody ?? "").Groups[1].Value;
            optOutLinks[name] = (mail.Headers["List-Unsubscribe"] ?? "").Trim('<', '>');
        }
        Assert.Equal(names.Length, tokens.Count);
        return new Invited(company, domain, tokens) { OptOutLinks = optOutLinks };
    }

    /// <summary>The service behind a token, read the way the pages read it.</summary>
    public static async Task<ServiceRef> ServiceOfAsync(LocalStack stack, string token) =>
        (await stack.Services.GetRequiredService<ISurveyTokenStore>().FindAsync(SecretKeys.Hash(token), CancellationToken.None))!.Value;

    /// <summary>A new personal link for every service of a company and year, without mail (as the mail job makes them).</summary>
    public static async Task<List<string>> MintTokensAsync(LocalStack stack, string company, int year)
    {
        var fieldwork = stack.Services.GetRequiredService<IFieldworkStore>();
        var store = stack.Services.GetRequiredService<ISurveyTokenStore>();
        var tokens = new List<string>();
        await foreach (var candidate in fieldwork.CandidatesAsync(company, year, CancellationToken.None))
        {
            var (token, hash) = SurveyToken.New();
            await store.SaveAsync(hash, candidate.Ref, CancellationToken.None);
            tokens.Add(token);
        }
        return tokens;
    }

    [GeneratedRegex(@"/s\?t=([A-Za-z0-9_-]+)\s")]
    private static partial Regex TokenPattern();
}

/// <summary>A company whose clients were invited, and each client's token by name.</summary>
public sealed record Invited(string Company, string Domain, IReadOnlyDictionary<string, string> Tokens)
{
    /// <summary>Each name's opt-out link as the mail's List-Unsubscribe header carries it (its own token, opt-out only).</summary>
    public IReadOnlyDictionary<string, string> OptOutLinks { get; init; } = new Dictionary<string, string>();
}
