using System.Globalization;
using Kto.Core;
using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Operations;
using Kto.Core.Portal;
using Kto.Core.Reports;
using Kto.Functions.Companies;
using Microsoft.DurableTask.Client;

namespace Kto.Functions.Portal;

/// <summary>
/// The bureau's pages: the overview of every company with action flags, users and companies (register a company,
/// add and remove users), and the audit log. Only bureau users; anyone else gets the same 404 as a missing page.
/// </summary>
public sealed class BureauPagesFunction(
    PortalGate gate,
    BureauOverviewService overview,
    ICompanyStore companies,
    CompanyService companyService,
    IUserStore users,
    UserService userService,
    IAuditLog audit,
    AttentionService attention,
    ReportSettings norms,
    TimeProvider time)
{
    [Function(nameof(PortalBureauOverview))]
    [PortalPage(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalBureauOverview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/bureau")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var (visitor, _, _) = request.Opening();
        var year = DutchTime.Today(time).Year;
        // "Nu bijwerken" counts in the background: while it runs the page says so and refreshes itself.
        // The run's status, the kept figures and "Aandacht nodig" are independent reads: asked for together.
        var refreshRead = OverviewRefreshOrchestration.StatusAsync(client, year, cancellationToken);
        var rowsRead = overview.ForYearAsync(year, cancellationToken);
        var attentionRead = attention.ListAsync(cancellationToken);
        await Task.WhenAll(refreshRead, rowsRead, attentionRead);
        var (refresh, rows, attentionItems) = (refreshRead.Result, rowsRead.Result, attentionRead.Result);
        var asked = request.Query["bijgewerkt"] == "1";
        var page = new BureauOverviewPage(
            Year: year,
            FiguresAt: rows.Any(c => !c.Counting) ? FiguresAt(rows.Where(c => !c.Counting).Min(c => c.ComputedAt)) : null,
            Refreshing: refresh is { Running: true },
            RefreshedAt: asked && refresh?.FinishedAt is { } finished ? FiguresAt(finished) : null,
            RefreshFailed: asked && refresh is { Failed: true },
            Counting: rows.Count(c => c.Counting),
            Attention: attentionItems.Select(a => new BureauOverviewPage.AttentionItem(
                Kind: a.Kind.ToString(),
                Text: a.Text,
                Since: a.Since is { } since ? ShownDate.ShortMinute(since) : null,
                Url: a.Link)).ToList(),
            MinimumRate: Percent(norms.MinimumResponseRate),
            KpiGrade: ShownNumber.Grade(norms.KpiMinimumMeanGrade),
            ExemptionThreshold: norms.ExemptionThreshold,
            Companies: rows.Select(c => new BureauOverviewPage.CompanyRow(
                Id: c.CompanyId,
                Name: c.CompanyName,
                Url: PortalUrls.Company(c.CompanyId),
                ProgressUrl: PortalUrls.Progress(c.CompanyId),
                FieldworkUrl: PortalUrls.Fieldwork(c.CompanyId, year),
                ReportUrl: PortalUrls.Report(c.CompanyId, year),
                Last: c.LastDelivery is { } last ? ShownDate.ShortDay(last.ReceivedAt) : null,
                ThisMonth: c.DeliveredThisMonth,
                Actions: Actions(c, year),
                Percelen: c.Percelen.Where(p => p.Ended > 0).Select(p => new BureauOverviewPage.PerceelFigures(
                    Name: p.Perceel, Ended: p.Ended, Approached: p.Approached,
                    Rate: Percent(p.ResponseRate), RateLow: p.ResponseRate < norms.MinimumResponseRate,
                    Grade: p.MeanGrade is { } grade ? ShownNumber.Grade(grade) : null,
                    GradeLow: p.MeanGrade < norms.KpiMinimumMeanGrade)).ToList(),
                Opdrachtgevers: c.Opdrachtgevers is { Opdrachtgevers: > 0 } o
                    ? new BureauOverviewPage.OpdrachtgeverFigures(Count: o.Opdrachtgevers, Approached: o.Approached, Rate: Percent(o.ResponseRate),
                        Grade: o.MeanGrade is { } opdrachtgeverGrade ? ShownNumber.Grade(opdrachtgeverGrade) : null)
                    : null,
                Counting: c.Counting)).ToList());
        var view = gate.View(visitor, "bureau-overview.liquid", "Overzicht bedrijven", page, "overview");
        // While a count runs (a refresh, or companies without kept figures yet) the page follows it by refreshing itself.
        return gate.Page(refresh is { Running: true } || page.Counting > 0 ? view with { RefreshAfter = 3 } : view);
    }

    /// <summary>
    /// The overview's flags grouped by kind, each one sentence with a link to where the bureau acts on it (deliveries,
    /// fieldwork, or the report page with the exemption letter), instead of one line per perceel and flag.
    /// </summary>
    private static List<BureauOverviewPage.Action> Actions(CompanyOverview company, int year)
    {
        var actions = new List<BureauOverviewPage.Action>();
        void Add(string text, string? argument, string link, string url) => actions.Add(new BureauOverviewPage.Action(text, argument, link, url));
        string Percelen(OverviewFlagKind kind, bool counted) => string.Join(", ", company.Flags.Where(f => f.Kind == kind)
            .Select(f => counted && f.Count is { } n ? $"{f.Perceel} ({n})" : f.Perceel));
        var fieldwork = PortalUrls.Fieldwork(company.CompanyId, year);
        if (company.Flags.Any(f => f.Kind == OverviewFlagKind.NoRecentDelivery))
            Add("Geen levering in de laatste 6 weken.", null, "Leveringen bekijken", PortalUrls.Company(company.CompanyId));
        if (company.Flags.FirstOrDefault(f => f.Kind == OverviewFlagKind.DeliveryOverdue) is { } overdue)
            Add("De levering over {0} is te laat.", overdue.Text, "Leveringen bekijken", PortalUrls.Company(company.CompanyId));
        if (company.Flags.Any(f => f.Kind == OverviewFlagKind.NotApproached))
            Add("Nog niet benaderd: {0}.", Percelen(OverviewFlagKind.NotApproached, counted: true), "Brieven en bellen", fieldwork);
        if (company.Flags.Any(f => f.Kind == OverviewFlagKind.ResponseBelowMinimum))
            Add("Respons onder het minimum: {0}.", Percelen(OverviewFlagKind.ResponseBelowMinimum, counted: false), "Veldwerk bekijken", fieldwork);
        if (company.Flags.Any(f => f.Kind == OverviewFlagKind.ForecastAtRisk))
            Add("Volgens de prognose: {0}.", string.Join("; ", company.Flags.Where(f => f.Kind == OverviewFlagKind.ForecastAtRisk).Select(f => f.Text)),
                "Voortgang en prognose", PortalUrls.Progress(company.CompanyId, year));
        if (company.Flags.Any(f => f.Kind == OverviewFlagKind.ExemptionPossible))
            Add("Vrijstelling mogelijk: {0}.", Percelen(OverviewFlagKind.ExemptionPossible, counted: false), "Aanvraagbrief op de rapportpagina",
                PortalUrls.Report(company.CompanyId, year));
        return actions;
    }

    /// <summary>
    /// "Nu bijwerken": starts the background count of every company's figures (or finds the one going) and answers
    /// at once with the overview, which follows the run until it is done.
    /// </summary>
    [Function(nameof(PortalBureauOverviewRefresh))]
    [PortalForm(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalBureauOverviewRefresh(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/bureau/refresh")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        await OverviewRefreshOrchestration.TryStartAsync(client, DutchTime.Today(time).Year, cancellationToken);
        return PortalResult.SeeOther(PortalUrls.Bureau + "?bijgewerkt=1");
    }

    [Function(nameof(PortalBureauUsers))]
    [PortalPage(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalBureauUsers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/bureau/users")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (visitor, _, _) = request.Opening();
        return await UsersPageAsync(visitor, new BureauUsersPage(), StatusCodes.Status200OK, cancellationToken);
    }

    [Function(nameof(PortalBureauUsersPost))]
    [PortalForm(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalBureauUsersPost(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/bureau/users/{action}")] HttpRequest request,
        string action,
        CancellationToken cancellationToken)
    {
        var (visitor, _, form) = request.Opening();
        var actor = visitor.User!.Email;

        switch (action)
        {
            case "add":
                var role = form.GetValueOrDefault("role") == "bureau" ? UserRole.Bureau : UserRole.Company;
                var added = await userService.AddAsync(actor, form.GetValueOrDefault("email"), role, form.GetValueOrDefault("company"), form.GetValueOrDefault("name"), cancellationToken);
                return added.Done
                    ? await UsersPageAsync(visitor, new()
                    {
                        Done = new PageText("{0} is toegevoegd. Deze persoon logt in via {1} met dit e-mailadres.", added.User!.Email, Base(request) + "/portal"),
                        Welcome = added.Welcomed
                            ? "Er is een welkomstmail gestuurd met het adres van het portaal en hoe inloggen werkt."
                            : "De welkomstmail kon niet worden verstuurd. Geef deze persoon zelf het adres van het portaal.",
                    }, StatusCodes.Status200OK, cancellationToken)
                    : await UsersPageAsync(visitor, new() { UserError = added.Message, Email = form.GetValueOrDefault("email"), Name = form.GetValueOrDefault("name") }, StatusCodes.Status422UnprocessableEntity, cancellationToken);
            case "remove" when form.GetValueOrDefault("bevestigd") != "1":
                // Removing signs the person out at once and cannot be undone from here: ask first.
                return await UsersPageAsync(visitor, new() { ConfirmRemove = form.GetValueOrDefault("email") }, StatusCodes.Status200OK, cancellationToken);
            case "remove":
                var removed = await userService.RemoveAsync(actor, form.GetValueOrDefault("email") ?? "", cancellationToken);
                return removed.Done
                    ? await UsersPageAsync(visitor, new() { Done = new PageText("{0} is verwijderd; een open sessie is meteen beëindigd.", removed.User?.Email ?? PortalUser.Normalize(form.GetValueOrDefault("email") ?? "")) }, StatusCodes.Status200OK, cancellationToken)
                    : await UsersPageAsync(visitor, new() { UserError = removed.Message }, StatusCodes.Status422UnprocessableEntity, cancellationToken);
            case "company":
                var registration = await companyService.RegisterAsync(actor, form.GetValueOrDefault("id")?.Trim(), form.GetValueOrDefault("name"), cancellationToken);
                if (registration.Company is null)
                    return await UsersPageAsync(visitor, new() { CompanyError = RegistrationMessage(registration.Error, form.GetValueOrDefault("id")), CompanyId = form.GetValueOrDefault("id"), CompanyName = form.GetValueOrDefault("name") }, StatusCodes.Status422UnprocessableEntity, cancellationToken);
                return await UsersPageAsync(visitor, new()
                {
                    Done = new PageText("{0} is geregistreerd.", registration.Company.Name),
                    CompanyKey = registration.Key,
                }, StatusCodes.Status200OK, cancellationToken);
            default:
                return gate.NotFound(visitor);
        }
    }

    [Function(nameof(PortalBureauAudit))]
    [PortalPage(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalBureauAudit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/bureau/audit")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (visitor, _, _) = request.Opening();
        var entries = await audit.RecentAsync(200, cancellationToken);
        var page = new BureauAuditPage(entries.Select(e => new BureauAuditPage.Entry(
            At: ShownDate.ShortSecond(e.At),
            Actor: e.Actor, Action: e.Action, Company: e.Company ?? "–", Detail: e.Detail)).ToList());
        return gate.Page(visitor, "bureau-audit.liquid", "Logboek", page, "audit");
    }

    private async Task<IActionResult> UsersPageAsync(Visitor visitor, BureauUsersPage page, int status, CancellationToken cancellationToken)
    {
        var all = await companies.ListAsync(cancellationToken);
        page = page with
        {
            Companies = all.OrderBy(c => c.Name, StringComparer.CurrentCulture)
                .Select(c => new BureauUsersPage.Company(Id: c.Id, Name: c.Name, Url: PortalUrls.Company(c.Id))).ToList(),
            Users = (await users.ListAsync(cancellationToken)).Select(u => new BureauUsersPage.User(
                Email: u.Email,
                Name: u.Name ?? "–",
                Role: u.Role == UserRole.Bureau ? "Bureau" : "Bedrijf",
                Company: u.CompanyId,
                Removable: u.Role == UserRole.Company)).ToList(),
        };
        return gate.Page(visitor, "bureau-users.liquid", "Gebruikers en bedrijven", page, "users", status);
    }

    /// <summary>The oldest figures on the page, in Dutch time: only the hour today, the date too when older.</summary>
    private ShownDate FiguresAt(DateTimeOffset computedAt) =>
        DutchTime.DateOf(computedAt) == DutchTime.Today(time) ? ShownDate.Time(computedAt) : ShownDate.ShortMinute(computedAt);

    private static string Base(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    private static string Percent(double rate) => (rate * 100).ToString("0", DutchTime.Culture) + "%";

    private static PageText RegistrationMessage(RegistrationError? error, string? id) =>
        error is { } refused ? RegistrationAnswers.For(refused, id).Message : "Het bedrijf kon niet worden geregistreerd.";
}
