namespace Kto.Core.Fieldwork;

/// <summary>
/// How the bureau reaches an open client e-mail cannot reach: by letter when a postal address was delivered,
/// else by phone, else not at all (counted as unreachable in progress and the report).
/// </summary>
public enum OfflineRoute { Letter, Phone, Unreachable }

/// <summary>The one rule that picks an <see cref="OfflineRoute"/> from the delivered contact data.</summary>
public static class OfflineRoutes
{
    public static OfflineRoute For(ContactDetails contact)
    {
        if (HasPostalAddress(contact)) return OfflineRoute.Letter;
        if (!string.IsNullOrWhiteSpace(contact.Telefoon)) return OfflineRoute.Phone;
        return OfflineRoute.Unreachable;
    }

    /// <summary>An open client e-mail cannot reach (<see cref="OfflineContactService.NeedsLetterOrCall"/>) whom the post can: the letter batch's rule.</summary>
    public static bool NeedsLetter(ContactState state, ContactDetails contact) =>
        OfflineContactService.NeedsLetterOrCall(state) && For(contact) == OfflineRoute.Letter;

    /// <summary>A letter needs a street line and a postcode or place; one without the other cannot be posted.</summary>
    public static bool HasPostalAddress(ContactDetails contact) => HasPostalAddress(contact.Adres, contact.Postcode, contact.Woonplaats);

    /// <summary>The same rule on the delivered columns, for a row not yet stored (the receipt's warning).</summary>
    public static bool HasPostalAddress(string? adres, string? postcode, string? woonplaats) =>
        !string.IsNullOrWhiteSpace(adres)
        && (!string.IsNullOrWhiteSpace(postcode) || !string.IsNullOrWhiteSpace(woonplaats));
}
