namespace Kto.Core.Deliveries;

/// <summary>A receipt's rejected rows and warnings as a file the company can sort and work through (CSV or Excel).</summary>
public interface IReceiptSheets
{
    byte[] Csv(Receipt receipt);

    byte[] Xlsx(Receipt receipt);
}
