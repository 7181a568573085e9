using Kto.Core.Forecast;

namespace Kto.Functions.Forecast;

/// <summary>The portal page where each <see cref="ForecastActionKind"/> is done (routes live at the edge, not in Core).</summary>
public static class ForecastLinks
{
    public static string For(ForecastActionKind kind, string company, int year)
    {
        var id = Uri.EscapeDataString(company);
        return kind switch
        {
            // Mail goes out by the timer; the fieldwork page shows the runs and lets the bureau start one.
            ForecastActionKind.SendInvitations or ForecastActionKind.SendReminders => $"/portal/bureau/fieldwork?year={year}",
            ForecastActionKind.PostLetters => $"/portal/bureau/fieldwork/{id}/letters?year={year}",
            ForecastActionKind.CallPhoneOnly => $"/portal/bureau/calls/{id}?year={year}",
            _ => $"/portal/companies/{id}",
        };
    }
}
