using System.Security.Cryptography;
using System.Text;

namespace Kto.Core.Keurmerk;

/// <summary>
/// The one rule for who an opdrachtgever is and how its id looks. "The same opdrachtgever" is the same organisation
/// name, compared folded (case, spaces, hyphens and accents ignored): it is asked once per company and year, whoever
/// the contact person is. The id is <c>og</c> plus 30 hex digits of SHA-256, so it can never be a service id
/// (32 hex digits) and the survey engine can tell the two apart by the id alone (<see cref="IsOpdrachtgever"/>).
/// </summary>
public static class OpdrachtgeverIds
{
    public const string Prefix = "og";

    public static string Of(string organisatie) =>
        Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(PerceelNames.Fold(organisatie))))[..30];

    public static bool IsOpdrachtgever(string serviceId) => serviceId.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>An id as <see cref="Of"/> makes it (a route value checked before storage is asked).</summary>
    public static bool LooksLikeId(string? id) =>
        id is { Length: 32 } && id.StartsWith(Prefix, StringComparison.Ordinal) && id[Prefix.Length..].All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
