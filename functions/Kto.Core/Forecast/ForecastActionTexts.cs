namespace Kto.Core.Forecast;

/// <summary>The one wording of each <see cref="ForecastActionKind"/>; {0} is <see cref="ForecastAction.Argument"/>.</summary>
public static class ForecastActionTexts
{
    /// <param name="oneClient">The action concerns one client: "1 klant", not "1 klanten".</param>
    public static string Pattern(ForecastActionKind kind, bool oneClient = false) => (kind, oneClient) switch
    {
        (ForecastActionKind.SendInvitations, false) => "Stuur de uitnodiging aan {0} klanten",
        (ForecastActionKind.SendInvitations, true) => "Stuur de uitnodiging aan {0} klant",
        (ForecastActionKind.SendReminders, false) => "Stuur de herinnering die klaarstaat aan {0} klanten",
        (ForecastActionKind.SendReminders, true) => "Stuur de herinnering die klaarstaat aan {0} klant",
        (ForecastActionKind.PostLetters, false) => "Verstuur brieven aan {0} klanten zonder e-mail",
        (ForecastActionKind.PostLetters, true) => "Verstuur een brief aan {0} klant zonder e-mail",
        (ForecastActionKind.CallPhoneOnly, false) => "Bel {0} klanten die alleen telefonisch bereikbaar zijn",
        (ForecastActionKind.CallPhoneOnly, true) => "Bel {0} klant die alleen telefonisch bereikbaar is",
        _ => "De levering over {0} ontbreekt",
    };
}
