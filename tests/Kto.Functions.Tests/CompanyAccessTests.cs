using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kto.Functions.Tests.Support;

namespace Kto.Functions.Tests;

[Collection(LocalStackCollection.Name)]
public sealed class CompanyAccessTests(LocalStack stack)
{
    [Fact]
    public async Task Health_answers_without_a_key()
    {
        var response = await stack.Client().GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Only_the_bureau_registers_companies()
    {
        var (_, companyKey) = await stack.NewCompanyAsync();
        var asCompany = await stack.Client(companyKey).PostAsJsonAsync("/api/companies", new { id = "sneaky", name = "X" });
        var anonymous = await stack.Client().PostAsJsonAsync("/api/companies", new { id = "sneaky", name = "X" });
        var wrongKey = await stack.Client("not-a-key").PostAsJsonAsync("/api/companies", new { id = "sneaky", name = "X" });
        // A valid key that is not the bureau's is 403; no or a wrong key is 401 (issue 11).
        Assert.Equal(HttpStatusCode.Forbidden, asCompany.StatusCode);
        Assert.Equal("forbidden", (await asCompany.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
    }

    [Fact]
    public async Task Registering_returns_a_key_once_and_refuses_a_taken_id()
    {
        var id = "dup-" + Guid.NewGuid().ToString("N")[..8];
        var first = await stack.Bureau().PostAsJsonAsync("/api/companies", new { id, name = "Eerste" });
        var second = await stack.Bureau().PostAsJsonAsync("/api/companies", new { id, name = "Tweede" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var key = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString();
        Assert.StartsWith($"kto.{id}.", key);
        Assert.True(key!.Length > 40, "the key carries at least 256 bits of randomness");
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.DoesNotContain(key, await second.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("A", "one character and upper case")]
    [InlineData("acme/../x", "path characters")]
    [InlineData("", "empty")]
    public async Task Invalid_company_ids_are_refused_with_a_clear_error(string id, string why)
    {
        var response = await stack.Bureau().PostAsJsonAsync("/api/companies", new { id, name = "X" });
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.Equal("invalid-id", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_not_a_crash()
    {
        var response = await stack.Bureau().PostAsync("/api/companies", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_company_key_opens_only_that_companys_routes()
    {
        var (own, ownKey) = await stack.NewCompanyAsync("own");
        var (other, _) = await stack.NewCompanyAsync("oth");
        var client = stack.Client(ownKey);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/companies/{own}/progress?year=2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/companies/{other}/progress?year=2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/deliveries/{other}?name=x.csv", new StringContent("a"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/deliveries/{other}/x.csv/receipt")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stack.Bureau().GetAsync($"/api/companies/{other}/progress?year=2026")).StatusCode);
    }

    [Fact]
    public async Task A_forged_key_with_a_real_company_prefix_is_refused()
    {
        var (id, key) = await stack.NewCompanyAsync();
        var forged = key[..^4] + "AAAA";
        var response = await stack.Client(forged).GetAsync($"/api/companies/{id}/progress");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
