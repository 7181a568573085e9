using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kto.Client;

/// <summary>
/// The KTO HTTP API as typed calls, one method per route (README, Contracts → HTTP). Answers come back as
/// <see cref="ApiResponse"/> whatever their status; the Wait* helpers follow a long-running piece of work to its end.
/// </summary>
public sealed class KtoApiClient : IDisposable
{
    private readonly HttpClient http;
    private readonly bool ownsHttp;

    /// <param name="baseUrl">The host, e.g. http://127.0.0.1:7071 (routes carry their own /api).</param>
    /// <param name="key">A bureau or company key, sent as <c>Authorization: Bearer</c>; null for anonymous calls.</param>
    public KtoApiClient(Uri baseUrl, string? key, TimeSpan? timeout = null)
        : this(new HttpClient { BaseAddress = baseUrl, Timeout = timeout ?? TimeSpan.FromMinutes(2) }, key, ownsHttp: true)
    {
    }

    /// <summary>On an HttpClient the caller owns (its BaseAddress is the host).</summary>
    public KtoApiClient(HttpClient http, string? key = null, bool ownsHttp = false)
    {
        this.http = http;
        this.ownsHttp = ownsHttp;
        if (key is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    }

    public Uri BaseUrl => http.BaseAddress!;

    /// <summary>Polling interval of the Wait* helpers.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    public async Task<bool> IsUpAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            return (await http.GetAsync("/api/health", cts.Token)).IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    // --- companies ---------------------------------------------------------------------------------------
    public Task<ApiResponse> AddCompanyAsync(string id, string name, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "/api/companies", JsonContent.Create(new { id, name }), cancellationToken);

    // --- portal accounts ---------------------------------------------------------------------------------
    /// <param name="role">"bureau" or "company" (then <paramref name="company"/> names it).</param>
    /// <param name="name">The person's display name (signature block of a signed report); null: the address.</param>
    public Task<ApiResponse> AddUserAsync(string email, string role, string? company, string? name = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "/api/users", JsonContent.Create(new { email, role, company, name }), cancellationToken);

    /// <summary>A sign-in link without a mail (not in production): what <c>./kto up</c> prints for the local bureau user.</summary>
    public Task<ApiResponse> CreateSignInLinkAsync(string email, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "/api/users/sign-in-link", JsonContent.Create(new { email }), cancellationToken);

    public Task<ApiResponse> GetProgressAsync(string company, int? year = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"/api/companies/{Segment(company)}/progress{YearQuery(year)}", null, cancellationToken);

    /// <summary>The response forecast per perceel with its ranked actions (issue 24).</summary>
    public Task<ApiResponse> GetForecastAsync(string company, int? year = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"/api/companies/{Segment(company)}/forecast{YearQuery(year)}", null, cancellationToken);

    public Task<ApiResponse> GetOfflineContactsAsync(string company, int? year = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"/api/companies/{Segment(company)}/offline-contacts{YearQuery(year)}", null, cancellationToken);

    public Task<ApiResponse> RecordAttemptAsync(string company, int year, string service, string mode, string outcome,
        CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"/api/companies/{Segment(company)}/attempts", JsonContent.Create(new { year, service, mode, outcome }),
            cancellationToken);

    // --- the population's history (bureau only) -------------------------------------------------------------
    /// <summary>GET /api/companies/{company}/services?year=Y[&amp;klantnummer=K]: services with their corrections.</summary>
    public Task<ApiResponse> ListServicesAsync(string company, int year, string? klantnummer = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"/api/companies/{Segment(company)}/services?year={year}" +
            (string.IsNullOrEmpty(klantnummer) ? "" : $"&klantnummer={Uri.EscapeDataString(klantnummer)}"), null, cancellationToken);

    public Task<ApiResponse> GetServiceAsync(string company, int year, string service, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"/api/companies/{Segment(company)}/services/{Segment(service)}?year={year}", null, cancellationToken);

    /// <summary>POST …/services/{service}/withdraw: reason wrong-company, wrong-perceel or not-ended.</summary>
    public Task<ApiResponse> WithdrawServiceAsync(string company, int year, string service, string reason, string? note = null,
        CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"/api/companies/{Segment(company)}/services/{Segment(service)}/withdraw",
            JsonContent.Create(new { year, reason, note }), cancellationToken);

    /// <summary>POST …/services/{service}/corrections: a new perceel and/or end date; reason delivery-error, client-statement or uwv-record.</summary>
    public Task<ApiResponse> CorrectServiceAsync(string company, int year, string service, string? perceel, string? einddatum, string reason,
        string? note = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"/api/companies/{Segment(company)}/services/{Segment(service)}/corrections",
            JsonContent.Create(new { year, perceel, einddatum, reason, note }), cancellationToken);
    /// <summary>A call with the finer phone outcomes: who called, and for <c>call-back</c> when to call again.</summary>
    public Task<ApiResponse> RecordCallAsync(string company, int year, string service, string outcome, string? interviewer = null,
        DateTimeOffset? callBackAt = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"/api/companies/{Segment(company)}/attempts",
            JsonContent.Create(new { year, service, mode = "phone", outcome, interviewer, callBackAt }), cancellationToken);

    public Task<ApiResponse> GetCallListAsync(string company, int? year = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"/api/companies/{Segment(company)}/call-list{YearQuery(year)}", null, cancellationToken);

    /// <summary>POST …/answers: a phone or paper answer; <paramref name="answers"/> is the JSON object question id → value.</summary>
    public Task<ApiResponse> EnterAnswersAsync(string company, int year, string service, string mode, JsonElement answers, string? interviewer = null,
        CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"/api/companies/{Segment(company)}/answers",
            JsonContent.Create(new { year, service, mode, answers, interviewer }), cancellationToken);
    // --- letters -----------------------------------------------------------------------------------------
    /// <summary>POST /api/companies/{company}/letter-batches[?year=]: 202 with the batch being made (id, status, statusUrl), or the one already being made.</summary>
    public Task<ApiResponse> MakeLetterBatchAsync(string company, int? year = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"/api/companies/{Segment(company)}/letter-batches{YearQuery(year)}", null, cancellationToken);

    public Task<ApiResponse> GetLetterBatchesAsync(string company, int? year = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"/api/companies/{Segment(company)}/letter-batches{YearQuery(year)}", null, cancellationToken);

    /// <summary>
    /// Follows a letter batch's status until it is made (<c>open</c>), found nothing due (<c>empty</c>) or <c>failed</c>;
    /// <paramref name="onStatus"/> sees every status read (its <c>done</c> of <c>total</c>).
    /// </summary>
    public Task<ApiResponse> WaitForLetterBatchAsync(string statusUrl, TimeSpan timeout, Action<ApiResponse>? onStatus = null,
        CancellationToken cancellationToken = default) =>
        FollowAsync(statusUrl, timeout, onStatus, status => status is not (null or "making"), "the letter batch", cancellationToken);

    /// <summary>Makes a letter batch and follows it to its end (5 minutes unless told): the batch's last status.</summary>
    public async Task<ApiResponse> MakeLetterBatchAndWaitAsync(string company, int? year = null, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var started = await MakeLetterBatchAsync(company, year, cancellationToken);
        if (started.JsonString("statusUrl") is not { } status) return started;
        return await WaitForLetterBatchAsync(status, timeout ?? TimeSpan.FromMinutes(5), cancellationToken: cancellationToken);
    }

    /// <summary>POST …/letter-batches/{batch}/posted: a letter attempt per client, once (a second call records none).</summary>
    public Task<ApiResponse> MarkLettersPostedAsync(string company, string batch, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"/api/companies/{Segment(company)}/letter-batches/{Segment(batch)}/posted", null, cancellationToken);

    /// <summary>A file the API serves (a batch's PDF): its status and bytes.</summary>
    public async Task<(int Status, byte[] Content)> DownloadAsync(string path, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    // --- deliveries --------------------------------------------------------------------------------------
    /// <summary>POST /api/deliveries/{company}?name=F with the file as the body (202; 413 carries a file-too-large receipt).</summary>
    public Task<ApiResponse> UploadDeliveryAsync(string company, string fileName, HttpContent content, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"/api/deliveries/{Segment(company)}?name={Uri.EscapeDataString(fileName)}", content, cancellationToken);

    public Task<ApiResponse> UploadDeliveryAsync(string company, string fileName, byte[] content, CancellationToken cancellationToken = default) =>
        UploadDeliveryAsync(company, fileName, new ByteArrayContent(content), cancellationToken);

    public Task<ApiResponse> GetReceiptAsync(string company, string fileName, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"/api/deliveries/{Segment(company)}/{Uri.EscapeDataString(fileName)}/receipt", null, cancellationToken);

    /// <summary>Polls the receipt until it is there (200); <see cref="TimeoutException"/> when it is not within <paramref name="timeout"/>.</summary>
    public async Task<ApiResponse> WaitForReceiptAsync(string company, string fileName, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var receipt = await GetReceiptAsync(company, fileName, cancellationToken);
            if (receipt.Status == 200) return receipt;
            if (DateTime.UtcNow >= until) throw new TimeoutException($"no receipt for {fileName} after {timeout.TotalSeconds:0} s");
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    // --- jobs --------------------------------------------------------------------------------------------
    /// <summary>POST /api/jobs/{job}[?at=]: a mail job answers 202 with <c>statusUrl</c>, purge-expired 200 with its counts.</summary>
    public Task<ApiResponse> StartJobAsync(string job, string? at = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"/api/jobs/{Segment(job)}" + (string.IsNullOrEmpty(at) ? "" : $"?at={Uri.EscapeDataString(at)}"), null,
            cancellationToken);

    public Task<ApiResponse> GetJobRunAsync(string statusUrl, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, statusUrl, null, cancellationToken);

    /// <summary>
    /// Follows a mail run's status location until it is <c>completed</c> or <c>failed</c>; <paramref name="onStatus"/>
    /// sees every status read on the way. <see cref="TimeoutException"/> when it has not finished within <paramref name="timeout"/>.
    /// </summary>
    public Task<ApiResponse> WaitForJobRunAsync(string statusUrl, TimeSpan timeout, Action<ApiResponse>? onStatus = null,
        CancellationToken cancellationToken = default) =>
        FollowAsync(statusUrl, timeout, onStatus, status => status is "completed" or "failed", "the job run", cancellationToken);

    // --- reports -----------------------------------------------------------------------------------------
    /// <summary>POST /api/reports/{year}[/{company}]: 202 with <c>statusUrl</c>, 409 (also with it) while that run is going.</summary>
    public Task<ApiResponse> StartReportAsync(int year, string? company = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"/api/reports/{year}" + (string.IsNullOrEmpty(company) ? "" : $"/{Segment(company)}"), null, cancellationToken);

    /// <summary>Follows a report run (Durable status: Completed, Failed, Terminated) to its end.</summary>
    public Task<ApiResponse> WaitForReportRunAsync(string statusUrl, TimeSpan timeout, Action<ApiResponse>? onStatus = null,
        CancellationToken cancellationToken = default) =>
        FollowAsync(statusUrl, timeout, onStatus, status => status is "Completed" or "Failed" or "Terminated", "the report run", cancellationToken);

    public Task<ApiResponse> GetReportsAsync(int year, string company, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"/api/reports/{year}/{Segment(company)}", null, cancellationToken);

    public Task<ApiResponse> SignReportAsync(int year, string company, string signer, string conclusion, string draft,
        CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"/api/reports/{year}/{Segment(company)}/sign", JsonContent.Create(new { signer, conclusion, draft }),
            cancellationToken);

    /// <summary>GET …/open-answers: the current draft's open answers (redacted) with their ids, and the hidden ones.</summary>
    public Task<ApiResponse> GetOpenAnswersAsync(int year, string company, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"/api/reports/{year}/{Segment(company)}/open-answers", null, cancellationToken);

    public Task<ApiResponse> HideOpenAnswerAsync(int year, string company, string answer, string hiddenBy, string reason,
        CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"/api/reports/{year}/{Segment(company)}/open-answers/{Segment(answer)}/hide",
            JsonContent.Create(new { hiddenBy, reason }), cancellationToken);

    /// <summary>GET …/exemption: the percelen that may ask for exemption, each with its letter's route.</summary>
    public Task<ApiResponse> GetExemptionChoicesAsync(int year, string company, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"/api/reports/{year}/{Segment(company)}/exemption", null, cancellationToken);

    public static string ExemptionLetterPath(int year, string company, string perceel) =>
        $"/api/reports/{year}/{Segment(company)}/exemption/{Segment(perceel)}";

    /// <summary>Drafts the Keurmerk report of a company and year from the figures of now (bureau key).</summary>
    public Task<ApiResponse> DraftKeurmerkAsync(int year, string company, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"/api/keurmerk/{year}/{Segment(company)}", null, cancellationToken);

    public Task<ApiResponse> GetKeurmerkAsync(int year, string company, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"/api/keurmerk/{year}/{Segment(company)}", null, cancellationToken);

    public Task<ApiResponse> SignKeurmerkAsync(int year, string company, string signer, string conclusion, string draft,
        CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"/api/keurmerk/{year}/{Segment(company)}/sign", JsonContent.Create(new { signer, conclusion, draft }),
            cancellationToken);

    // --- plumbing ----------------------------------------------------------------------------------------
    private async Task<ApiResponse> FollowAsync(string statusUrl, TimeSpan timeout, Action<ApiResponse>? onStatus, Func<string?, bool> finished,
        string what, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            ApiResponse? response = null;
            try
            {
                response = await GetJobRunAsync(statusUrl, cancellationToken);
            }
            catch (HttpRequestException)
            {
                // A status read that fails (host busy, a blip) is tried again until the deadline.
            }
            if (response is not null)
            {
                onStatus?.Invoke(response);
                if (response.IsSuccess && finished(response.JsonString("status"))) return response;
            }
            if (DateTime.UtcNow >= until) throw new TimeoutException($"{what} did not finish within {timeout.TotalSeconds:0} s");
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private async Task<ApiResponse> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new ApiResponse((int)response.StatusCode, body, response.Headers.Location?.OriginalString);
    }

    private static string Segment(string value) => Uri.EscapeDataString(value);

    private static string YearQuery(int? year) => year is null ? "" : $"?year={year}";

    public void Dispose()
    {
        if (ownsHttp) http.Dispose();
    }
}
