using System.Globalization;
using Kto.Core.Fieldwork;
using Kto.Core.Keurmerk;
using Kto.Core.Settings;

namespace Kto.Core.Deliveries;

/// <summary>
/// Checks one row of an opdrachtgever list. The same rules as a client row where they apply (a BSN value rejects the
/// row, an e-mail address must be usable, messages fixed per code and never repeating a value); the year is the
/// row's <c>jaar</c> or, without that column, the delivery's year.
/// </summary>
internal sealed class OpdrachtgeverRowValidator(DeliveryLayout layout, DeliverySettings settings, int defaultYear, DateOnly today)
{
    /// <summary>More trajectories than this from one opdrachtgever in a year is a typing error, not a number.</summary>
    public const int MaxTrajecten = 100_000;

    public OpdrachtgeverRow Validate(SheetRow row)
    {
        var rejections = new List<DeliveryIssue>();
        foreach (var (field, column) in layout.Columns.Where(c => !BsnExemptFields.Contains(c.Key)).OrderBy(c => c.Value))
            if (Bsn.LooksLikeBsn(CellText.Of(row.Cell(column))))
                rejections.Add(Issue(row, field, DeliveryCodes.BsnValue,
                    DeliveryMessages.BsnValue));

        var organisatie = Text(row, DeliveryField.Organisatie);
        if (organisatie is null)
            rejections.Add(Issue(row, DeliveryField.Organisatie, DeliveryCodes.MissingOrganisatie,
                DeliveryMessages.MissingOrganisatie));
        foreach (var field in new[] { DeliveryField.Organisatie, DeliveryField.Contactpersoon })
            if (!NameText.IsClean(Text(row, field)))
                rejections.Add(Issue(row, field, DeliveryCodes.InvalidName,
                    DeliveryMessages.InvalidName));
        var aantal = ReadAantal(row, rejections);
        var year = ReadYear(row, rejections);
        if (rejections.Count > 0 || organisatie is null) return new OpdrachtgeverRow(row.Number, null, rejections, []);

        var warnings = new List<DeliveryIssue>();
        var email = Text(row, DeliveryField.Email);
        var opdrachtgever = new Opdrachtgever
        {
            Year = year,
            Organisatie = organisatie,
            Contactpersoon = Text(row, DeliveryField.Contactpersoon),
            Telefoon = layout.Columns.TryGetValue(DeliveryField.Telefoon, out var phone) ? PhoneNumbers.Normalise(row.Cell(phone)) : null,
            Adres = Text(row, DeliveryField.Adres),
            Postcode = Text(row, DeliveryField.Postcode),
            Woonplaats = Text(row, DeliveryField.Woonplaats),
            AantalTrajecten = aantal,
        };
        if (email is null)
            warnings.Add(NoEmailWarning(row, opdrachtgever));
        else if (!EmailAddresses.IsValid(email))
        {
            warnings.Add(Issue(row, DeliveryField.Email, DeliveryCodes.InvalidEmail, DeliveryMessages.InvalidEmail));
            email = null;
        }
        return new OpdrachtgeverRow(row.Number, opdrachtgever with { Email = email }, [], warnings);
    }

    /// <summary>Says which ways are left without e-mail, by the letter batch's address rule and a phone number.</summary>
    private DeliveryIssue NoEmailWarning(SheetRow row, Opdrachtgever opdrachtgever)
    {
        var letter = OfflineRoutes.HasPostalAddress(opdrachtgever.Adres, opdrachtgever.Postcode, opdrachtgever.Woonplaats);
        var phone = !string.IsNullOrWhiteSpace(opdrachtgever.Telefoon);
        return (letter, phone) switch
        {
            (true, true) => Issue(row, DeliveryField.Email, DeliveryCodes.NoEmail, DeliveryMessages.OpdrachtgeverNoEmail),
            (true, false) => Issue(row, DeliveryField.Email, DeliveryCodes.NoEmail, DeliveryMessages.OpdrachtgeverOnlyLetter),
            (false, true) => Issue(row, DeliveryField.Email, DeliveryCodes.NoEmail, DeliveryMessages.OpdrachtgeverOnlyPhone),
            _ => Issue(row, DeliveryField.Email, DeliveryCodes.NoContactData,
                DeliveryMessages.OpdrachtgeverNoContactData),
        };
    }

    private int? ReadAantal(SheetRow row, List<DeliveryIssue> rejections)
    {
        var text = Text(row, DeliveryField.AantalTrajecten);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var aantal) && aantal <= MaxTrajecten) return aantal;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == Math.Floor(number) && number is >= 0 and <= MaxTrajecten)
            return (int)number;
        rejections.Add(Issue(row, DeliveryField.AantalTrajecten, DeliveryCodes.InvalidAantalTrajecten,
            DeliveryMessages.InvalidAantalTrajecten));
        return null;
    }

    /// <summary>The measurement year: this year or the previous one (delivered in January), as for client rows.</summary>
    private int ReadYear(SheetRow row, List<DeliveryIssue> rejections)
    {
        var text = Text(row, DeliveryField.Jaar);
        if (text is null) return defaultYear;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= today.Year - 1 && year <= today.Year)
            return year;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && (number == today.Year || number == today.Year - 1))
            return (int)number;
        rejections.Add(Issue(row, DeliveryField.Jaar, DeliveryCodes.InvalidJaar,
            WrittenMessages.Format(DeliveryMessages.InvalidJaar, today.Year - 1, today.Year)));
        return defaultYear;
    }

    private string? Text(SheetRow row, DeliveryField field) =>
        layout.Columns.TryGetValue(field, out var column) ? CellText.Of(row.Cell(column), settings.MaxCellLength) : null;

    private DeliveryIssue Issue(SheetRow row, DeliveryField field, string code, string message) =>
        new(row.Number, layout.Columns.ContainsKey(field) ? layout.HeaderOf(field) : HeaderMap.ContractName(field), code, message);
}
