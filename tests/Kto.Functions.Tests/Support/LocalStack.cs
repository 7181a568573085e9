using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kto.Core.Access;
using Kto.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Kto.Functions.Tests.Support;

/// <summary>
/// The local host (the real function classes) on a free port against a real Azurite, shared by a test collection.
/// Tests isolate themselves by using their own company ids.
/// </summary>
public sealed class LocalStack : IAsyncLifetime
{
    private AzuriteServer? azurite;
    public TestSmtpServer Smtp { get; } = new();
    public CapturedLogs Logs { get; } = new();
    private WebApplication? app;

    public string BureauKey { get; } = SecretKeys.Create();
    /// <summary>The bureau's signing certificate (a self-signed PFX) the stack signs reports with.</summary>
    public string SigningCertificatePath { get; } = TestSigningCertificate.WritePfx();
    public string BaseUrl { get; private set; } = "";
    public string StorageConnectionString => azurite!.ConnectionString;
    public IServiceProvider Services => app!.Services;

    /// <summary>Size limit for deliveries in these tests: small, so "too large" is cheap to produce.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteServer.StartAsync();
        var port = FreePort.Next();
        BaseUrl = $"http://127.0.0.1:{port}";
        app = LocalApp.Build([], config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Kto:BureauKeyHash"] = SecretKeys.Hash(BureauKey),
            ["Kto:PublicBaseUrl"] = BaseUrl,
            ["Kto:Delivery:MaxFileBytes"] = MaxFileBytes.ToString(),
            ["Kto:Mail:Host"] = "127.0.0.1",
            ["Kto:Mail:Port"] = Smtp.Port.ToString(),
            ["Kto:Mail:Security"] = "None",
            ["Kto:Mail:MaxPerMinute"] = "10000",
            ["Kto:Mail:MaxPerHour"] = "100000",
            ["Kto:Bureau:Name"] = "Testbureau Onderzoek",
            ["Kto:Signing:Source"] = "File",
            ["Kto:Signing:CertificatePath"] = SigningCertificatePath,
            ["Kto:Signing:CertificatePassword"] = TestSigningCertificate.Password,
            ["Local:BlobPollInterval"] = "00:00:00.200",
            ["Local:RunTimers"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["urls"] = BaseUrl,
        }), logging => CapturedLogs.AddTo(logging, Logs));
        await app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (app is not null) { await app.StopAsync(); await app.DisposeAsync(); }
        if (azurite is not null) await azurite.DisposeAsync();
        await Smtp.DisposeAsync();
        File.Delete(SigningCertificatePath);
    }

    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public HttpClient Bureau() => Client(BureauKey);

    /// <summary>Registers a company with a unique id and returns its id and key.</summary>
    public async Task<(string Id, string Key)> NewCompanyAsync(string prefix = "c")
    {
        var id = $"{prefix}-{Guid.NewGuid():N}"[..20];
        var response = await Bureau().PostAsJsonAsync("/api/companies", new { id, name = "Test Re-integratie " + id });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (id, body.GetProperty("key").GetString()!);
    }

    /// <summary>Uploads a file as a company would and waits for its receipt (the blob watcher runs the trigger).</summary>
    public async Task<JsonElement> DeliverAsync(string company, string fileName, byte[] content, string? key = null)
    {
        var client = Client(key ?? BureauKey);
        var upload = await client.PostAsync($"/api/deliveries/{company}?name={Uri.EscapeDataString(fileName)}", new ByteArrayContent(content));
        if ((int)upload.StatusCode == 413) return await upload.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(System.Net.HttpStatusCode.Accepted, upload.StatusCode);
        return await WaitForReceiptAsync(company, fileName, client);
    }

    /// <summary>Runs a timer job now through the bureau's route, acting as if it were <paramref name="at"/>.</summary>
    public async Task<JsonElement> RunJobAsync(string job, DateTimeOffset at)
    {
        var response = await Bureau().PostAsync($"/api/jobs/{job}?at={Uri.EscapeDataString(at.ToString("O"))}", null);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> WaitForReceiptAsync(string company, string fileName, HttpClient? client = null)
    {
        client ??= Bureau();
        var until = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < until)
        {
            var response = await client.GetAsync($"/api/deliveries/{company}/{Uri.EscapeDataString(fileName)}/receipt");
            if (response.IsSuccessStatusCode) return await response.Content.ReadFromJsonAsync<JsonElement>();
            await Task.Delay(200);
        }
        throw new TimeoutException($"No receipt for {fileName}");
    }
}

[CollectionDefinition(Name)]
public sealed class LocalStackCollection : ICollectionFixture<LocalStack>
{
    public const string Name = "local stack";
}
