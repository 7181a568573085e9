using Kto.Core.Survey;

namespace Kto.Core.Fieldwork;

/// <summary>One recorded approach of a client: the report shows how often and how clients were approached.</summary>
/// <param name="Error">Why a mail could not be handed over, when not an SMTP answer: the kind of error (an exception
/// type name such as <c>ParseException</c>), never its message, which may quote the address.</param>
public sealed record ContactAttempt(ServiceRef Service, ContactStep Step, ContactMode Mode, DateTimeOffset At, AttemptOutcome Outcome, int? SmtpCode = null, string? Error = null);

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

    /// <summary>Outcomes that count as "approached" for the UWV check approached = ended.</summary>
    public static bool CountsAsApproach(AttemptOutcome outcome) =>
        outcome is AttemptOutcome.Sent or AttemptOutcome.Reached or AttemptOutcome.NoAnswer or AttemptOutcome.Unknown;

    public static IReadOnlyList<string> All { get; } = [Sent, Reached, NoAnswer, Failed, Deferred, Unknown];

    public static string Name(AttemptOutcome outcome) => All[(int)outcome];

    /// <summary>The outcome a stored or posted name stands for; null when it is none.</summary>
    public static AttemptOutcome? Parse(string? name)
    {
        for (var i = 0; i < All.Count; i++)
            if (All[i] == name) return (AttemptOutcome)i;
        return null;
    }
}
