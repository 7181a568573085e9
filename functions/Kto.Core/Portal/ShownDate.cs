namespace Kto.Core.Portal;

/// <summary>
/// A moment as a page shows it: in Dutch time, written in the reader's language ("7 december 2026 om 06:52",
/// "7 December 2026 at 06:52"). A page's model holds this instead of the text, so the template writes it in the
/// language the page is rendered in; Dutch is written exactly as <see cref="DutchTime.Culture"/> writes it.
/// </summary>
public readonly record struct ShownDate
{
    private ShownDate(DateTimeOffset at, string format) => (At, Format) = (at, format);

    public DateTimeOffset At { get; }

    /// <summary>The Dutch format; in English, <c>'om'</c> reads <c>'at'</c>.</summary>
    private string Format { get; }

    /// <summary>"7 december 2026".</summary>
    public static ShownDate Day(DateTimeOffset at) => new(at, DutchTime.DateFormat);

    /// <summary>"7 dec 2026".</summary>
    public static ShownDate ShortDay(DateTimeOffset at) => new(at, "d MMM yyyy");

    /// <summary>"7 december 2026 06:52".</summary>
    public static ShownDate Minute(DateTimeOffset at) => new(at, "d MMMM yyyy HH:mm");

    /// <summary>"7 december 2026 om 06:52".</summary>
    public static ShownDate MinuteAt(DateTimeOffset at) => new(at, "d MMMM yyyy 'om' HH:mm");

    /// <summary>"7 december 2026 om 06:52:09".</summary>
    public static ShownDate SecondAt(DateTimeOffset at) => new(at, "d MMMM yyyy 'om' HH:mm:ss");

    /// <summary>"7 dec 2026 06:52".</summary>
    public static ShownDate ShortMinute(DateTimeOffset at) => new(at, "d MMM yyyy HH:mm");

    /// <summary>"7 dec 2026 06:52:09".</summary>
    public static ShownDate ShortSecond(DateTimeOffset at) => new(at, "d MMM yyyy HH:mm:ss");

    /// <summary>"december 2026".</summary>
    public static ShownDate Month(DateTimeOffset at) => new(at, "MMMM yyyy");

    /// <summary>A month's name without a year ("maart"; abbreviated "mrt"), as a table or chart labels a month.</summary>
    public static ShownDate MonthName(int month, bool abbreviated = false) =>
        new(new DateTimeOffset(2000, month, 15, 12, 0, 0, TimeSpan.Zero), abbreviated ? "MMM" : "MMMM");

    /// <summary>"06:52".</summary>
    public static ShownDate Time(DateTimeOffset at) => new(at, "HH:mm");

    /// <summary>The text in <paramref name="language"/>: English for "en…", Dutch otherwise.</summary>
    public string In(string? language) =>
        DutchTime.ToDutch(At).ToString(PageCulture.IsEnglish(language) ? Format.Replace("'om'", "'at'", StringComparison.Ordinal) : Format,
            PageCulture.For(language));

    /// <summary>Dutch, as every text outside a page (logs, the API) is.</summary>
    // Stryker disable once String : "" is no English either, so it reads Dutch the same
    public override string ToString() => In("nl");
}
