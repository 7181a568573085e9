using Kto.Core.Settings;

namespace Kto.Core.Deliveries;

/// <summary>
/// Checks one data row against the delivery contract and turns it into an ended service, or into the reasons
/// it is rejected. Messages are short, plain Dutch for a company employee and fixed per code: a receipt is kept
/// for two years and never repeats a cell value (in a shifted column that would be a name, an address or a BSN).
/// </summary>
internal sealed class DeliveryRowValidator(DeliveryLayout layout, DeliverySettings settings, DateOnly today)
{
    // Each field's column (-1 when the file has none), looked up once instead of in the dictionary for every row.
    private readonly int[] columnOf = ColumnIndexes(layout);

    private static int[] ColumnIndexes(DeliveryLayout layout)
    {
        var columns = new int[Enum.GetValues<DeliveryField>().Max(f => (int)f) + 1];
        Array.Fill(columns, -1);
        foreach (var (field, column) in layout.Columns) columns[(int)field] = column;
        return columns;
    }

    // Each checked field's text of the current row (null when the file has no such column): the BSN check and the
    // field itself read the same cell, and trimming it once is enough. Filled anew for every row.
    private readonly string?[] texts = new string?[Enum.GetValues<DeliveryField>().Max(f => (int)f) + 1];

    public DeliveryRow Validate(SheetRow row)
    {
        // Allocated at the first issue: most rows have none.
        List<DeliveryIssue>? rejections = null;
        // One loop for both: each text is BSN-checked as it is read, in column order as before. Most texts start with
        // a character no BSN has (a letter, see Bsn.RuledOutByFirst): known without the call.
        foreach (var (field, column) in bsnChecked)
        {
            var text = texts[(int)field] = CellText.Of(row.Cell(column));
            if (text is not null && !Bsn.RuledOutByFirst(text[0]) && Bsn.LooksLikeBsn(text))
                Add(ref rejections, Issue(row, field, DeliveryCodes.BsnValue,
                    DeliveryMessages.BsnValue));
        }

        var klantnummer = ReadKlantnummer(row, ref rejections);
        var perceel = ReadPerceel(row, ref rejections);
        var einddatum = ReadEinddatum(row, ref rejections);
        var startdatum = ReadStartdatum(row, ref rejections);

        if (rejections is not null || klantnummer is null || perceel is null || einddatum is null)
            return new DeliveryRow(row.Number, null, WithKlantnummer(rejections ?? [], ShownKlantnummer()), []);

        List<DeliveryIssue>? warnings = null;
        var service = new EndedService
        {
            Klantnummer = klantnummer,
            Perceel = perceel.Value,
            Einddatum = einddatum.Value,
            Startdatum = startdatum,
            Voornaam = Text(DeliveryField.Voornaam),
            Voorletters = Text(DeliveryField.Voorletters),
            Tussenvoegsel = Text(DeliveryField.Tussenvoegsel),
            Achternaam = Text(DeliveryField.Achternaam),
            Email = ReadEmail(row, ref warnings),
            Telefoon = columnOf[(int)DeliveryField.Telefoon] is >= 0 and var phoneColumn
                ? Cut(PhoneNumbers.Normalise(row.Cell(phoneColumn)))
                : null,
            Adres = Text(DeliveryField.Adres),
            Postcode = Text(DeliveryField.Postcode),
            Woonplaats = Text(DeliveryField.Woonplaats),
            RedenBeeindiging = Text(DeliveryField.RedenBeeindiging),
            Opdrachtgever = Text(DeliveryField.Opdrachtgever),
        };
        AddContactWarnings(row, service, ref warnings);
        return new DeliveryRow(row.Number, service, [], warnings is null ? [] : WithKlantnummer(warnings, ShownKlantnummer()));
    }

    private static void Add(ref List<DeliveryIssue>? issues, DeliveryIssue issue) => (issues ??= []).Add(issue);

    /// <summary>The klantnummer a receipt may show beside a row's issue: never one that looks like a BSN, at most 40 characters.</summary>
    private string? ShownKlantnummer()
    {
        var value = texts[(int)DeliveryField.Klantnummer];
        if (string.IsNullOrEmpty(value) || Bsn.LooksLikeBsn(value) || Bsn.MayContainBsn(value)) return null;
        return value.Length <= 40 ? value : value[..40];
    }

    private static List<DeliveryIssue> WithKlantnummer(List<DeliveryIssue> issues, string? klantnummer) =>
        klantnummer is null ? issues : issues.Select(i => i with { Klantnummer = klantnummer }).ToList();

    /// <summary>Every stored field except the <see cref="BsnExemptFields"/>, in column order.</summary>
    private readonly (DeliveryField Field, int Column)[] bsnChecked =
        [.. layout.Columns
            .Where(c => !BsnExemptFields.Contains(c.Key))
            .OrderBy(c => c.Value)
            .Select(c => (c.Key, c.Value))];

    private string? ReadKlantnummer(SheetRow row, ref List<DeliveryIssue>? rejections)
    {
        var klantnummer = texts[(int)DeliveryField.Klantnummer];
        if (klantnummer is null)
        {
            Add(ref rejections, Issue(row, DeliveryField.Klantnummer, DeliveryCodes.MissingKlantnummer, DeliveryMessages.MissingKlantnummer));
            return null;
        }
        // Cutting would let two different long numbers become the same service, so a too long one is unusable.
        if (klantnummer.Length > settings.MaxCellLength)
        {
            Add(ref rejections, Issue(row, DeliveryField.Klantnummer, DeliveryCodes.MissingKlantnummer,
                WrittenMessages.Format(DeliveryMessages.KlantnummerTooLong, settings.MaxCellLength)));
            return null;
        }
        return klantnummer;
    }

