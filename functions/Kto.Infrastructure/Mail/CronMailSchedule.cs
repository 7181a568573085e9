using Cronos;
using Kto.Core.Fieldwork;

namespace Kto.Infrastructure.Mail;

/// <summary>Reads the mail timers' CRON expressions (six fields, UTC) as the Functions host does.</summary>
public sealed class CronMailSchedule : IMailSchedule
{
    private readonly Dictionary<MailJob, CronExpression> schedules = Enum.GetValues<MailJob>()
        .ToDictionary(job => job, job => CronExpression.Parse(MailJobSchedules.Of(job), CronFormat.IncludeSeconds));

    public DateTimeOffset? NextAfter(MailJob job, DateTimeOffset after) =>
        schedules[job].GetNextOccurrence(after.ToUniversalTime(), TimeZoneInfo.Utc);
}
