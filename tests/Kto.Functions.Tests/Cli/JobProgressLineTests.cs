using Kto.Cli;

namespace Kto.Functions.Tests.Cli;

/// <summary>The line ./kto job shows for a mail run's status (what the bash script's python snippet printed).</summary>
public sealed class JobProgressLineTests
{
    [Fact]
    public void A_running_run_shows_its_counts_and_state_and_errors_only_when_there_are_any()
    {
        Assert.Equal("send-invitations: 3 sent, 1 deferred, 0 bounced, 2 unknown (running)",
            JobProgressLine.For("""{"job":"send-invitations","status":"running","sent":3,"deferred":1,"bounced":0,"unknown":2,"errors":0}"""));
        Assert.Equal("send-reminders: 0 sent, 0 deferred, 0 bounced, 0 unknown, 4 errors (queued)",
            JobProgressLine.For("""{"job":"send-reminders","status":"queued","errors":4}"""));
    }

    [Fact]
    public void A_stopped_run_says_why_and_when_the_next_run_continues_in_Dutch_time()
    {
        // 16:00 UTC in winter is 17:00 in Amsterdam; in summer 12:00 UTC is 14:00.
        Assert.Equal("send-invitations: 120 sent, 0 deferred, 1 bounced, 0 unknown; stopped: throttled; the next run continues at 2026-11-24 17:00 (Dutch time)",
            JobProgressLine.For("""{"job":"send-invitations","status":"completed","sent":120,"bounced":1,"stopped":"throttled","nextRunAt":"2026-11-24T16:00:00Z"}"""));
        Assert.EndsWith("continues at 2026-07-01 14:00 (Dutch time)",
            JobProgressLine.For("""{"job":"send-invitations","status":"completed","stopped":"quiet-hours","nextRunAt":"2026-07-01T12:00:00+00:00"}"""));
        Assert.Equal("send-invitations: 0 sent, 0 deferred, 0 bounced, 0 unknown; stopped: done",
            JobProgressLine.For("""{"job":"send-invitations","status":"completed","stopped":"done","nextRunAt":null}"""));
    }

    [Fact]
    public void A_failed_run_shows_its_error_and_a_body_that_is_no_json_shows_nothing()
    {
        Assert.Equal("send-reminders: 2 sent, 0 deferred, 0 bounced, 0 unknown; failed: smtp-unreachable",
            JobProgressLine.For("""{"job":"send-reminders","status":"failed","sent":2,"error":"smtp-unreachable"}"""));
        Assert.EndsWith("; failed: unknown error", JobProgressLine.For("""{"job":"send-reminders","status":"failed"}"""));
        Assert.Null(JobProgressLine.For("<html>502</html>"));
    }
}