    private Perceel? ReadPerceel(SheetRow row, ref List<DeliveryIssue>? rejections)
    {
        var text = Text(DeliveryField.Perceel);
        if (KnownPerceel(text) is { } known) return known;
        if (PerceelNames.TryParse(text, out var perceel))
        {
            knownPercelen[nextKnown++ % knownPercelen.Length] = (text!, perceel);
            return perceel;
        }
        // The value itself is not repeated: in a shifted column it is a name or an address.
        Add(ref rejections, Issue(row, DeliveryField.Perceel, DeliveryCodes.UnknownPerceel,
            text is null
                ? DeliveryMessages.MissingPerceel
                : DeliveryMessages.UnknownPerceel));
        return null;
    }

    // The perceel column holds a few spellings, and a CSV source pools each as one string: the perceel of a string
    // already read is found by reference instead of by comparing names again (a few slots, so a file cannot grow them).
    private readonly (string Text, Perceel Perceel)[] knownPercelen = new (string, Perceel)[8];
    private int nextKnown;

    private Perceel? KnownPerceel(string? text)
    {
        foreach (var (known, perceel) in knownPercelen)
            if (ReferenceEquals(known, text) && text is not null) return perceel;
        return null;
    }

    private DateOnly? ReadEinddatum(SheetRow row, ref List<DeliveryIssue>? rejections)
    {
        var cell = Cell(row, DeliveryField.Einddatum);
        if (CellText.IsEmpty(cell))
        {
            Add(ref rejections, Issue(row, DeliveryField.Einddatum, DeliveryCodes.MissingEinddatum, DeliveryMessages.MissingEinddatum));
            return null;
        }
        if (!DeliveryDates.TryParse(cell, out var einddatum))
        {
            Add(ref rejections, Issue(row, DeliveryField.Einddatum, DeliveryCodes.InvalidDate, DeliveryMessages.InvalidEinddatum));
            return null;
        }
        if (einddatum > today)
        {
            Add(ref rejections, Issue(row, DeliveryField.Einddatum, DeliveryCodes.EinddatumInFuture,
                DeliveryMessages.EinddatumInFuture));
            return null;
        }
        // The previous measurement year is still delivered in January (its fieldwork runs until Y+1); older years are
        // closed, and data of them would sit outside what the nightly retention expects.
        if (einddatum.Year < today.Year - 1)
        {
            Add(ref rejections, Issue(row, DeliveryField.Einddatum, DeliveryCodes.EinddatumTooOld,
                WrittenMessages.Format(DeliveryMessages.EinddatumTooOld, today.Year - 1)));
            return null;
        }
        return einddatum;
    }

    private DateOnly? ReadStartdatum(SheetRow row, ref List<DeliveryIssue>? rejections)
    {
        var cell = Cell(row, DeliveryField.Startdatum);
        if (CellText.IsEmpty(cell)) return null;
        if (DeliveryDates.TryParse(cell, out var startdatum)) return startdatum;
        Add(ref rejections, Issue(row, DeliveryField.Startdatum, DeliveryCodes.InvalidDate, DeliveryMessages.InvalidStartdatum));
        return null;
    }

    /// <summary>An e-mail address that is not one is treated as absent, so the client is approached another way.</summary>
    private string? ReadEmail(SheetRow row, ref List<DeliveryIssue>? warnings)
    {
        var email = Text(DeliveryField.Email);
        if (email is null || EmailAddresses.IsValid(email)) return email;
        Add(ref warnings, Issue(row, DeliveryField.Email, DeliveryCodes.InvalidEmail,
            DeliveryMessages.InvalidEmail));
        return null;
    }

    private void AddContactWarnings(SheetRow row, EndedService service, ref List<DeliveryIssue>? warnings)
    {
        if (service.Email is not null) return;
        var hasAddress = service.Adres is not null && service.Postcode is not null && service.Woonplaats is not null;
        if (service.Telefoon is not null || hasAddress)
            Add(ref warnings, Issue(row, DeliveryField.Email, DeliveryCodes.NoEmail,
                DeliveryMessages.ClientNoEmail));
        else
            Add(ref warnings, Issue(row, DeliveryField.Email, DeliveryCodes.NoContactData,
                DeliveryMessages.ClientNoContactData));
    }

    private object? Cell(SheetRow row, DeliveryField field) =>
        columnOf[(int)field] is >= 0 and var column ? row.Cell(column) : null;

    /// <summary>As <see cref="CellText.Of(object?, int)"/> on the field's cell: its text of this row, cut to the longest a field may be.</summary>
    private string? Text(DeliveryField field) =>
        texts[(int)field] is { } text && text.Length > settings.MaxCellLength ? text[..settings.MaxCellLength].TrimEnd() : texts[(int)field];

    private string? Cut(string? text) =>
        text is not null && text.Length > settings.MaxCellLength ? text[..settings.MaxCellLength] : text;

    /// <summary>An issue about one column, named as the company wrote it (or by the contract name when absent).</summary>
    private DeliveryIssue Issue(SheetRow row, DeliveryField field, string code, string message) =>
        new(row.Number, layout.Columns.ContainsKey(field) ? layout.HeaderOf(field) : HeaderMap.ContractName(field), code, message);
}
