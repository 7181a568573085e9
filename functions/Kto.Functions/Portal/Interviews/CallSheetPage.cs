using Kto.Core.Fieldwork;
using Kto.Core.Portal;

namespace Kto.Functions.Portal;

/// <summary>call-sheet.liquid: one client to phone, the calls so far, and the form to record how this call went.</summary>
public sealed record CallSheetPage(
    CompanyHeading Company,
    int Year,
    string Service,
    PageText? Done,
    string? Error,
    string Name,
    string Klantnummer,
    bool Opdrachtgever,
    string? Phone,
    string? Tel,
    string Perceel,
    bool Answered,
    bool OptedOut,
    bool Ended,
    bool CallingTime,
    CallingHours CallingHours,
    int MaxCalls,
    int Step,
    List<CallSheetPage.Call> Calls,
    List<CallSheetPage.Outcome> Outcomes,
    string AnswersUrl,
    string ListUrl)
{
    public sealed record Call(ShownDate At, string Outcome, string? By, ShownDate? CallBack);

    public sealed record Outcome(string Value, string Label);
}
