using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Kto.Core.Reports;

namespace Kto.Infrastructure.Reports.Signing;

/// <summary>
/// Reads the signature timestamp (PAdES B-T) back from a PDF this signer made: the last signature's CMS, its
/// SignerInfo's unsigned attribute id-aa-signatureTimeStampToken, checked against that SignerInfo's signature.
/// </summary>
public static class PdfSignatureTimestamp
{
    /// <summary>id-aa-signatureTimeStampToken (RFC 3161 appendix A): the unsigned attribute that holds the token.</summary>
    public const string TokenOid = "1.2.840.113549.1.9.16.2.14";

    /// <summary>The timestamp and the authority that signed it; null without a signature, without a token, or with a token that does not fit the signature.</summary>
    public static ReportPdfTimestamp? Read(byte[] pdf)
    {
        var cms = LastSignatureCms(pdf);
        if (cms is null) return null;
        try
        {
            var signed = new SignedCms();
            signed.Decode(cms);
            var signer = signed.SignerInfos[0];
            foreach (var attribute in signer.UnsignedAttributes)
            {
                if (attribute.Oid.Value != TokenOid) continue;
                foreach (var value in attribute.Values)
                {
                    if (Rfc3161TimestampToken.TryDecode(value.RawData, out var token, out _)
                        && token.VerifySignatureForSignerInfo(signer, out var authority) && authority is not null)
                        return new ReportPdfTimestamp(token.TokenInfo.Timestamp, authority.GetNameInfo(X509NameType.SimpleName, false));
                }
            }
            return null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The DER CMS of the last /ByteRange in the file: the hex string in the gap between its two ranges.</summary>
    private static byte[]? LastSignatureCms(byte[] pdf)
    {
        var at = pdf.AsSpan().LastIndexOf("/ByteRange ["u8);
        if (at < 0) return null;
        var end = pdf.AsSpan(at).IndexOf((byte)']');
        if (end < 0) return null;
        var numbers = Encoding.Latin1.GetString(pdf, at + 12, end - 12)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(n => long.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1).ToArray();
        if (numbers.Length != 4 || numbers.Any(n => n < 0)) return null;
        long gapStart = numbers[1], gapEnd = numbers[2];
        if (gapEnd > pdf.Length || gapEnd - gapStart < 2 || pdf[gapStart] != '<' || pdf[gapEnd - 1] != '>') return null;
        try
        {
            // The string is padded with zeros to its reserved size: the CMS is its first DER value.
            var padded = Convert.FromHexString(Encoding.Latin1.GetString(pdf, (int)gapStart + 1, (int)(gapEnd - gapStart - 2)));
            AsnDecoder.ReadEncodedValue(padded, AsnEncodingRules.BER, out _, out _, out var length);
            return padded[..length];
        }
        catch (Exception e) when (e is FormatException or AsnContentException)
        {
            return null;
        }
    }
}
