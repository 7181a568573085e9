namespace Kto.Core.Deliveries;

/// <summary>
/// The contract's column names and aliases. Names are compared folded: ignoring case, spaces, hyphens,
/// underscores and diacritics ("Cliënt-nummer" = "clientnummer").
/// </summary>
internal static class HeaderMap
{
    private static readonly Dictionary<string, DeliveryField> Aliases = Build(
        (DeliveryField.Klantnummer, ["klantnummer", "klantnr", "clientnummer", "cliëntnummer", "relatienummer"]),
        (DeliveryField.Voornaam, ["voornaam"]),
        (DeliveryField.Voorletters, ["voorletters"]),
        (DeliveryField.Tussenvoegsel, ["tussenvoegsel"]),
        (DeliveryField.Achternaam, ["achternaam"]),
        (DeliveryField.Email, ["email", "e-mail", "e-mailadres", "emailadres"]),
        (DeliveryField.Telefoon, ["telefoon", "telefoonnummer", "mobiel"]),
        (DeliveryField.Adres, ["adres"]),
        (DeliveryField.Postcode, ["postcode"]),
        (DeliveryField.Woonplaats, ["woonplaats"]),
        (DeliveryField.Perceel, ["perceel"]),
        (DeliveryField.Startdatum, ["startdatum"]),
        (DeliveryField.Einddatum, ["einddatum", "datum einde", "einddatum traject"]),
        (DeliveryField.RedenBeeindiging, ["reden beëindiging", "resultaat"]),
        (DeliveryField.Opdrachtgever, ["opdrachtgever"]),
        (DeliveryField.Organisatie, ["organisatie", "organisatienaam"]),
        (DeliveryField.Contactpersoon, ["contactpersoon"]),
        (DeliveryField.AantalTrajecten, ["aantal trajecten", "trajecten"]),
        (DeliveryField.Jaar, ["jaar", "meetjaar"]));

    /// <summary>Names that say the column holds citizen service numbers: such a file is refused.</summary>
    private static readonly HashSet<string> BsnNames =
        ["bsn", "bsnnummer", "bsnnr", "burgerservicenummer", "sofinummer", "sofinr", "sofi"];

    /// <summary>The columns without which a row cannot be a service.</summary>
    public static IReadOnlyList<DeliveryField> Required { get; } =
        [DeliveryField.Klantnummer, DeliveryField.Perceel, DeliveryField.Einddatum];

    /// <summary>
    /// The columns that make a file an opdrachtgever list (Blik op Werk) instead of a client export: a file that
    /// names all three and no klantnummer is read as one.
    /// </summary>
    public static IReadOnlyList<DeliveryField> OpdrachtgeverRequired { get; } =
        [DeliveryField.Organisatie, DeliveryField.Contactpersoon, DeliveryField.Email];

    /// <summary>The columns an opdrachtgever list may carry; any other is ignored.</summary>
    public static IReadOnlySet<DeliveryField> OpdrachtgeverFields { get; } = new HashSet<DeliveryField>
        { DeliveryField.Organisatie, DeliveryField.Contactpersoon, DeliveryField.Email, DeliveryField.Telefoon, DeliveryField.AantalTrajecten, DeliveryField.Jaar,
          DeliveryField.Adres, DeliveryField.Postcode, DeliveryField.Woonplaats };

    /// <summary>Which kind of list a header with these columns is.</summary>
    public static DeliveryKind KindOf(IReadOnlyCollection<DeliveryField> columns) =>
        !columns.Contains(DeliveryField.Klantnummer) && OpdrachtgeverRequired.All(columns.Contains)
            ? DeliveryKind.Opdrachtgevers
            : DeliveryKind.Clients;

    /// <summary>Whether a column of this kind of list is stored (the rest gets an ignored-column warning).</summary>
    public static bool Belongs(DeliveryKind kind, DeliveryField field) => kind == DeliveryKind.Opdrachtgevers
        ? OpdrachtgeverFields.Contains(field)
        : field is not (DeliveryField.Organisatie or DeliveryField.Contactpersoon or DeliveryField.AantalTrajecten or DeliveryField.Jaar);

    public static bool TryMatch(string? header, out DeliveryField field)
    {
        field = default;
        return !string.IsNullOrWhiteSpace(header) && Aliases.TryGetValue(PerceelNames.Fold(header), out field);
    }

    /// <summary>"BSN", "bsn_klant", "Burgerservicenummer", "Sofi-nummer", … in any spacing or case.</summary>
    public static bool IsBsnName(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return false;
        var folded = PerceelNames.Fold(header);
        if (BsnNames.Contains(folded)) return true;
        if (folded.Contains("burgerservicenummer", StringComparison.Ordinal) ||
            folded.Contains("sofinummer", StringComparison.Ordinal)) return true;
        // Word by word, so "BSN klant" matches but "jobs nummer" (folded "jobsnummer") does not.
        var words = header.Split((char[])[' ', '-', '_', '.', '/', '(', ')', ':'], StringSplitOptions.RemoveEmptyEntries);
        return words.Any(word => BsnNames.Contains(PerceelNames.Fold(word)));
    }

    /// <summary>The contract's own name for a column, used in messages about a missing column.</summary>
    public static string ContractName(DeliveryField field) => field switch
    {
        DeliveryField.RedenBeeindiging => "reden beëindiging",
        DeliveryField.AantalTrajecten => "aantal trajecten",
        _ => field.ToString().ToLowerInvariant(),
    };

    private static Dictionary<string, DeliveryField> Build(params (DeliveryField Field, string[] Names)[] entries)
    {
        var map = new Dictionary<string, DeliveryField>(StringComparer.Ordinal);
        foreach (var (field, names) in entries)
        {
            foreach (var name in names) map[PerceelNames.Fold(name)] = field;
        }
        return map;
    }
}
