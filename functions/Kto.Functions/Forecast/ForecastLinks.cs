using Kto.Core.Portal;
using Kto.Core.Forecast;

namespace Kto.Functions.Forecast;

/// <summary>The portal page where each <see cref="ForecastActionKind"/> is done (the addresses: <see cref="PortalUrls"/>).</summary>
public static class ForecastLinks
{
    public static string For(ForecastActionKind kind, string company, int year)
    {
        return kind switch
        {
            // Mail goes out by the timer; the fieldwork page shows the runs and lets the bureau start one.
            ForecastActionKind.SendInvitations or ForecastActionKind.SendReminders => PortalUrls.FieldworkOverview(year),
            ForecastActionKind.PostLetters => PortalUrls.Letters(company, year),
            ForecastActionKind.CallPhoneOnly => PortalUrls.Calls(company, year),
            _ => PortalUrls.Company(company),
        };
    }
}
