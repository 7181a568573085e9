using System.Net.Http.Headers;
using System.Text.Json;
using Kto.Client;
using Kto.Core.Access;
using Kto.Core.Deliveries;
using Kto.Infrastructure.Storage;
using Kto.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Support;

/// <summary>
/// The local host (the real function classes) on a free port against a real Azurite, shared by a test collection.
/// Tests isolate themselves by using their own company ids.
/// </summary>
public sealed class LocalStack : IAsyncLifetime
{
    private AzuriteServer? azurite;
    private bool ownsAzurite = true;
    /// <summary>Faults injected in front of the real delivery store (per company; none unless a test sets one).</summary>
    public DeliveryFaults Faults { get; } = new();
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

    /// <summary>A stack on an Azurite that outlives it: stop it and start another to act out a restart of the host.</summary>
    public static async Task<LocalStack> StartOnAsync(AzuriteServer shared, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var stack = new LocalStack { azurite = shared, ownsAzurite = false, Overrides = overrides ?? new Dictionary<string, string?>() };
        await stack.InitializeAsync();
        return stack;
    }

    public async Task InitializeAsync()
    {
        azurite ??= await AzuriteServer.StartAsync();
        var port = FreePort.Next();
        BaseUrl = $"http://127.0.0.1:{port}";
        app = LocalApp.Build([], config => config.AddInMemoryCollection(Settings(BaseUrl)), logging => CapturedLogs.AddTo(logging, Logs), services =>
        {
            services.AddSingleton(Faults);
            services.AddSingleton<IDeliveryStore>(sp => new FaultInjectingDeliveryStore(
                ActivatorUtilities.CreateInstance<TableDeliveryStore>(sp), sp.GetRequiredService<DeliveryFaults>()));
        });
        await app.StartAsync();
    }

    /// <summary>Settings over the ones below (e.g. the keys of a restored stack, Backup/); set before the stack starts.</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    /// <summary>The configuration this stack runs with, for a host of its own at <paramref name="baseUrl"/> (see <see cref="ExtraHost"/>).</summary>
    public Dictionary<string, string?> Settings(string baseUrl)
    {
        var settings = DefaultSettings(baseUrl);
        foreach (var (key, value) in Overrides) settings[key] = value;
        return settings;
    }

