using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using Kto.Core.Reports;
using Microsoft.Extensions.Logging;

namespace Kto.Infrastructure.Reports.Signing;

/// <summary>
/// Asks an RFC 3161 timestamp authority to stamp a CMS signature (PAdES B-T): the request's message imprint is the
/// SHA-256 of the SignerInfo's signature value, with a nonce and the TSA's certificate asked for. The answer is checked
/// (granted, this imprint, this nonce, a valid signature by a certificate in the token) before it is used; anything
/// else is a <see cref="ReportTimestampUnavailableException"/>, so nothing is signed without the time asked for.
/// </summary>
public sealed class Rfc3161TimestampClient(Uri authority, HttpClient http, ILogger<Rfc3161TimestampClient> logger)
{
    /// <summary>A TSA answers in well under a second; after this the signing is refused rather than kept waiting.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public Uri Authority => authority;

    /// <returns>The DER TimeStampToken (a CMS SignedData over a TSTInfo) for the signer's unsigned attributes.</returns>
    public async Task<byte[]> StampAsync(SignerInfo signer, CancellationToken cancellationToken)
    {
        var request = Rfc3161TimestampRequest.CreateFromSignerInfo(signer, HashAlgorithmName.SHA256,
            requestSignerCertificates: true, nonce: RandomNumberGenerator.GetBytes(8));
        byte[] answer;
        try
        {
            using var content = new ByteArrayContent(request.Encode());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
            using var response = await http.PostAsync(authority, content, cancellationToken);
            if (!response.IsSuccessStatusCode) throw Unavailable($"HTTP {(int)response.StatusCode}");
            answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw Unavailable(e is TaskCanceledException ? "no answer in time" : "not reachable", e);
        }
        try
        {
            var token = request.ProcessResponse(answer, out _);
            if (!token.VerifySignatureForSignerInfo(signer, out _))
                throw Unavailable("the token's signature does not verify");
            return token.AsSignedCms().Encode();
        }
        catch (CryptographicException e)
        {
            throw Unavailable("the answer is no timestamp for this signature (" + e.Message + ")", e);
        }
    }

    private ReportTimestampUnavailableException Unavailable(string reason, Exception? inner = null)
    {
        logger.LogWarning("The timestamp authority {Authority} gave no timestamp: {Reason}; the report is not signed", authority.Authority, reason);
        return new ReportTimestampUnavailableException(authority.Authority, reason, inner);
    }
}
