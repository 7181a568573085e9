using Kto.Core.Survey;

namespace Kto.Core.Fieldwork;

/// <summary>One recorded approach of a client: the report shows how often and how clients were approached.</summary>
/// <param name="Mode">One of <see cref="ContactModes"/>.</param>
/// <param name="Outcome">One of <see cref="AttemptOutcomes"/>.</param>
/// <param name="Error">Why a mail could not be handed over, when not an SMTP answer: the kind of error (an exception
/// type name such as <c>ParseException</c>), never its message, which may quote the address.</param>
public sealed record ContactAttempt(ServiceRef Service, ContactStep Step, string Mode, DateTimeOffset At, string Outcome, int? SmtpCode = null, string? Error = null);

public static class ContactModes
{
    public const string Email = "email";
    public const string Letter = "letter";
    public const string Phone = "phone";
}

public static class AttemptOutcomes
{
    /// <summary>E-mail accepted by the mail server, or letter posted.</summary>
    public const string Sent = "sent";
    /// <summary>Phone: the client was spoken to.</summary>
    public const string Reached = "reached";
    /// <summary>Phone: no answer or voicemail; still an approach.</summary>
    public const string NoAnswer = "no-answer";
    /// <summary>E-mail refused for good (5xx); letter returned; wrong phone number.</summary>
    public const string Failed = "failed";
    /// <summary>E-mail refused for now (4xx); tried again later.</summary>
    public const string Deferred = "deferred";
    /// <summary>A run stopped between sending and recording: the mail may have gone out, so it is not sent again.</summary>
    public const string Unknown = "unknown";

    /// <summary>Outcomes that count as "approached" for the UWV check approached = ended.</summary>
    public static bool CountsAsApproach(string outcome) => outcome is Sent or Reached or NoAnswer or Unknown;
}
