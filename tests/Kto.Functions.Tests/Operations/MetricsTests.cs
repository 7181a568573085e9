using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Kto.Core.Fieldwork;
using Kto.Core.Operations;
using Kto.Functions.Tests.Support;

namespace Kto.Functions.Tests.Operations;

/// <summary>
/// The worker's own counters (meter "Kto"): a delivery, a mail run and an answer each count, and no measurement carries
/// anything but a fixed word as a tag (no company, address, name or token), whatever other tests run meanwhile.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class MetricsTests(LocalStack stack)
{
    private static readonly Dictionary<string, string[]> AllowedTags = new(StringComparer.Ordinal)
    {
        ["outcome"] = ["accepted", "duplicate", "rejected", "sent", "deferred", "bounced", "unknown"],
        ["job"] = [MailJobNames.SendInvitations, MailJobNames.SendReminders],
        ["mode"] = ["web", "phone", "paper"],
    };

    [Fact]
    public async Task Deliveries_mails_and_answers_are_counted_with_fixed_words_as_tags_and_no_personal_data()
    {
        var measured = new ConcurrentQueue<(string Instrument, long Value, KeyValuePair<string, object?>[] Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == KtoMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measured.Enqueue((instrument.Name, value, tags.ToArray())));
        listener.Start();

        // Two clients delivered and invited, one answers on the web.
        var invited = await Invitations.InviteAsync(stack, "teller", "zwijger");
        await new SurveyClient(stack).AnswerAsync(invited.Tokens["teller"], SurveyClient.ValidAnswers());
        listener.Dispose();

        var all = measured.ToArray();
        long Sum(string instrument, string tag, string value) =>
            all.Where(m => m.Instrument == instrument && m.Tags.Any(t => t.Key == tag && (string?)t.Value == value)).Sum(m => m.Value);
        Assert.True(Sum("kto.delivery.rows", "outcome", "accepted") >= 2);
        Assert.True(Sum("kto.mail.messages", "outcome", "sent") >= 2);
        Assert.True(Sum("kto.survey.answers", "mode", "web") >= 1);

        foreach (var (instrument, _, tags) in all)
            foreach (var tag in tags)
            {
                Assert.True(AllowedTags.TryGetValue(tag.Key, out var allowed), $"{instrument} has an unexpected tag {tag.Key}");
                Assert.Contains((string?)tag.Value, allowed);
            }
        var written = string.Join("\n", all.SelectMany(m => m.Tags.Select(t => $"{m.Instrument} {t.Key}={t.Value}")));
        foreach (var secret in invited.Tokens.Values.Append(invited.Company).Append(invited.Domain).Append("teller"))
            Assert.DoesNotContain(secret, written, StringComparison.Ordinal);
    }
}
