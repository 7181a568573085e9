using Kto.Core.Portal;

namespace Kto.Functions.Portal;

/// <summary>deliveries.liquid: the upload form and every delivered file with its status and counts.</summary>
public sealed record DeliveriesPage(
    CompanyLinks Company,
    ShownDate MonthName,
    bool DeliveredThisMonth,
    PageText? Error,
    List<PageText> Errors,
    long MaxMb,
    List<DeliveriesPage.Delivery> Deliveries)
{
    /// <param name="Processing">Still being processed: no receipt yet.</param>
    public sealed record Delivery(
        string File, string Url, ShownDate Date, string Status, bool Refused, bool Processing, int Rows, int Accepted, int Duplicates, int Rejected);
}
