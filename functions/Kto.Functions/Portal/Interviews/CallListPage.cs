using Kto.Core.Fieldwork;
using Kto.Core.Portal;

namespace Kto.Functions.Portal;

/// <summary>calls.liquid: a company's clients to phone, each with its calls so far and a link to its call sheet.</summary>
public sealed record CallListPage(
    CompanyHeading Company,
    int Year,
    bool CallingTime,
    CallingHours CallingHours,
    int MaxCalls,
    List<CallListPage.Client> Clients)
{
    /// <param name="Tel">The tel: link target (digits and a leading +).</param>
    /// <param name="Last">The last call's outcome, as the form names it.</param>
    public sealed record Client(
        int Index,
        string Url,
        string Name,
        string Klantnummer,
        bool Opdrachtgever,
        string? Phone,
        string? Tel,
        string Perceel,
        int Calls,
        string? Last,
        ShownDate? CallBack,
        bool OnlyPhone);
}
