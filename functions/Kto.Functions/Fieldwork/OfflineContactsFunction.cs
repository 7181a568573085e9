using System.Text;
using Kto.Core;
using Kto.Core.Access;
using Kto.Core.Exports;
using Kto.Core.Fieldwork;
using Kto.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Kto.Functions.Fieldwork;

/// <summary>
/// For the bureau: the clients e-mail cannot reach, as a CSV (semicolons, UTF-8 with BOM, opens in Excel) with
/// address, phone and a personal link for the letter.
/// </summary>
public sealed class OfflineContactsFunction(AccessService access, OfflineContactService offline, TimeProvider time, ILogger<OfflineContactsFunction> logger)
{
    [Function(nameof(OfflineContacts))]
    public async Task<IActionResult> OfflineContacts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/companies/{company}/offline-contacts")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        if (await access.DenyUnlessBureauAsync(request, cancellationToken) is { } denied) return denied;
        if (!YearQuery.TryRead(request, time, out var year)) return YearQuery.Invalid();

        var contacts = await offline.ListAsync(company, year, cancellationToken);
        logger.LogInformation("Offline contact list for {CompanyId} {Year}: {Count} clients", company, year, contacts.Count);
        var csv = new StringBuilder();
        CsvLine.Append(csv, "jaar", "dienst", "klantnummer", "perceel", "reden", "stappen", "voornaam", "voorletters",
            "tussenvoegsel", "achternaam", "adres", "postcode", "woonplaats", "telefoon", "link");
        foreach (var c in contacts)
            CsvLine.Append(csv, year.ToString(), c.Service.ServiceId, c.Contact.Klantnummer, PerceelNames.DisplayName(c.Perceel),
                c.Reason, c.StepsDone.ToString(), c.Contact.Voornaam, c.Contact.Voorletters, c.Contact.Tussenvoegsel,
                c.Contact.Achternaam, c.Contact.Adres, c.Contact.Postcode, c.Contact.Woonplaats, c.Contact.Telefoon, c.SurveyUrl);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return new FileContentResult(bytes, "text/csv; charset=utf-8") { FileDownloadName = $"offline-{company}-{year}.csv" };
    }
}
