using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Kto.Core.Reports;

namespace Kto.Infrastructure.Reports.Signing;

/// <summary>
/// Signs a report PDF with the bureau's certificate: a PAdES baseline (B-B) signature, i.e. a detached CMS
/// (SubFilter ETSI.CAdES.detached, SHA-256) whose signed attributes are the content type, the message digest and
/// the ESS signing-certificate-v2 that binds the certificate; the signing time is the signature dictionary's /M
/// (PAdES forbids the CMS signing-time attribute). The visible block is the one the renderer drew:
/// <see cref="ReportSignatureBlock"/>.
/// <para>
/// With a timestamp authority (<c>Kto:Signing:TimestampUrl</c>) the signature is PAdES B-T: the authority's token over
/// the signature value goes into the SignerInfo as the unsigned attribute id-aa-signatureTimeStampToken. When the
/// authority gives none, nothing is signed (<see cref="ReportTimestampUnavailableException"/>).
/// </para>
/// </summary>
public sealed class CmsReportPdfSigner(ISigningCertificateSource certificates, Rfc3161TimestampClient? timestamps = null) : IReportPdfSigner
{
    public const string FieldName = "Handtekening onderzoeksbureau";
    private const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    public async Task<byte[]> SignAsync(byte[] pdf, ReportPdfSignature signature, CancellationToken cancellationToken)
    {
        var signing = await certificates.GetAsync(cancellationToken);
        var field = new SignatureField(FieldName, ReportSignatureBlock.PdfRect, $"{signature.SignedBy} ({signature.Bureau})",
            signature.Reason, signature.SignedAt);
        return await PdfIncrementalSigner.SignAsync(pdf, field, content => CmsAsync(content, signing, cancellationToken));
    }

    private async Task<byte[]> CmsAsync(byte[] content, SigningCertificate signing, CancellationToken cancellationToken)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, signing.Certificate)
        {
            DigestAlgorithm = new Oid(Sha256Oid),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.Certificates.AddRange(signing.Chain);
        signer.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2Oid, SigningCertificateV2(signing.Certificate)));
        cms.ComputeSignature(signer, silent: true);
        if (timestamps is not null)
        {
            var signerInfo = cms.SignerInfos[0];
            var token = await timestamps.StampAsync(signerInfo, cancellationToken);
            signerInfo.AddUnsignedAttribute(new AsnEncodedData(PdfSignatureTimestamp.TokenOid, token));
        }
        return cms.Encode();
    }

    /// <summary>
    /// RFC 5035: SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }, ESSCertIDv2 ::= SEQUENCE {
    /// certHash OCTET STRING (SHA-256, the default algorithm, so omitted), issuerSerial IssuerSerial }.
    /// </summary>
    private static byte[] SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4)))
                    writer.WriteEncodedValue(certificate.IssuerName.RawData);
                writer.WriteInteger(certificate.SerialNumberBytes.Span, null);
            }
        }
        return writer.Encode();
    }
}
