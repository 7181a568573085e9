using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Core.Tests.Fieldwork;

/// <summary>
/// What fieldwork says to people and at the edges: a mail's salutation (never a half name), the run status in Dutch,
/// the job and step names as stored, the jobs' timers, and how far a replayed job may reach.
/// </summary>
public sealed class FieldworkWordsTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private static ContactDetails Named(string? voornaam, string? voorletters, string? tussenvoegsel, string? achternaam) =>
        new("K1", voornaam, voorletters, tussenvoegsel, achternaam, "k1@example.nl", null, null, null, null);

    [Theory]
    [InlineData("Sam", null, "de", "Vries", "Beste Sam de Vries")]
    [InlineData(null, "S.J.", null, "Jansen", "Beste S.J. Jansen")]   // initials when no first name was delivered
    [InlineData("Sam", "S.J.", null, "Jansen", "Beste Sam Jansen")]   // the first name wins over the initials
    [InlineData(" ", "S.", " ", "Jansen", "Beste Jansen")]            // blank parts leave no double spaces
    [InlineData(null, null, null, "Jansen", "Beste Jansen")]
    [InlineData("Sam", null, "de", null, "Beste klant")]              // never "Beste Sam de": without a last name, no name
    [InlineData("Sam", null, null, " ", "Beste klant")]
    [InlineData(null, null, null, null, "Beste klant")]
    public void A_mail_greets_by_the_delivered_name_or_as_klant_never_by_half_a_name(
        string? voornaam, string? voorletters, string? tussenvoegsel, string? achternaam, string salutation)
    {
        Assert.Equal(salutation, Named(voornaam, voorletters, tussenvoegsel, achternaam).Salutation());
    }

    [Fact]
    public void The_bureau_reads_why_a_run_stopped_in_plain_dutch()
    {
        var run = new MailRun("id", MailJobNames.SendInvitations, Monday, MailRunTriggers.Timer, MailRunStatus.Completed, Monday, Monday);

        Assert.Equal("Wacht op start", StopReasonTexts.Dutch(run with { Status = MailRunStatus.Queued }));
        Assert.Equal("Loopt nog", StopReasonTexts.Dutch(run with { Status = MailRunStatus.Running }));
        Assert.Equal("Afgebroken door een fout (IOException)", StopReasonTexts.Dutch(run with { Status = MailRunStatus.Failed, Error = "IOException" }));
        Assert.Equal("Afgebroken door een fout", StopReasonTexts.Dutch(run with { Status = MailRunStatus.Failed }));
        Assert.Equal("Klaar: alles verstuurd wat nu kon", StopReasonTexts.Dutch(run with { Stopped = MailJobResult.StopReasons.Done }));
        Assert.Equal("Gestopt: buiten de verzendtijden (avond, nacht of weekend)", StopReasonTexts.Dutch(run with { Stopped = MailJobResult.StopReasons.QuietTime }));
        Assert.Equal("Gestopt: de verzendlimiet per minuut of uur was bereikt", StopReasonTexts.Dutch(run with { Stopped = MailJobResult.StopReasons.Throttled }));
        Assert.Equal("Gestopt: de maximale looptijd van een run was om", StopReasonTexts.Dutch(run with { Stopped = MailJobResult.StopReasons.TimeLimit }));
        Assert.Equal("Gestopt: de mailserver was niet bereikbaar", StopReasonTexts.Dutch(run with { Stopped = MailJobResult.StopReasons.MailServerUnavailable }));
        // A reason this version does not know (a newer run's) is shown as it is stored, not hidden.
        Assert.Equal("Gestopt (paused)", StopReasonTexts.Dutch(run with { Stopped = "paused" }));
        Assert.Equal("Onbekend", StopReasonTexts.Dutch(run with { Stopped = null }));
    }

    [Fact]
    public void The_two_jobs_have_one_stored_name_each_and_nothing_else_parses()
    {
        Assert.Equal("send-invitations", MailJobNames.Of(MailJob.SendInvitations));
        Assert.Equal("send-reminders", MailJobNames.Of(MailJob.SendReminders));
        foreach (var job in Enum.GetValues<MailJob>())
        {
            Assert.True(MailJobNames.TryParse(MailJobNames.Of(job), out var parsed));
            Assert.Equal(job, parsed);
        }
        Assert.False(MailJobNames.TryParse("Send-Invitations", out _));
        Assert.False(MailJobNames.TryParse(null, out _));
    }

    [Fact]
    public void Invitations_go_every_ten_minutes_and_reminders_twice_an_hour_between_them()
    {
        // The reminders' minutes (5, 35) never coincide with an invitation run (every ten minutes from :00).
        Assert.Equal("0 */10 * * * *", MailJobSchedules.Of(MailJob.SendInvitations));
        Assert.Equal("0 5,35 * * * *", MailJobSchedules.Of(MailJob.SendReminders));
    }

    [Fact]
    public void Steps_are_named_invitation_and_reminder_n_in_records_and_reports()
    {
        Assert.Equal("invitation", ContactStep.Invitation.Name);
        Assert.True(ContactStep.Invitation.IsInvitation);
        Assert.Equal("reminder-1", new ContactStep(1).Name);
        Assert.Equal("reminder-2", new ContactStep(2).ToString());
        Assert.False(new ContactStep(1).IsInvitation);
    }

    [Theory]
    [InlineData("2025-01-01T00:00:00+01:00", true)]  // the first moment of last year (Dutch time): its fieldwork runs into this year
    [InlineData("2024-12-31T23:30:00+00:00", true)]  // 00:30 on 1 January 2025 in Amsterdam
    [InlineData("2024-12-31T22:30:00+00:00", false)] // 23:30 on 31 December 2024 in Amsterdam
    [InlineData("2026-06-15T12:00:00+00:00", true)]
    [InlineData("2027-12-31T22:30:00+00:00", true)]  // 23:30 on 31 December 2027 in Amsterdam
    [InlineData("2027-12-31T23:30:00+00:00", false)] // already 2028 in Amsterdam
    [InlineData("2126-06-15T12:00:00+00:00", false)] // a typing error
    public void A_replayed_job_may_act_from_last_year_to_the_end_of_next_year_in_dutch_time(string at, bool allowed)
    {
        Assert.Equal(allowed, ReplayReach.Contains(DateTimeOffset.Parse(at), new DateOnly(2026, 12, 6)));
    }
}
