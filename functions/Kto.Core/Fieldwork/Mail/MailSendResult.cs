namespace Kto.Core.Fieldwork;

/// <summary>What the SMTP server said: accepted, try later (4xx, connection trouble), or never (5xx: a bounce).</summary>
public sealed record MailSendResult(MailOutcome Outcome, int? SmtpCode = null)
{
    public static MailSendResult Accepted { get; } = new(MailOutcome.Accepted);
}

public enum MailOutcome { Accepted, Transient, Permanent }
