using System.Globalization;
using System.Security.Cryptography;

namespace Kto.Core.Fieldwork;

/// <summary>Run ids carry their start time, so storage can keep the newest first and still find one by its id.</summary>
public static class MailRunIds
{
    private const string TimeFormat = "yyyyMMdd'T'HHmmssfff'Z'";

    public static string New(MailJob job, DateTimeOffset startedAt) =>
        $"{MailJobNames.Of(job)}-{startedAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    /// <summary>The start time inside a run id; false for anything that is not one.</summary>
    public static bool TryReadStart(string? id, out DateTimeOffset startedAt)
    {
        startedAt = default;
        // Stryker disable once Equality : a guard for cost only; a run id is about 45 characters, so 80 is never one
        if (id is null || id.Length > 80) return false;
        var parts = id.Split('-');
        // Stryker disable once Equality : three parts cannot hold a job name (it has a hyphen), a time and a random part
        if (parts.Length < 3 || !MailJobNames.TryParse(string.Join('-', parts[..^2]), out _)) return false;
        if (parts[^1].Length != 8 || !parts[^1].All(char.IsAsciiHexDigitLower)) return false;
        // Stryker disable once Bitwise : the format ends in a literal Z and the value is read as UTC either way
        if (!DateTime.TryParseExact(parts[^2], TimeFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc)) return false;
        startedAt = new DateTimeOffset(utc, TimeSpan.Zero);
        return true;
    }
}
