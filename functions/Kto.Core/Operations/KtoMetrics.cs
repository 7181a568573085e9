using System.Diagnostics.Metrics;
using Kto.Core.Deliveries;
using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Core.Operations;

/// <summary>
/// The few counters that tell whether the pipeline does its work, on the .NET meter <see cref="MeterName"/> (exported
/// through OpenTelemetry where Application Insights is configured). Tags are fixed words only (outcome, job, mode):
/// never a company, client, address, name or token, so no metric can carry personal data.
/// </summary>
public static class KtoMetrics
{
    public const string MeterName = "Kto";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Rows = Meter.CreateCounter<long>("kto.delivery.rows", "{row}", "Rows of delivered files, by outcome: accepted, duplicate, rejected.");
    private static readonly Counter<long> Mails = Meter.CreateCounter<long>("kto.mail.messages", "{mail}", "Invitations and reminders handed to the mail server, by job and outcome: sent, deferred, bounced, unknown.");
    private static readonly Counter<long> Answers = Meter.CreateCounter<long>("kto.survey.answers", "{response}", "Questionnaires stored, by mode: web, phone, paper.");

    public static void Delivered(Receipt receipt)
    {
        Rows.Add(receipt.Accepted, new KeyValuePair<string, object?>("outcome", "accepted"));
        Rows.Add(receipt.Duplicates, new KeyValuePair<string, object?>("outcome", "duplicate"));
        // Rejected lists hold at most the first 100 of each code; the count is what the rows left.
        Rows.Add(Math.Max(0, receipt.Rows - receipt.Accepted - receipt.Duplicates), new KeyValuePair<string, object?>("outcome", "rejected"));
    }

    public static void Mailed(string job, MailJobResult result)
    {
        var jobTag = new KeyValuePair<string, object?>("job", job);
        Mails.Add(result.Sent, jobTag, new KeyValuePair<string, object?>("outcome", "sent"));
        Mails.Add(result.Deferred, jobTag, new KeyValuePair<string, object?>("outcome", "deferred"));
        Mails.Add(result.Bounced, jobTag, new KeyValuePair<string, object?>("outcome", "bounced"));
        Mails.Add(result.Unknown, jobTag, new KeyValuePair<string, object?>("outcome", "unknown"));
    }

    public static void Answered(ResponseMode mode) =>
        Answers.Add(1, new KeyValuePair<string, object?>("mode", ResponseModes.Name(mode)));
}
