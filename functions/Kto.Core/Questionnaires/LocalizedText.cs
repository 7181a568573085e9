namespace Kto.Core.Questionnaires;

/// <summary>A text in Dutch (the language clients see first, B1 level) and English.</summary>
public sealed record LocalizedText(string Nl, string En)
{
    /// <summary>English when asked for ("en…"), Dutch otherwise: Dutch is the default for UWV clients.</summary>
    public string In(string? language) =>
        language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : Nl;
}
