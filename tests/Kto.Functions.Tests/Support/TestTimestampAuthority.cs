using System.Security.Cryptography.X509Certificates;
using Kto.Tsa;
using Microsoft.AspNetCore.Builder;

namespace Kto.Functions.Tests.Support;

/// <summary>The timestamp authority <c>./kto up</c> runs (tools/Kto.Tsa), with a certificate of its own, on a free port.</summary>
public sealed class TestTimestampAuthority : IAsyncDisposable
{
    public const string CommonName = "Testtijdstempeldienst";

    private readonly WebApplication app;

    private TestTimestampAuthority(WebApplication app, X509Certificate2 certificate, string url)
    {
        this.app = app;
        Certificate = certificate;
        Url = url;
    }

    public X509Certificate2 Certificate { get; }

    public string Url { get; }

    public static async Task<TestTimestampAuthority> StartAsync()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var certificate = TimestampAuthority.CreateCertificate(CommonName, DateTimeOffset.UtcNow);
        var app = TimestampAuthority.Build(url, certificate);
        await app.StartAsync();
        return new TestTimestampAuthority(app, certificate, url);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Certificate.Dispose();
    }
}
