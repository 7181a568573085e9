using System.Globalization;
using System.Text.Json;

namespace Kto.Cli;

/// <summary>
/// The one line ./kto job shows while a mail run goes on: counts so far, and at the end why it stopped and when the
/// next run continues (in Dutch time, as the bureau plans its day).
/// </summary>
public static class JobProgressLine
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>The line for a run's status JSON; null when the body is no JSON object.</summary>
    public static string? For(string statusJson)
    {
        JsonElement run;
        try
        {
            run = JsonDocument.Parse(statusJson).RootElement;
        }
        catch (JsonException)
        {
            return null;
        }
        if (run.ValueKind != JsonValueKind.Object) return null;

        var line = $"{Text(run, "job") ?? "None"}: {Count(run, "sent")} sent, {Count(run, "deferred")} deferred, " +
                   $"{Count(run, "bounced")} bounced, {Count(run, "unknown")} unknown";
        if (Count(run, "errors") is var errors and not 0) line += $", {errors} errors";
        switch (Text(run, "status"))
        {
            case "queued" or "running":
                line += $" ({Text(run, "status")})";
                break;
            case "failed":
                line += $"; failed: {Text(run, "error") ?? "unknown error"}";
                break;
            default:
                line += $"; stopped: {Text(run, "stopped") ?? "None"}";
                if (Text(run, "nextRunAt") is { } next
                    && DateTimeOffset.TryParse(next, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                {
                    var local = TimeZoneInfo.ConvertTime(at, Amsterdam);
                    line += $"; the next run continues at {local:yyyy-MM-dd HH:mm} (Dutch time)";
                }
                break;
        }
        return line;
    }

    private static string? Text(JsonElement run, string name) =>
        run.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long Count(JsonElement run, string name) =>
        run.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : 0;
}
