using Kto.Core;
using Kto.Core.Fieldwork;
using Kto.Core.Interviews;

namespace Kto.Functions.Interviews;

/// <summary>For the bureau: the clients to call for one company and year, in calling order (<see cref="CallListService"/>).</summary>
public sealed class CallListFunction(CallListService calls, TimeProvider time)
{
    [BureauOnly]
    [Function(nameof(CallList))]
    public async Task<IActionResult> CallList(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/companies/{company}/call-list")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        if (!YearQuery.TryRead(request, time, out var year)) return YearQuery.Invalid();

        var list = await calls.ListAsync(company, year, cancellationToken);
        return ApiResults.Json(new
        {
            company,
            year,
            callingTime = list.CallingTime,
            callingHours = list.CallingHours.ToString(),
            maxCallAttempts = list.MaxCallAttempts,
            clients = list.Clients.Select(c => new
            {
                service = c.Service.ServiceId,
                perceel = c.Audience == Kto.Core.Survey.SurveyAudience.Opdrachtgever ? null : PerceelNames.DisplayName(c.Perceel),
                klantnummer = c.Contact.Klantnummer,
                name = CallNames.Of(c.Contact),
                phone = c.Contact.Telefoon,
                calls = c.Calls,
                lastOutcome = c.LastOutcome is { } last ? AttemptOutcomes.Name(last) : null,
                lastCallAt = c.LastCallAt,
                callBackAt = c.CallBackAt,
                onlyByPhone = c.OnlyByPhone,
                // An opdrachtgever (Blik op Werk): no perceel, klantnummer holds its organisation, name its contact person.
                audience = c.Audience == Kto.Core.Survey.SurveyAudience.Opdrachtgever ? "opdrachtgever" : "client",
            }),
        });
    }
}
