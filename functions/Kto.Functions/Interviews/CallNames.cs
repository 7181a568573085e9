using Kto.Core.Fieldwork;

namespace Kto.Functions.Interviews;

/// <summary>A client's name as the interviewer says it: first name (or initials), tussenvoegsel, surname.</summary>
public static class CallNames
{
    public static string Of(ContactDetails contact) =>
        string.Join(' ', new[] { contact.Voornaam ?? contact.Voorletters, contact.Tussenvoegsel, contact.Achternaam }.Where(p => !string.IsNullOrWhiteSpace(p)));
}
