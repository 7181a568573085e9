namespace Kto.Core.Fieldwork;

/// <summary>
/// How far a job may be told to act as if it were another moment (<c>?at=</c>, outside production): within the
/// measurement years a job can touch now, from the start of last year (its fieldwork runs into this year) to the end
/// of next year (this year's fieldwork closes then at the latest). Anything further is a typing error.
/// </summary>
public static class ReplayReach
{
    public static bool Contains(DateTimeOffset at, DateOnly today)
    {
        var year = DutchTime.ToDutch(at).Year;
        return year >= today.Year - 1 && year <= today.Year + 1;
    }
}
