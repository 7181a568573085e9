namespace Kto.Core;

/// <summary>
/// The full stop after a name that ends a sentence in a mail, letter or page: none when the name ends with one itself,
/// so a client of "Acme B.V." never reads "… voor Acme B.V..".
/// </summary>
public static class SentenceStop
{
    public static string After(string? name) => name is not null && name.TrimEnd().EndsWith('.') ? "" : ".";
}
