namespace Kto.Core.Forecast;

/// <summary>The one wording of each <see cref="ForecastActionKind"/>; {0} is <see cref="ForecastAction.Argument"/>.</summary>
public static class ForecastActionTexts
{
    public static string Pattern(ForecastActionKind kind) => kind switch
    {
        ForecastActionKind.SendInvitations => "Stuur de uitnodiging aan {0} klanten",
        ForecastActionKind.SendReminders => "Stuur de herinnering die klaarstaat aan {0} klanten",
        ForecastActionKind.PostLetters => "Verstuur brieven aan {0} klanten zonder e-mail",
        ForecastActionKind.CallPhoneOnly => "Bel {0} klanten die alleen telefonisch bereikbaar zijn",
        _ => "De levering over {0} ontbreekt",
    };
}
