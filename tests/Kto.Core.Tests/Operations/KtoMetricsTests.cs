using System.Diagnostics.Metrics;
using Kto.Core.Deliveries;
using Kto.Core.Fieldwork;
using Kto.Core.Operations;
using Kto.Core.Survey;

namespace Kto.Core.Tests.Operations;

/// <summary>
/// The counters' numbers and tags, caught with a <see cref="MeterListener"/>. Other tests (ingest, mail runs, answers)
/// count on the same static meter in parallel, so only measurements made on this test's thread are kept: the
/// <see cref="KtoMetrics"/> methods are synchronous, so their callbacks run on the caller's thread.
/// </summary>
public sealed class KtoMetricsTests
{
    private sealed record Measurement(string Instrument, long Value, Dictionary<string, string?> Tags);

    private static List<Measurement> Measure(Action act)
    {
        var thread = Environment.CurrentManagedThreadId;
        var measured = new List<Measurement>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == KtoMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (Environment.CurrentManagedThreadId != thread) return;
            var tagged = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var tag in tags) tagged[tag.Key] = (string?)tag.Value;
            lock (measured) measured.Add(new Measurement(instrument.Name, value, tagged));
        });
        listener.Start();
        act();
        return measured;
    }

    private static Receipt Receipt(int rows, int accepted, int duplicates) => new()
    {
        Company = "acme", File = "clients.csv", Status = Kto.Core.Deliveries.Receipt.Statuses.Accepted,
        Rows = rows, Accepted = accepted, Duplicates = duplicates,
    };

    private static IEnumerable<(long Value, string? Outcome)> Rows(List<Measurement> measured) =>
        measured.Where(m => m.Instrument == "kto.delivery.rows").Select(m => (m.Value, m.Tags.GetValueOrDefault("outcome")));

    [Fact]
    // Rule: a delivery counts its accepted, duplicate and rejected rows (rejected = rows − accepted − duplicates), each under its outcome.
    public void A_delivery_counts_rows_by_outcome()
    {
        var measured = Measure(() => KtoMetrics.Delivered(Receipt(rows: 10, accepted: 6, duplicates: 3)));

        Assert.Equal([(6L, "accepted"), (3L, "duplicate"), (1L, "rejected")], Rows(measured));
    }

    [Fact]
    // Rule: rejected rows are never counted below zero, even when a receipt's counts do not add up.
    public void Rejected_rows_are_never_negative()
    {
        var measured = Measure(() => KtoMetrics.Delivered(Receipt(rows: 5, accepted: 4, duplicates: 3)));

        Assert.Contains((0L, "rejected"), Rows(measured));
    }

    [Fact]
    // Rule: a mail run counts sent, deferred, bounced and unknown mails under its job name and outcome, and nothing else.
    public void A_mail_run_counts_mails_by_job_and_outcome()
    {
        var result = new MailJobResult(MailJobNames.SendReminders, DateTimeOffset.UnixEpoch, Sent: 7, Deferred: 5, Bounced: 3, Unknown: 2,
            SkippedBusy: 11, Stopped: MailJobResult.StopReasons.Done);

        var measured = Measure(() => KtoMetrics.Mailed(MailJobNames.SendReminders, result));

        var mails = measured.Where(m => m.Instrument == "kto.mail.messages").ToList();
        Assert.All(mails, m => Assert.Equal(MailJobNames.SendReminders, m.Tags.GetValueOrDefault("job")));
        Assert.Equal([(7L, "sent"), (5L, "deferred"), (3L, "bounced"), (2L, "unknown")],
            mails.Select(m => (m.Value, m.Tags.GetValueOrDefault("outcome"))));
    }

    [Theory]
    [InlineData(ResponseMode.Web, "web")]
    [InlineData(ResponseMode.Phone, "phone")]
    [InlineData(ResponseMode.Paper, "paper")]
    // Rule: each stored questionnaire counts one answer under its mode's name.
    public void An_answer_counts_one_under_its_mode(ResponseMode mode, string name)
    {
        var measured = Measure(() => KtoMetrics.Answered(mode));

        var answer = Assert.Single(measured, m => m.Instrument == "kto.survey.answers");
        Assert.Equal(1, answer.Value);
        Assert.Equal(new Dictionary<string, string?> { ["mode"] = name }, answer.Tags);
    }
}
