using System.Globalization;
using Kto.Core;
using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Population;
using Kto.Core.Portal;
using Kto.Core.Survey;
using Kto.Functions.Population;

namespace Kto.Functions.Portal;

/// <summary>
/// The bureau's population page for one company and year: every delivered service with how it counts now, a find box
/// by klantnummer, and for the clients found a form to withdraw the service or correct its perceel or end date (the
/// same use case as the API; audited with the signed-in person). Bureau users only: a company user gets the 404 of a
/// page that does not exist.
/// </summary>
public sealed class PopulationPageFunction(
    PortalGate gate,
    PopulationCorrectionService population,
    TimeProvider time)
{
    /// <summary>Services listed without a search; more are reached through the find box.</summary>
    public const int MaxListed = 500;

    [Function(nameof(PortalPopulation))]
    [PortalPage(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalPopulation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/bureau/population/{company}")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        var (visitor, found, _) = request.Opening();
        if (!YearQuery.TryRead(request, time, out var year)) return gate.NotFound(visitor);
        var done = request.Query["opgeslagen"] == "1" ? "De wijziging is vastgelegd." : null;
        return await PageAsync(visitor, found!, year, request.Query["klantnummer"].ToString(), done, null, StatusCodes.Status200OK, cancellationToken);
    }

    [Function(nameof(PortalCorrectService))]
    [PortalForm(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalCorrectService(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/bureau/population/{company}")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        var (visitor, found, form) = request.Opening();
        if (!YearQuery.TryRead(form, out var year)) return gate.NotFound(visitor);
        var klantnummer = form.GetValueOrDefault("klantnummer") ?? "";
        var withdraw = form.GetValueOrDefault("action") == "withdraw";
        var result = await population.ApplyAsync(new ServiceRef(company, year, form.GetValueOrDefault("service") ?? ""),
            new CorrectionRequest(withdraw, form.GetValueOrDefault("reason"), form.GetValueOrDefault("note"),
                withdraw ? null : form.GetValueOrDefault("perceel"), withdraw ? null : form.GetValueOrDefault("einddatum"), visitor.User!.Email),
            cancellationToken);
        if (result.Outcome != CorrectionOutcome.Done)
            return await PageAsync(visitor, found!, year, klantnummer, null, CorrectionAnswers.For(result.Outcome, withdraw).Message,
                StatusCodes.Status422UnprocessableEntity, cancellationToken);
        return PortalResult.SeeOther(PortalUrls.Population(company, year) + $"&klantnummer={PortalUrls.Query(klantnummer)}&opgeslagen=1");
    }

    private async Task<IActionResult> PageAsync(Visitor visitor, Company company, int year, string klantnummer, string? done, PageText? error, int status,
        CancellationToken cancellationToken)
    {
        var search = klantnummer.Trim();
        var all = await population.ListAsync(company.Id, year, search.Length == 0 ? null : search, cancellationToken);
        // A large company has thousands of services: the list shows the first ones, the find box reaches every one.
        var services = all.Take(MaxListed).ToList();
        var page = new PopulationPage(
            Company: CompanyHeading.Of(company),
            Year: year,
            Klantnummer: search,
            Searched: search.Length > 0,
            Total: all.Count,
            Cut: all.Count > MaxListed,
            Done: done,
            Error: error,
            Percelen: PerceelNames.All.Select(PerceelNames.DisplayName).ToList(),
            WithdrawReasons: Reasons(CorrectionKind.Withdrawn),
            CorrectReasons: Reasons(CorrectionKind.Perceel),
            Services: services.Select((h, i) => new PopulationPage.ListedService(
                Index: i + 1,
                Service: h.Delivered.Ref.ServiceId,
                Klantnummer: h.Delivered.Klantnummer ?? "(gewist)",
                Perceel: PerceelNames.DisplayName(h.Current.Perceel),
                Einddatum: h.Current.Einddatum.ToString("yyyy-MM-dd"),
                Withdrawn: h.Current.Withdrawn,
                History: h.Corrections.Select(c => c.Note is null
                    ? new PageText("{0}, {1}: {2} ({3})", ShownDate.Day(c.At), c.Actor, What(c), new PageText(CorrectionReasons.DutchLabel(c.Reason)))
                    : new PageText("{0}, {1}: {2} ({3}): “{4}”", ShownDate.Day(c.At), c.Actor, What(c), new PageText(CorrectionReasons.DutchLabel(c.Reason)), c.Note)).ToList())).ToList());
        return gate.Page(visitor, "population.liquid", new PageText("Populatie {0}", company.Name), page, "overview", status);
    }

    private static List<PopulationPage.Reason> Reasons(CorrectionKind kind) => CorrectionReasons.AllowedFor(kind)
        .Select(r => new PopulationPage.Reason(CorrectionReasons.Name(r), CorrectionReasons.DutchLabel(r))).ToList();

    private static PageText What(ServiceCorrection c) => c.Kind switch
    {
        CorrectionKind.Withdrawn => "ingetrokken",
        CorrectionKind.Perceel => new PageText("perceel {0} → {1}", PerceelNames.DisplayName(c.PerceelBefore), PerceelNames.DisplayName(c.NewPerceel!.Value)),
        _ => new PageText("einddatum {0} → {1}", Iso(c.EinddatumBefore), Iso(c.NewEinddatum!.Value)),
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
