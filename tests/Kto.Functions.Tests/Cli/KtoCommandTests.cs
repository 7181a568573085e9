using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kto.Functions.Tests.Reports;
using Kto.Functions.Tests.Support;

namespace Kto.Functions.Tests.Cli;

/// <summary>
/// ./kto's commands that talk to the API (tools/Kto.Cli) end to end against the local stack: the output shapes the
/// ./kto help and the README promise (receipt, progress and status JSON, the job line, report links, the signed
/// version's SHA-256), plain output without a terminal, and exit code 1 on every non-2xx.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class KtoCommandTests(LocalStack stack)
{
    [Fact]
    public async Task Company_add_prints_the_key_once_and_a_taken_id_exits_1_with_the_error_json()
    {
        var id = $"cli-{Guid.NewGuid():N}"[..16];
        var added = await KtoCli.RunAsync(stack, "company", "add", id, "Acme Re-integratie");
        Assert.Equal(0, added.Exit);
        var key = JsonDocument.Parse(added.Stdout).RootElement.GetProperty("key").GetString();
        Assert.StartsWith($"kto.{id}.", key);

        var again = await KtoCli.RunAsync(stack, "company", "add", id, "Acme Re-integratie");
        Assert.Equal(1, again.Exit);
        Assert.True(JsonDocument.Parse(again.Stdout).RootElement.TryGetProperty("error", out _), again.Stdout);
        Assert.DoesNotContain("kto.", again.Stdout);
    }

    [Fact]
    public async Task User_add_makes_a_portal_account_and_an_existing_address_or_a_missing_role_exits_1()
    {
        var (company, _) = await stack.NewCompanyAsync("cli");
        var email = $"anna-{Guid.NewGuid():N}@acme.test";
        var added = await KtoCli.RunAsync(stack, "user", "add", email, "--company", company);
        Assert.Equal(0, added.Exit);
        var user = JsonDocument.Parse(added.Stdout).RootElement;
        Assert.Equal(email, user.GetProperty("email").GetString());
        Assert.Equal(company, user.GetProperty("company").GetString());

        // The same add again answers what the first did; another account under the address is refused.
        Assert.Equal(0, (await KtoCli.RunAsync(stack, "user", "add", email, "--company", company)).Exit);
        var again = await KtoCli.RunAsync(stack, "user", "add", email, "--bureau");
        Assert.Equal(1, again.Exit);
        Assert.Equal("user-exists", JsonDocument.Parse(again.Stdout).RootElement.GetProperty("error").GetString());

        foreach (var wrong in new[] { new[] { "user", "add", email }, new[] { "user", "add", email, "--bureau", "--company", company } })
        {
            var usage = await KtoCli.RunAsync(stack, wrong);
            Assert.Equal(1, usage.Exit);
            Assert.Contains("kto: usage: ./kto user add EMAIL --bureau | --company ID", usage.Stderr);
            Assert.Equal("", usage.Stdout);
        }
    }

    [Fact]
    public async Task Deliver_prints_the_receipt_and_a_second_upload_of_the_name_exits_1()
    {
        var (company, key) = await stack.NewCompanyAsync("cli");
        var file = TestTemp.File($"export-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(file, Exports.Csv(Exports.Row("k1"), Exports.Row("k2", perceel: "Werkfit maken"), Exports.Row("k3", perceel: "onbekend")));
        try
        {
            // As the company, with its own key (KTO_KEY).
            var delivered = await KtoCli.RunAsync(stack.BaseUrl, key, "deliver", file, "--company", company);
            Assert.Equal(0, delivered.Exit);
            var receipt = JsonDocument.Parse(delivered.Stdout).RootElement;
            Assert.Equal(Path.GetFileName(file), receipt.GetProperty("file").GetString());
            Assert.Equal(2, receipt.GetProperty("accepted").GetInt32());
            Assert.Equal("unknown-perceel", receipt.GetProperty("rejected")[0].GetProperty("code").GetString());

            var twice = await KtoCli.RunAsync(stack.BaseUrl, key, "deliver", file, "--company", company);
            Assert.Equal(1, twice.Exit);
            Assert.Equal("", twice.Stdout);
            Assert.Contains("\"error\"", twice.Stderr);
        }
        finally
        {
            File.Delete(file);
        }

        var missing = await KtoCli.RunAsync(stack, "deliver", file, "--company", company);
        Assert.Equal(1, missing.Exit);
        Assert.Contains($"kto: no such file: {file}", missing.Stderr);
    }

    [Fact]
    public async Task Progress_prints_every_perceel_and_another_companys_key_exits_1()
    {
        var (company, _) = await stack.NewCompanyAsync("cli");
        var (_, otherKey) = await stack.NewCompanyAsync("cli");
        await stack.DeliverAsync(company, "levering.csv", Exports.Csv(Exports.Row("k1"), Exports.Row("k2")));

        var progress = await KtoCli.RunAsync(stack, "progress", company, "--year", "2026");
        Assert.Equal(0, progress.Exit);
        Assert.Contains("Naar werk", progress.Stdout);
        Assert.Contains("\"ended\":2", progress.Stdout.Replace(" ", ""));

        var forbidden = await KtoCli.RunAsync(stack.BaseUrl, otherKey, "progress", company);
        Assert.Equal(1, forbidden.Exit);
        Assert.Contains("\"error\"", forbidden.Stdout);
    }

    [Fact]
    public async Task Job_follows_a_mail_run_with_a_plain_progress_line_then_prints_its_status_json()
    {
        var (company, _) = await stack.NewCompanyAsync("cli");
        await stack.DeliverAsync(company, "levering.csv", Exports.Csv(Exports.Row("k1", einddatum: "15-10-2026", email: $"k1@{company}.test")));

        var job = await KtoCli.RunAsync(stack, "job", "send-invitations", "--at", ReportStack.Tuesday.ToString("O"));
        Assert.Equal(0, job.Exit);
        var status = JsonDocument.Parse(job.Stdout).RootElement;
        Assert.Equal("completed", status.GetProperty("status").GetString());
        var sent = status.GetProperty("sent").GetInt32();
        Assert.True(sent >= 1, job.Stdout);
        // Without a terminal: whole lines, no carriage return or escape codes; the last one is the finished run.
        Assert.DoesNotContain('\r', job.Stderr);
        Assert.DoesNotContain('\u001b', job.Stderr);
        var last = job.Stderr.TrimEnd('\n').Split('\n')[^1];
        Assert.StartsWith($"send-invitations: {sent} sent, ", last);
        Assert.Contains("; stopped: ", last);

        var purge = await KtoCli.RunAsync(stack, "job", "purge-expired");
        Assert.Equal(0, purge.Exit);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(purge.Stdout).RootElement.ValueKind);

        var unknown = await KtoCli.RunAsync(stack, "job", "send-everything");
        Assert.Equal(1, unknown.Exit);
    }

    [Fact]
    public async Task Offline_prints_the_csv_and_a_bad_attempt_exits_1()
    {
        var (company, _) = await stack.NewCompanyAsync("cli");
        await stack.DeliverAsync(company, "levering.csv", Exports.Csv(Exports.Row("k1", email: "")));

        var offline = await KtoCli.RunAsync(stack, "offline", company, "--year", "2026");
        Assert.Equal(0, offline.Exit);
        var lines = offline.Stdout.TrimEnd('\n', '\r').Split('\n');
        Assert.Equal(2, lines.Length); // header and the one client without e-mail
        Assert.Contains("k1", lines[1]);

        var attempt = await KtoCli.RunAsync(stack, "attempt", company, "--year", "2026", "--service", "geen-dienst", "--mode", "fax", "--outcome", "sent");
        Assert.Equal(1, attempt.Exit);
        Assert.Contains("\"error\"", attempt.Stdout);
    }

    [Fact]
    public async Task Report_prints_the_draft_links_and_sign_prints_the_sha256_of_the_signed_pdf()
    {
        var (company, _) = await ReportStack.HandComputedCompanyAsync(stack);

        var report = await KtoCli.RunAsync(stack, "report", "2026", "--company", company);
        Assert.Equal(0, report.Exit);
        Assert.Equal(
            $"{company}:\n" + string.Concat(new[] { "pdf", "xlsx", "json" }.Select(kind =>
                $"  {kind}: {stack.BaseUrl}/api/reports/2026/{company}/report.{kind}?version=draft\n")),
            report.Stdout);
        using (var client = stack.Bureau())
            Assert.True((await client.GetAsync($"{stack.BaseUrl}/api/reports/2026/{company}/report.pdf?version=draft")).IsSuccessStatusCode);

        var stale = await KtoCli.RunAsync(stack, "sign", "2026", "--company", company, "--signer", "Dr. J. de Wit", "--conclusion", "Goed.", "--draft", new string('0', 64));
        Assert.Equal(1, stale.Exit);
        Assert.Contains("draft-replaced", stale.Stdout);

        // Without a conclusion (left out or blank): exit 1 with a clear message, nothing signed.
        foreach (string[] args in new[] { Array.Empty<string>(), ["--conclusion", "  "] })
        {
            var empty = await KtoCli.RunAsync(stack, ["sign", "2026", "--company", company, "--signer", "Dr. J. de Wit", .. args]);
            Assert.Equal(1, empty.Exit);
            Assert.Contains("a signed report needs the bureau's conclusion", empty.Stderr);
        }
        using (var client = stack.Bureau())
            Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/reports/2026/{company}")).GetProperty("versions").GetArrayLength());

        var signed = await KtoCli.RunAsync(stack, "sign", "2026", "--company", company, "--signer", "Dr. J. de Wit", "--conclusion", "Goed.");
        Assert.Equal(0, signed.Exit);
        Assert.Contains("kto: signing draft ", signed.Stderr);
        var version = JsonDocument.Parse(signed.Stdout).RootElement;
        Assert.Equal(1, version.GetProperty("version").GetInt32());
        var sha256 = version.GetProperty("sha256").GetString()!;
        using var bureau = stack.Bureau();
        var pdf = await bureau.GetByteArrayAsync($"/api/reports/2026/{company}/report.pdf?version=1");
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), sha256);
    }

    [Fact]
    public async Task Usage_errors_and_a_stack_that_does_not_answer_exit_1()
    {
        var badYear = await KtoCli.RunAsync(stack, "report", "26");
        Assert.Equal(1, badYear.Exit);
        Assert.Contains("kto: usage: ./kto report YEAR", badYear.Stderr);

        var noCompany = await KtoCli.RunAsync(stack, "deliver", "export.csv");
        Assert.Equal(1, noCompany.Exit);
        Assert.Contains("--company", noCompany.Stderr);

        var nobody = $"http://127.0.0.1:{FreePort.Next()}";
        var down = await KtoCli.RunAsync(nobody, stack.BureauKey, "progress", "acme");
        Assert.Equal(1, down.Exit);
        Assert.Equal($"kto: no stack answers at {nobody}/api: start it with ./kto up\n", down.Stderr);
    }

    [Fact]
    public async Task The_kto_script_runs_these_commands_with_its_port_and_key_from_the_environment()
    {
        var port = new Uri(stack.BaseUrl).Port.ToString();
        var data = TestTemp.Folder("kto-data-");
        try
        {
            var id = $"cli-{Guid.NewGuid():N}"[..16];
            var added = await KtoCli.RunScriptAsync(new Dictionary<string, string> { ["KTO_PORT"] = port, ["KTO_DATA"] = data, ["KTO_BUREAU_KEY"] = stack.BureauKey },
                "company", "add", id, "Script Re-integratie");
            Assert.Equal(0, added.Exit);
            var key = JsonDocument.Parse(added.Stdout).RootElement.GetProperty("key").GetString()!;
            var user = await KtoCli.RunScriptAsync(new Dictionary<string, string> { ["KTO_PORT"] = port, ["KTO_DATA"] = data, ["KTO_BUREAU_KEY"] = stack.BureauKey },
                "user", "add", $"piet-{id}@bureau.test", "--bureau", "--name", "Piet de Vries");
            Assert.Equal(0, user.Exit);
            Assert.Equal(("bureau", "Piet de Vries"), (JsonDocument.Parse(user.Stdout).RootElement.GetProperty("role").GetString(),
                JsonDocument.Parse(user.Stdout).RootElement.GetProperty("name").GetString()));

            // KTO_KEY (the company's own key) wins over the bureau key: its own progress yes, a bureau route no.
            var asCompany = new Dictionary<string, string> { ["KTO_PORT"] = port, ["KTO_DATA"] = data, ["KTO_KEY"] = key, ["KTO_BUREAU_KEY"] = stack.BureauKey };
            Assert.Equal(0, (await KtoCli.RunScriptAsync(asCompany, "progress", id)).Exit);
            var job = await KtoCli.RunScriptAsync(asCompany, "job", "purge-expired");
            Assert.Equal(1, job.Exit);
            Assert.Contains("\"error\"", job.Stdout);

            // Without KTO_KEY or KTO_BUREAU_KEY the script makes a local bureau key in KTO_DATA, which this stack refuses.
            var unknownKey = await KtoCli.RunScriptAsync(new Dictionary<string, string> { ["KTO_PORT"] = port, ["KTO_DATA"] = data }, "progress", id);
            Assert.Equal(1, unknownKey.Exit);
            Assert.True(File.Exists(Path.Combine(data, "bureau.key")));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