    private Dictionary<string, string?> DefaultSettings(string baseUrl) => new()
    {
        ["AzureWebJobsStorage"] = azurite!.ConnectionString,
        ["Kto:BureauKeyHash"] = SecretKeys.Hash(BureauKey),
        ["Kto:PublicBaseUrl"] = baseUrl,
        ["Kto:Delivery:MaxFileBytes"] = MaxFileBytes.ToString(),
        ["Kto:Mail:Host"] = "127.0.0.1",
        ["Kto:Mail:Port"] = Smtp.Port.ToString(),
        ["Kto:Mail:Security"] = "None",
        ["Kto:Mail:MaxPerMinute"] = "10000",
        ["Kto:Mail:MaxPerHour"] = "100000",
        ["Kto:Bureau:Name"] = "Testbureau Onderzoek",
        ["Kto:Bureau:QuestionsEmail"] = "vragen@testbureau.example",
        ["Kto:Bureau:Phone"] = "020 765 43 21",
        ["Kto:Bureau:PostalAddress"] = "Postbus 4321, 1000 AB Amsterdam",
        ["Kto:Bureau:ReturnAddress"] = "Antwoordnummer 54321, 1000 VB Amsterdam",
        // Calling hours all day, every day: calling tests do not depend on the clock (InterviewPagesTests shows closed hours on a host of its own).
        ["Kto:Fieldwork:CallFromHour"] = "0",
        ["Kto:Fieldwork:CallUntilHour"] = "24",
        ["Kto:Fieldwork:NoCallsOnSunday"] = "false",
        // Two letters per background step: a batch of three or more is drawn in parts and merged, as a large one is.
        ["Kto:Fieldwork:LettersPerStep"] = "2",
        ["Kto:Signing:Source"] = "File",
        ["Kto:Signing:CertificatePath"] = SigningCertificatePath,
        ["Kto:Signing:CertificatePassword"] = TestSigningCertificate.Password,
        // Every test posts the sign-in form from 127.0.0.1: the per-source limit is shown on hosts of their own (Doors/).
        ["Kto:Portal:SignInRequestsPerSourcePerMinute"] = "100000",
        // Tests read the overview's figures on its first view: let it wait for their count even on a loaded machine
        // (the "still counting" page has tests of its own).
        ["Kto:Portal:OverviewFirstViewWait"] = "00:01:00",
        ["Local:BlobPollInterval"] = "00:00:00.200",
        ["Local:RunTimers"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
        ["urls"] = baseUrl,
    };

    public async Task DisposeAsync()
    {
        if (app is not null) { await app.StopAsync(); await app.DisposeAsync(); }
        if (azurite is not null && ownsAzurite) await azurite.DisposeAsync();
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

    /// <summary>The typed API client (the one ./kto and the benchmarks use) with the bureau key, or <paramref name="key"/>.</summary>
    public KtoApiClient Api(string? key = null) => new(new Uri(BaseUrl), key ?? BureauKey, TimeSpan.FromSeconds(60));

    /// <summary>Registers a company with a unique id (named "Test Re-integratie {id}" and <paramref name="nameSuffix"/>) and returns its id and key.</summary>
    public async Task<(string Id, string Key)> NewCompanyAsync(string prefix = "c", string nameSuffix = "")
    {
        var id = $"{prefix}-{Guid.NewGuid():N}"[..20];
        using var api = Api();
        var response = (await api.AddCompanyAsync(id, "Test Re-integratie " + id + nameSuffix)).EnsureSuccess("POST /api/companies");
        return (id, response.Json().GetProperty("key").GetString()!);
    }

    /// <summary>Uploads a file as a company would and waits for its receipt (the blob watcher runs the trigger).</summary>
    public async Task<JsonElement> DeliverAsync(string company, string fileName, byte[] content, string? key = null, TimeSpan? timeout = null)
    {
        using var api = Api(key);
        var upload = await api.UploadDeliveryAsync(company, fileName, content);
        if (upload.Status == 413) return upload.Json();
        Assert.Equal(202, upload.Status);
        return (await api.WaitForReceiptAsync(company, fileName, timeout ?? TimeSpan.FromSeconds(120))).Json();
    }

    /// <summary>Uploads a file without waiting for its receipt.</summary>
    public async Task UploadAsync(string company, string fileName, byte[] content)
    {
        using var api = Api();
        Assert.Equal(202, (await api.UploadDeliveryAsync(company, fileName, content)).Status);
    }

    /// <summary>
    /// Runs a timer job now through the bureau's route, acting as if it were <paramref name="at"/>, and waits for its
    /// end: a mail job answers 202 with a status location, which is followed until the run has finished.
    /// </summary>
    public async Task<JsonElement> RunJobAsync(string job, DateTimeOffset at)
    {
        using var api = Api();
        var response = await api.StartJobAsync(job, at.ToString("O"));
        if (job == "purge-expired")
        {
            Assert.Equal(200, response.Status);
            return response.Json();
        }
        Assert.Equal(202, response.Status);
        Assert.Equal(response.JsonString("statusUrl"), response.Location);
        return await WaitForJobRunAsync(response.JsonString("statusUrl")!);
    }

    /// <summary>Follows a job run's status location until the run has finished; returns its last status.</summary>
    public async Task<JsonElement> WaitForJobRunAsync(string statusUrl, TimeSpan? timeout = null)
    {
        using var api = Api();
        return (await api.WaitForJobRunAsync(statusUrl, timeout ?? TimeSpan.FromSeconds(120))).Json();
    }

    public async Task<JsonElement> WaitForReceiptAsync(string company, string fileName, TimeSpan? timeout = null)
    {
        using var api = Api();
        return (await api.WaitForReceiptAsync(company, fileName, timeout ?? TimeSpan.FromSeconds(120))).Json();
    }
}

[CollectionDefinition(Name)]
public sealed class LocalStackCollection : ICollectionFixture<LocalStack>
{
    public const string Name = "local stack";
}
