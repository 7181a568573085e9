namespace Kto.Functions.Portal;

/// <summary>processing.liquid: a delivered file whose receipt is not there yet (the page reloads itself).</summary>
public sealed record ProcessingPage(CompanyLinks Company, string File);
