using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;

namespace Kto.Tsa;

/// <summary>
/// An RFC 3161 timestamp authority over HTTP: <c>POST /</c> with a <c>TimeStampReq</c>
/// (<c>application/timestamp-query</c>) answers a <c>TimeStampResp</c> signed with its own certificate (SHA-256,
/// the certificate included when asked). BouncyCastle makes the token; this class only carries it over HTTP.
/// </summary>
public static class TimestampAuthority
{
    /// <summary>id-kp-timeStamping: the only extended key usage a TSA certificate may have (RFC 3161 §2.3).</summary>
    public const string TimeStampingOid = "1.3.6.1.5.5.7.3.8";

    /// <summary>The policy this authority stamps under; a local authority has no published policy, so an example arc.</summary>
    public const string PolicyOid = "1.2.3.4.1";

    public const string QueryType = "application/timestamp-query";
    public const string ReplyType = "application/timestamp-reply";

    /// <summary>The authority at <paramref name="url"/> (e.g. http://127.0.0.1:3161), built but not started.</summary>
    public static WebApplication Build(string url, X509Certificate2 certificate, string[]? args = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning);
        var app = builder.Build();
        var responder = Responder(certificate);
        app.MapGet("/", () => Results.Text($"RFC 3161 timestamp authority ({certificate.GetNameInfo(X509NameType.SimpleName, false)}): POST a {QueryType} here.\n"));
        app.MapPost("/", async (HttpRequest request) =>
        {
            if (!string.Equals(request.ContentType, QueryType, StringComparison.OrdinalIgnoreCase))
                return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
            return Results.Bytes(Respond(responder, body.ToArray()), ReplyType);
        });
        return app;
    }

    /// <summary>A TimeStampResp for the DER request: granted, or rejected with the reason (a malformed request, an unknown hash).</summary>
    private static byte[] Respond(TimeStampResponseGenerator responder, byte[] der)
    {
        TimeStampRequest request;
        try
        {
            request = new TimeStampRequest(der);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException)
        {
            return responder.GenerateFailResponse(Org.BouncyCastle.Asn1.Cmp.PkiStatus.Rejection,
                Org.BouncyCastle.Asn1.Cmp.PkiFailureInfo.BadDataFormat, "not a TimeStampReq").GetEncoded();
        }
        // Unique serial numbers without state: 64 random bits (RFC 3161 §2.4.2 asks for uniqueness per TSA).
        var serial = new BigInteger(1, RandomNumberGenerator.GetBytes(8));
        return responder.Generate(request, serial, DateTime.UtcNow).GetEncoded();
    }

    private static TimeStampResponseGenerator Responder(X509Certificate2 certificate)
    {
        var rsa = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("The TSA certificate needs its RSA private key.");
        var key = DotNetUtilities.GetRsaKeyPair(rsa).Private;
        var bcCertificate = DotNetUtilities.FromX509Certificate(certificate);
        // Checks the certificate is fit for a TSA (version 3, the one critical extended key usage timeStamping).
        var tokens = new TimeStampTokenGenerator(key, bcCertificate, TspAlgorithms.Sha256, PolicyOid);
        tokens.SetCertificates(CollectionUtilities.CreateStore(new[] { bcCertificate }));
        tokens.SetAccuracySeconds(1);
        return new TimeStampResponseGenerator(tokens, TspAlgorithms.Allowed);
    }

    /// <summary>
    /// A self-signed TSA certificate (RSA 3072, valid 3 years) with the critical extended key usage timeStamping
    /// that RFC 3161 requires of a TSA's certificate.
    /// </summary>
    public static X509Certificate2 CreateCertificate(string name, DateTimeOffset now)
    {
        using var key = RSA.Create(3072);
        var subject = new X500DistinguishedName($"CN={name.Replace(",", " ")}, O=KtoFunctions (lokaal)");
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(TimeStampingOid)], critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(3));
    }

    /// <summary>The certificate in the PFX at <paramref name="path"/>; made there first (readable by this user only) when missing.</summary>
    public static X509Certificate2 LoadOrCreate(string path, string name, DateTimeOffset now)
    {
        if (!File.Exists(path))
        {
            using var made = CreateCertificate(name, now);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllBytes(path, made.Export(X509ContentType.Pfx));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return X509CertificateLoader.LoadPkcs12FromFile(path, null, X509KeyStorageFlags.Exportable);
    }
}
