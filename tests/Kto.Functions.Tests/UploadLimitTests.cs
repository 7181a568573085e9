using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kto.Functions.Tests.Support;

namespace Kto.Functions.Tests;

/// <summary>
/// Issue 11, item 13: upload limits that hold. Kestrel lets every file up to <c>MaxFileBytes</c> through; over it the
/// answer is 413 with a <c>file-too-large</c> receipt, never a 500 or a bare 413; <c>./kto deliver</c> fails on it.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class UploadLimitTests(LocalStack stack)
{
    [Fact]
    public async Task A_35_MB_export_under_the_default_50_MiB_limit_is_accepted()
    {
        // The default limit (50 MiB), as ./kto up runs; Kestrel's own default (about 28.6 MiB) refused this before.
        // A storage of its own: the shared host (limit 2 MiB) must not be the one that ingests this file.
        await using var azurite = await AzuriteServer.StartAsync();
        await using var host = await ExtraHost.StartAsync(stack, new Dictionary<string, string?>
        {
            ["Kto:Delivery:MaxFileBytes"] = "52428800",
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Local:BlobPollInterval"] = "00:00:00.200",
        });
        var bureau = host.Client(stack.BureauKey);
        Assert.Equal(HttpStatusCode.Created, (await bureau.PostAsJsonAsync("/api/companies", new { id = "groot", name = "Groot" })).StatusCode);
        var content = new byte[35 * 1000 * 1000];
        "%PDF-1.4\n"u8.CopyTo(content); // cheap for the ingest to refuse afterwards; the limit is what is tested here

        var response = await bureau.PostAsync("/api/deliveries/groot?name=groot.csv", new ByteArrayContent(content));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var receipt = await WaitForReceiptAsync(bureau, "/api/deliveries/groot/groot.csv/receipt");
        Assert.Equal("unsupported-format", receipt.GetProperty("refusal").GetProperty("code").GetString());
    }

    private static async Task<JsonElement> WaitForReceiptAsync(HttpClient client, string path)
    {
        for (var until = DateTime.UtcNow.AddSeconds(120); DateTime.UtcNow < until; await Task.Delay(200))
        {
            var response = await client.GetAsync(path);
            if (response.IsSuccessStatusCode) return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
        throw new TimeoutException(path);
    }

    [Fact]
    public async Task Over_the_limit_with_or_without_a_content_length_is_413_with_a_receipt()
    {
        var (company, _) = await stack.NewCompanyAsync();
        var client = stack.Bureau();
        // Declared: far over Kestrel's limit too (MaxFileBytes + 1 MiB); refused before a byte is read, and with
        // Expect: 100-continue (as curl sends it) the client never sends the body. Streamed: read up to the limit.
        var declared = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/deliveries/{company}?name=gemeld.csv")
        {
            Content = new ByteArrayContent(new byte[LocalStack.MaxFileBytes + 8 * 1024 * 1024]),
            Headers = { ExpectContinue = true },
        });
        var chunked = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/deliveries/{company}?name=gestreamd.csv")
        {
            Content = new StreamContent(new MemoryStream(new byte[LocalStack.MaxFileBytes + 512 * 1024])),
            Headers = { TransferEncodingChunked = true },
        });

        foreach (var response in new[] { declared, chunked })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("file-too-large", receipt.GetProperty("refusal").GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Kto_deliver_exits_non_zero_on_a_413_and_prints_the_receipt()
    {
        var (company, _) = await stack.NewCompanyAsync();
        var file = TestTemp.File($"te-groot-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(file, new byte[LocalStack.MaxFileBytes + 1024]);
        try
        {
            var (exit, output) = await RunKtoAsync("deliver", file, "--company", company);
            Assert.NotEqual(0, exit);
            Assert.Contains("file-too-large", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<(int Exit, string Output)> RunKtoAsync(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "kto"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["KTO_PORT"] = new Uri(stack.BaseUrl).Port.ToString();
        start.Environment["KTO_BUREAU_KEY"] = stack.BureauKey;
        start.Environment["KTO_CLI_DLL"] = Cli.KtoCli.Dll;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
