namespace Kto.Core.Forecast;

/// <summary>One thing to do, how many clients it concerns and how many responses it is expected to bring.</summary>
/// <param name="Month">For <see cref="ForecastActionKind.MissingDelivery"/>: the month (1–12) whose delivery is missing.</param>
public sealed record ForecastAction(ForecastActionKind Kind, int Clients, double ExpectedResponses, int? Month = null)
{
    /// <summary>The action as a sentence (Dutch; the pages translate <see cref="ForecastActionTexts.Pattern"/> with <see cref="Argument"/>).</summary>
    public string Text => string.Format(DutchTime.Culture, ForecastActionTexts.Pattern(Kind, Clients == 1 && Kind != ForecastActionKind.MissingDelivery), Argument);

    /// <summary>The value the sentence names: the number of clients, or the month's name for a missing delivery.</summary>
    public string Argument => Kind == ForecastActionKind.MissingDelivery
        ? DutchTime.Culture.DateTimeFormat.GetMonthName(Month ?? 1)
        : Clients.ToString(DutchTime.Culture);
}
