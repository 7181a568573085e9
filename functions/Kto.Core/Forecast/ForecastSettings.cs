namespace Kto.Core.Forecast;

/// <summary>
/// The response forecast (configuration section <c>Kto:Forecast</c>): the bureau's defaults for how often one approach
/// brings a response, used until a company's own year has enough approaches, and how wide the range is.
/// </summary>
public sealed class ForecastSettings
{
    public const string Section = "Forecast";

    /// <summary>Share of e-mails (invitation or reminder) a client answers before the next approach.</summary>
    public double DefaultEmailYield { get; set; } = 0.15;

    /// <summary>Share of letters a client answers (online with the QR code or short code, or on paper).</summary>
    public double DefaultLetterYield { get; set; } = 0.10;

    /// <summary>Share of calls that end in an interview.</summary>
    public double DefaultPhoneYield { get; set; } = 0.20;

    /// <summary>
    /// How many approaches the default weighs: a mode's yield is (responses + weight × default) / (approaches + weight),
    /// so the company's own figures take over as its approaches outnumber this.
    /// </summary>
    public int PriorWeight { get; set; } = 20;

    /// <summary>An e-mail or letter younger than this many days may still be answered: not yet counted as unanswered.</summary>
    public int ResponseWindowDays { get; set; } = 7;

    /// <summary>Half-width of the range in standard deviations (1.28: a central 80 % range).</summary>
    public double RangeZ { get; set; } = 1.28;

    /// <summary>
    /// The bureau's pace until a company's own year shows it: days between one letter to a client and the next (from
    /// the delivery for the first), and between one call and the next. Letters and calls are done by people, not by the
    /// timer, so late in the year not every one still due fits before fieldwork closes.
    /// </summary>
    public double DefaultLetterGapDays { get; set; } = 14;

    /// <inheritdoc cref="DefaultLetterGapDays"/>
    public double DefaultCallGapDays { get; set; } = 7;

    /// <summary>
    /// How many observations the timing defaults weigh against the company's own: the default pace (letters or calls) and,
    /// for how soon answers come, an even spread over <see cref="ResponseWindowDays"/> (answers counted).
    /// </summary>
    public int TimingPriorWeight { get; set; } = 3;

    /// <summary>A month's delivery is due by this day of the next month (the missing-delivery action and reminder).</summary>
    public int DeliveryDueDay { get; set; } = 10;
}
