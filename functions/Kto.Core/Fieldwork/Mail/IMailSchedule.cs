namespace Kto.Core.Fieldwork;

/// <summary>When the mail jobs' timers fire (their CRON expressions are <see cref="MailJobSchedules"/>).</summary>
public interface IMailSchedule
{
    /// <summary>The first scheduled run of <paramref name="job"/> after <paramref name="after"/>, or null.</summary>
    DateTimeOffset? NextAfter(MailJob job, DateTimeOffset after);
}

/// <summary>
/// The timers of the mail jobs, six-field CRON in UTC (Flex Consumption has no time zone setting): one place for
/// the timer attributes and for "when does the next run continue".
/// </summary>
public static class MailJobSchedules
{
    public const string SendInvitations = "0 */10 * * * *";
    public const string SendReminders = "0 5,35 * * * *";

    public static string Of(MailJob job) => job == MailJob.SendInvitations ? SendInvitations : SendReminders;
}
