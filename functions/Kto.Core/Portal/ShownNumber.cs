namespace Kto.Core.Portal;

/// <summary>
/// A number as a page shows it, in the reader's language: a grade "7,4" in Dutch and "7.4" in English, a count
/// "1.250" and "1,250" (in English "1.250" would read as one and a quarter). A page's model holds this instead of the
/// text, as it does a <see cref="ShownDate"/>; Dutch is written exactly as <see cref="DutchTime.Culture"/> writes it.
/// </summary>
public readonly record struct ShownNumber
{
    private ShownNumber(double value, string format) => (Value, Format) = (value, format);

    public double Value { get; }

    private string Format { get; }

    /// <summary>A mean grade with one decimal: "7,4".</summary>
    public static ShownNumber Grade(double value) => new(value, "0.0");

    /// <summary>A count with its thousands grouped: "1.250".</summary>
    public static ShownNumber Count(long value) => new(value, "N0");

    /// <summary>A mean with a decimal only where it has one: "2" or "2,5".</summary>
    public static ShownNumber Mean(double value) => new(value, "0.#");

    /// <summary>The text in <paramref name="language"/>: English for "en…", Dutch otherwise.</summary>
    public string In(string? language) =>
        Value.ToString(Format, PageCulture.For(language));

    /// <summary>Dutch, as every text outside a page (logs, the API) is.</summary>
    // Stryker disable once String : "" is no English either, so it reads Dutch the same
    public override string ToString() => In("nl");
}
