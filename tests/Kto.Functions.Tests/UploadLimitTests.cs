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
        await using var host = await ExtraHost.StartAsync(stack, new Dictionary<string, string?> { ["Kto:Delivery:MaxFileBytes"] = null });
        var (company, _) = await stack.NewCompanyAsync("groot");
        var content = new byte[35 * 1000 * 1000];
        "%PDF-1.4\n"u8.CopyTo(content); // cheap for the ingest to refuse afterwards; the limit is what is tested here

        var response = await host.Client(stack.BureauKey).PostAsync($"/api/deliveries/{company}?name=groot.csv", new ByteArrayContent(content));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var receipt = await stack.WaitForReceiptAsync(company, "groot.csv");
        Assert.NotEqual("file-too-large", receipt.GetProperty("refusal").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Over_the_limit_with_or_without_a_content_length_is_413_with_a_receipt()
    {
        var (company, _) = await stack.NewCompanyAsync();
        var client = stack.Bureau();
        var big = new byte[LocalStack.MaxFileBytes + 3 * 1024 * 1024]; // also over Kestrel's limit (MaxFileBytes + 1 MiB)

        var declared = await client.PostAsync($"/api/deliveries/{company}?name=gemeld.csv", new ByteArrayContent(big));
        var chunked = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/deliveries/{company}?name=gestreamd.csv")
        {
            Content = new StreamContent(new MemoryStream(big)),
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
        var file = Path.Combine(Path.GetTempPath(), $"te-groot-{Guid.NewGuid():N}.csv");
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
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
