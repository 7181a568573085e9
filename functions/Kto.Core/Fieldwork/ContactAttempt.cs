using Kto.Core.Survey;

namespace Kto.Core.Fieldwork;

/// <summary>One recorded approach of a client: the report shows how often and how clients were approached.</summary>
/// <param name="Error">Why a mail could not be handed over, when not an SMTP answer: the kind of error (an exception
/// type name such as <c>ParseException</c>), never its message, which may quote the address.</param>
/// <param name="By">A letter or call recorded by hand: who recorded it (a person's e-mail address, or the API key); null for mail runs.</param>
/// <param name="CallBackAt">Outcome <c>call-back</c>: when the client asked to be called again.</param>
public sealed record ContactAttempt(ServiceRef Service, ContactStep Step, ContactMode Mode, DateTimeOffset At, AttemptOutcome Outcome, int? SmtpCode = null, string? Error = null,
    string? By = null, DateTimeOffset? CallBackAt = null);

/// <summary>The names of <see cref="ContactMode"/> as stored and on the API (strings only at the edges).</summary>

public static class ContactModes
{
    public const string Email = "email";
    public const string Letter = "letter";
    public const string Phone = "phone";


    public static string Name(ContactMode mode) => mode switch
    {
        ContactMode.Email => Email,
        ContactMode.Letter => Letter,
        _ => Phone,
    };

    /// <summary>The mode a stored or posted name stands for; null when it is none.</summary>
    public static ContactMode? Parse(string? name) => name switch
    {
        Email => ContactMode.Email,
        Letter => ContactMode.Letter,
        Phone => ContactMode.Phone,
        _ => null,
    };
}

/// <summary>The names of <see cref="AttemptOutcome"/> as stored and on the API (strings only at the edges).</summary>
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
    /// <summary>Phone: a message was left on voicemail; an approach.</summary>
    public const string Voicemail = "voicemail";
    /// <summary>Phone: the client was spoken to and does not want to take part; calling ends.</summary>
    public const string Refused = "refused";
    /// <summary>Phone: the number is not the client's (or not in use); calling ends, not an approach.</summary>
    public const string WrongNumber = "wrong-number";
    /// <summary>Phone: the client was spoken to and asked to be called again at a time.</summary>
    public const string CallBack = "call-back";

    /// <summary>Outcomes that count as "approached" for the UWV check approached = ended.</summary>
    public static bool CountsAsApproach(AttemptOutcome outcome) =>
        outcome is AttemptOutcome.Sent or AttemptOutcome.Reached or AttemptOutcome.NoAnswer or AttemptOutcome.Unknown
            or AttemptOutcome.Voicemail or AttemptOutcome.Refused or AttemptOutcome.CallBack;

    /// <summary>Phone outcomes after which the client is not called again (the call list leaves them out).</summary>
    public static bool EndsCalling(AttemptOutcome outcome) => outcome is AttemptOutcome.Refused or AttemptOutcome.WrongNumber or AttemptOutcome.Failed;

    public static IReadOnlyList<string> All { get; } = [Sent, Reached, NoAnswer, Failed, Deferred, Unknown, Voicemail, Refused, WrongNumber, CallBack];

    public static string Name(AttemptOutcome outcome) => All[(int)outcome];

    /// <summary>The outcome a stored or posted name stands for; null when it is none.</summary>
    public static AttemptOutcome? Parse(string? name)
    {
        for (var i = 0; i < All.Count; i++)
            if (All[i] == name) return (AttemptOutcome)i;
        return null;
    }
}
