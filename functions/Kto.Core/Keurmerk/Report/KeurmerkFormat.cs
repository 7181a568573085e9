namespace Kto.Core.Keurmerk;

/// <summary>The Keurmerk report's files: <c>keurmerk.pdf</c>, <c>keurmerk.xlsx</c>, <c>keurmerk.json</c>.</summary>
public enum KeurmerkFormat
{
    Pdf,
    Xlsx,
    Json,
}
