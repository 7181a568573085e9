using Kto.Core;
using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Fieldwork;
using Kto.Core.Portal;
using Kto.Core.Survey;

namespace Kto.Functions.Portal;

/// <summary>
/// The bureau's fieldwork page for one company: one list of the clients e-mail cannot reach (the offline-contacts
/// list, without links: a personal link is made only when a letter is made) and one form to record a letter or a call
/// for the client chosen in it, written to the audit log with the person who recorded it. Bureau users only.
/// </summary>
public sealed class FieldworkPageFunction(
    PortalGate gate,
    OfflineContactService offline,
    ManualAttemptService attempts,
    TimeProvider time)
{
    /// <summary>What a person can record, as one choice: mode and outcome (the rules and texts are in ManualAttemptService).
    /// Calling back at an agreed time is recorded on the call sheet, where the time is asked.</summary>
    private static readonly (string Value, string Label)[] Choices = ManualAttemptService.Choices()
        .Where(c => c.Outcome != AttemptOutcome.CallBack)
        .Select(c => ($"{ContactModes.Name(c.Mode)}:{AttemptOutcomes.Name(c.Outcome)}", ManualAttemptService.Describe(c.Mode, c.Outcome))).ToArray();

    [Function(nameof(PortalFieldwork))]
    [PortalPage(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalFieldwork(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/bureau/fieldwork/{company}")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        var (visitor, found, _) = request.Opening();
        if (!YearQuery.TryRead(request, time, out var year)) return gate.NotFound(visitor);
        return await PageAsync(visitor, found!, year, request.Query["opgeslagen"] == "1" ? "De poging is vastgelegd." : null, null, StatusCodes.Status200OK, cancellationToken);
    }

    [Function(nameof(PortalRecordAttempt))]
    [PortalForm(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalRecordAttempt(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/bureau/fieldwork/{company}")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        var (visitor, found, form) = request.Opening();
        if (!YearQuery.TryRead(form, out var year)) return gate.NotFound(visitor);
        var service = form.GetValueOrDefault("service") ?? "";
        var choice = (form.GetValueOrDefault("attempt") ?? "").Split(':');
        // The step the client was at when the page showed it: a repeat of the same record (double click) is known by it.
        var seenStep = int.TryParse(form.GetValueOrDefault($"step-{service}"), out var step) ? step : (int?)null;
        var error = service.Length == 0 ? "Kies de cliënt."
            : choice.Length != 2 ? "Kies wat er is gebeurd."
            : await attempts.RecordAsync(visitor.User!.Email, new ServiceRef(company, year, service),
                ContactModes.Parse(choice[0]), AttemptOutcomes.Parse(choice[1]), time.GetUtcNow(), cancellationToken, seenStep: seenStep) switch
            {
                ManualAttemptOutcome.Recorded or ManualAttemptOutcome.AlreadyRecorded => null,
                ManualAttemptOutcome.UnknownService => "Deze cliënt staat niet (meer) op de lijst.",
                ManualAttemptOutcome.OutsideCallingHours => AttemptRefusals.OutsideCallingHours,
                ManualAttemptOutcome.CallingEnded => AttemptRefusals.CallingEnded,
                ManualAttemptOutcome.CallBackTimeMissing => "Leg terugbellen vast op de bellijst: daar vult u de afgesproken tijd in.",
                _ => "Kies wat er is gebeurd.",
            };
        if (error is not null)
            return await PageAsync(visitor, found!, year, null, error, AttemptRefusals.Status(error), cancellationToken, service);
        return PortalResult.SeeOther(PortalUrls.Fieldwork(company, year) + "&opgeslagen=1");
    }

    private async Task<IActionResult> PageAsync(Visitor visitor, Company company, int year, string? done, string? error, int status,
        CancellationToken cancellationToken, string? chosen = null)
    {
        var contacts = await offline.ListAsync(company.Id, year, cancellationToken, withLinks: false);
        var page = new FieldworkPage(
            Company: CompanyHeading.Of(company),
            Year: year,
            Done: done,
            Error: error,
            Choices: Choices.Select(c => new FieldworkPage.Choice(c.Value, c.Label)).ToList(),
            Contacts: contacts.Select((c, i) => new FieldworkPage.Contact(
                Index: i + 1,
                Service: c.Service.ServiceId,
                Name: Name(c),
                Klantnummer: c.Contact.Klantnummer,
                Phone: c.Contact.Telefoon,
                Address: FullAddress(c.Contact),
                Chosen: c.Service.ServiceId == chosen,
                Perceel: c.PerceelOrKind,
                Reason: c.Reason,
                Steps: c.StepsDone)).ToList());
        return gate.Page(visitor, "fieldwork.liquid", new PageText("Veldwerk {0}", company.Name), page, "overview", status);
    }

    /// <summary>The client's name; an opdrachtgever's contact person, or its organisation when none was delivered.</summary>
    private static string Name(OfflineContact c)
    {
        var name = string.Join(' ', new[] { c.Contact.Voornaam ?? c.Contact.Voorletters, c.Contact.Tussenvoegsel, c.Contact.Achternaam }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return name.Length == 0 && c.Audience == SurveyAudience.Opdrachtgever ? c.Contact.Klantnummer : name;
    }

    /// <summary>"Kerkstraat 12, 1234 AB Utrecht": what goes on an envelope; null when no part was delivered.</summary>
    private static string? FullAddress(ContactDetails c)
    {
        var place = string.Join(' ', new[] { c.Postcode, c.Woonplaats }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        var parts = new[] { c.Adres?.Trim(), place }.Where(p => !string.IsNullOrEmpty(p)).ToList();
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}
