namespace Kto.Functions.Portal;

/// <summary>fieldwork.liquid: a company's clients mail does not reach, with the form to record a letter or call.</summary>
public sealed record FieldworkPage(
    CompanyHeading Company,
    int Year,
    string? Done,
    string? Error,
    List<FieldworkPage.Choice> Choices,
    List<FieldworkPage.Contact> Contacts)
{
    /// <summary>One attempt to record: "mode:outcome" and its text.</summary>
    public sealed record Choice(string Value, string Label);

    public sealed record Contact(
        int Index, string Service, string Name, string Klantnummer, string? Phone, string? Address, bool Chosen, string Perceel, string Reason, int Steps);
}
