namespace Kto.Core.Fieldwork;

/// <summary>The two mail jobs: first approaches, and the reminders after them.</summary>
public enum MailJob
{
    SendInvitations,
    SendReminders,
}

public static class MailJobNames
{
    public const string SendInvitations = "send-invitations";
    public const string SendReminders = "send-reminders";

    public static string Of(MailJob job) => job == MailJob.SendInvitations ? SendInvitations : SendReminders;

    public static bool TryParse(string? name, out MailJob job)
    {
        (var ok, job) = name switch
        {
            SendInvitations => (true, MailJob.SendInvitations),
            SendReminders => (true, MailJob.SendReminders),
            _ => (false, default),
        };
        return ok;
    }
}
