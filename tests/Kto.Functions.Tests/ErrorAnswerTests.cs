using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kto.Core.Companies;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kto.Functions.Tests;

/// <summary>
/// Issue 11, "no secrets in errors": an unhandled error answers the API's <c>{ error, message }</c>, in every
/// environment, without a stack trace or a request header; the local host never runs as Development.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class ErrorAnswerTests(LocalStack stack)
{
    private const string Secret = "geheim-uit-de-opslag";

    [Fact]
    public async Task A_crash_answers_error_and_message_without_stack_trace_or_the_bureau_key_even_when_asked_for_development()
    {
        var logs = new CapturedLogs();
        await using var host = await ExtraHost.StartAsync(stack, new Dictionary<string, string?>(), ["--environment", "Development"],
            services => services.Replace(ServiceDescriptor.Singleton<ICompanyStore>(new CrashingCompanyStore())), logs);

        var response = await host.Client(stack.BureauKey).PostAsJsonAsync("/api/companies", new { id = "kapot", name = "Kapot" });
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal("internal-error", body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
        Assert.Equal(2, body.EnumerateObject().Count());
        Assert.DoesNotContain(stack.BureauKey, text);
        Assert.DoesNotContain(Secret, text);
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(Secret) || l.Contains(stack.BureauKey));
        Assert.Contains(logs.Lines, l => l.Contains(nameof(InvalidOperationException)));
        Assert.Equal(Kto.Local.LocalApp.EnvironmentName, host.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>().EnvironmentName);
    }

    [Fact]
    public async Task A_body_over_kestrels_limit_on_a_json_route_is_413_in_the_api_shape()
    {
        var big = new string('x', (int)LocalStack.MaxFileBytes + 2 * 1024 * 1024);
        var response = await stack.Bureau().SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/companies")
        {
            Content = new StringContent($"{{\"id\":\"groot\",\"name\":\"{big}\"}}", System.Text.Encoding.UTF8, "application/json"),
            Headers = { ExpectContinue = true },
        });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("request-too-large", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_unknown_route_answers_not_found_in_the_api_shape()
    {
        var response = await stack.Client().GetAsync("/api/bestaat-niet");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not-found", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    /// <summary>Fault injection: storage that fails with a message a careless handler would show.</summary>
    private sealed class CrashingCompanyStore : ICompanyStore
    {
        private static Exception Crash() => new InvalidOperationException($"Opslag onbereikbaar: {Secret}");
        public Task<Company?> GetAsync(string id, CancellationToken cancellationToken) => throw Crash();
        public Task<bool> TryAddAsync(Company company, string keyHash, CancellationToken cancellationToken) => throw Crash();
        public Task<string?> GetKeyHashAsync(string id, CancellationToken cancellationToken) => throw Crash();
        public Task<IReadOnlyList<Company>> ListAsync(CancellationToken cancellationToken) => throw Crash();
    }
}
