using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kto.Client;
using Spectre.Console;

namespace Kto.Cli;

/// <summary>
/// The ./kto commands that talk to a running stack, on <see cref="KtoApiClient"/>. Output is what the bash script
/// printed: response bodies unchanged on stdout (receipt, progress, job status JSON, CSV), report links, messages on
/// stderr as "kto: …"; exit 1 on any non-2xx. With <c>interactive</c> (stderr is a terminal) an upload shows a bar,
/// a report run a spinner and a mail run its line rewritten in place; without it (CI) stderr stays plain lines.
/// </summary>
public sealed partial class KtoCommands
{
    private readonly CliSettings settings;
    private readonly TextWriter stdout;
    private readonly TextWriter stderr;
    private readonly bool interactive;
    private readonly KtoApiClient api;

    private KtoCommands(CliSettings settings, TextWriter stdout, TextWriter stderr, bool interactive)
    {
        this.settings = settings;
        this.stdout = stdout;
        this.stderr = stderr;
        this.interactive = interactive;
        // Uploads of large exports may take minutes; every other call answers in seconds.
        api = new KtoApiClient(settings.BaseUrl, settings.Key is { Length: > 0 } key ? key : null, TimeSpan.FromMinutes(10)) { PollInterval = TimeSpan.FromSeconds(1) };
    }

    public static async Task<int> RunAsync(string[] args, CliSettings settings, TextWriter stdout, TextWriter stderr, bool interactive = false)
    {
        var commands = new KtoCommands(settings, stdout, stderr, interactive);
        var parsed = commands.Build().Parse(args);
        if (parsed.Errors.Count == 0) return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        // A usage error: the parser's messages and the command's usage line on stderr (stdout stays for results), exit 1.
        foreach (var error in parsed.Errors) await stderr.WriteLineAsync("kto: " + error.Message);
        var command = parsed.CommandResult.Command;
        var name = command.Parents.OfType<Command>().Any(p => p is not RootCommand) ? command.Parents.OfType<Command>().First().Name : command.Name;
        await stderr.WriteLineAsync(Usage.TryGetValue(name, out var usage) ? "kto: usage: ./kto " + usage : "kto: ./kto help lists the commands");
        return 1;
    }

    /// <summary>The usage lines of ./kto help, for the answer to a usage error.</summary>
    private static readonly Dictionary<string, string> Usage = new()
    {
        ["company"] = "company add ID \"NAME\"",
        ["add"] = "company add ID \"NAME\"",
        ["user"] = "user add EMAIL --bureau | --company ID [--name \"NAME\"]",
        ["deliver"] = "deliver FILE --company ID",
        ["progress"] = "progress ID [--year Y]",
        ["forecast"] = "forecast ID [--year Y]",
        ["job"] = "job send-invitations|send-reminders|purge-expired|send-digest|send-delivery-reminders [--at TIME]",
        ["offline"] = "offline ID [--year Y]",
        ["withdraw"] = "withdraw ID --year Y --service S --reason wrong-company|wrong-perceel|not-ended [--note TEXT]",
        ["correct"] = "correct ID --year Y --service S [--perceel P] [--einddatum yyyy-mm-dd] --reason delivery-error|client-statement|uwv-record [--note TEXT]",
        ["services"] = "services ID --year Y [--klantnummer K]",
        ["attempt"] = "attempt ID --year Y --service S --mode letter|phone --outcome sent|reached|no-answer|voicemail|refused|wrong-number|failed",
        ["answer"] = "answer ID --year Y --service S --mode phone|paper --answers FILE.json",
        ["letters"] = "letters ID [--year Y] --out FILE.pdf | letters ID --posted BATCH",
        ["report"] = "report YEAR [--company ID]",
        ["sign"] = "sign YEAR --company ID --signer \"NAME\" --conclusion \"TEXT\" [--draft ID]",
        ["open-answers"] = "open-answers ID --year Y | open-answers hide ID --year Y --answer A --reason TEXT [--by NAME]",
        ["exemption"] = "exemption ID --year Y [--perceel P] --out FILE.pdf",
        ["keurmerk"] = "keurmerk YEAR --company ID | keurmerk sign YEAR --company ID --signer \"NAME\" --conclusion \"TEXT\" [--draft ID]",
        ["backup"] = "backup --out DIR [--no-keys] [--passphrase-file FILE]",
        ["restore"] = "restore DIR [--force] [--no-keys] [--passphrase-file FILE]",
    };

    private RootCommand Build()
    {
        var root = new RootCommand("./kto commands that talk to a running stack (./kto help lists them all)");

        var companyId = new Argument<string>("ID");
        var companyName = new Argument<string>("NAME");
        var add = new Command("add", "register a company; prints its key (shown once)") { companyId, companyName };
        add.SetAction((r, ct) => Run(() => CompanyAddAsync(r.GetValue(companyId)!, r.GetValue(companyName)!, ct)));
        root.Add(new Command("company", "companies") { add });

        var email = new Argument<string>("EMAIL");
        var asBureau = new Option<bool>("--bureau") { Description = "a bureau user: sees every company" };
        var userCompany = new Option<string?>("--company") { Description = "a company user: sees only this company" };
        var displayName = new Option<string?>("--name") { Description = "the person's name, shown when they sign a report" };
        var addUser = new Command("add", "a portal account (sign-in by e-mail link at /portal)") { email, asBureau, userCompany, displayName };
        addUser.SetAction((r, ct) => Run(() => UserAddAsync(r.GetValue(email)!, r.GetValue(asBureau), r.GetValue(userCompany), r.GetValue(displayName), ct)));
        root.Add(new Command("user", "portal accounts") { addUser });

        // For ./kto up: the local bureau user (made when missing) and a sign-in link for it, on stdout. Not in ./kto help.
        var linkEmail = new Argument<string>("EMAIL");
        var portalLink = new Command("portal-link", "the local bureau user's sign-in link") { linkEmail };
        portalLink.Hidden = true;
        portalLink.SetAction((r, ct) => Run(() => PortalLinkAsync(r.GetValue(linkEmail)!, ct)));
        root.Add(portalLink);

        var file = new Argument<string>("FILE");
        var deliverCompany = new Option<string>("--company") { Required = true };
        var deliver = new Command("deliver", "upload a monthly export, wait, print the receipt") { file, deliverCompany };
        deliver.SetAction((r, ct) => Run(() => DeliverAsync(r.GetValue(file)!, r.GetValue(deliverCompany)!, ct)));
        root.Add(deliver);

        var progressCompany = new Argument<string>("ID");
        var progressYear = new Option<int?>("--year");
        var progress = new Command("progress", "response so far per perceel") { progressCompany, progressYear };
        progress.SetAction((r, ct) => Run(() => PrintAsync(() => api.GetProgressAsync(r.GetValue(progressCompany)!, r.GetValue(progressYear), ct))));
        root.Add(progress);

        var forecastCompany = new Argument<string>("ID");
        var forecastYear = new Option<int?>("--year");
        var forecast = new Command("forecast", "projected response per perceel, at risk or not, and what to do") { forecastCompany, forecastYear };
        forecast.SetAction((r, ct) => Run(() => PrintAsync(() => api.GetForecastAsync(r.GetValue(forecastCompany)!, r.GetValue(forecastYear), ct))));
        root.Add(forecast);

        var jobName = new Argument<string>("NAME");
        var jobAt = new Option<string?>("--at");
        var job = new Command("job", "run send-invitations, send-reminders, purge-expired, send-digest or send-delivery-reminders now (a mail run followed to its end)") { jobName, jobAt };
        job.SetAction((r, ct) => Run(() => JobAsync(r.GetValue(jobName)!, r.GetValue(jobAt), ct)));
        root.Add(job);

        var offlineCompany = new Argument<string>("ID");
        var offlineYear = new Option<int?>("--year");
        var offline = new Command("offline", "CSV of clients e-mail cannot reach, with personal links") { offlineCompany, offlineYear };
        offline.SetAction((r, ct) => Run(() => PrintAsync(() => api.GetOfflineContactsAsync(r.GetValue(offlineCompany)!, r.GetValue(offlineYear), ct))));
        root.Add(offline);

        var lettersCompany = new Argument<string>("ID");
        var lettersYear = new Option<int?>("--year");
        var lettersOut = new Option<string?>("--out") { Description = "where to write the batch's PDF" };
        var lettersPosted = new Option<string?>("--posted") { Description = "record the batch BATCH as posted" };
        var letters = new Command("letters", "make the letter batch of every client who needs a letter now, or mark a batch posted")
            { lettersCompany, lettersYear, lettersOut, lettersPosted };
        letters.SetAction((r, ct) => Run(() => LettersAsync(r.GetValue(lettersCompany)!, r.GetValue(lettersYear), r.GetValue(lettersOut),
            r.GetValue(lettersPosted), ct)));
        root.Add(letters);

        var attemptCompany = new Argument<string>("ID");
        var attemptYear = new Option<int>("--year") { Required = true };
        var service = new Option<string>("--service") { Required = true };
        var mode = new Option<string>("--mode") { Required = true, Description = "letter|phone" };
        var outcome = new Option<string>("--outcome") { Required = true, Description = "sent|reached|no-answer|failed" };
        var attempt = new Command("attempt", "record a letter or phone attempt") { attemptCompany, attemptYear, service, mode, outcome };
        attempt.SetAction((r, ct) => Run(() => PrintAsync(() => api.RecordAttemptAsync(r.GetValue(attemptCompany)!, r.GetValue(attemptYear),
            r.GetValue(service)!, r.GetValue(mode)!, r.GetValue(outcome)!, ct))));
        root.Add(attempt);

        // The population's history: withdraw or correct a delivered service (bureau key only; S = the offline list's dienst).
        var withdrawCompany = new Argument<string>("ID");
        var withdrawYear = new Option<int>("--year") { Required = true };
        var withdrawService = new Option<string>("--service") { Required = true };
        var withdrawReason = new Option<string>("--reason") { Required = true, Description = "wrong-company|wrong-perceel|not-ended" };
        var withdrawNote = new Option<string?>("--note");
        var withdraw = new Command("withdraw", "withdraw a delivered service from the population (never deleted; it gets no more mail)")
            { withdrawCompany, withdrawYear, withdrawService, withdrawReason, withdrawNote };
        withdraw.SetAction((r, ct) => Run(() => PrintAsync(() => api.WithdrawServiceAsync(r.GetValue(withdrawCompany)!, r.GetValue(withdrawYear),
            r.GetValue(withdrawService)!, r.GetValue(withdrawReason)!, r.GetValue(withdrawNote), ct))));
        root.Add(withdraw);

        var correctCompany = new Argument<string>("ID");
        var correctYear = new Option<int>("--year") { Required = true };
        var correctService = new Option<string>("--service") { Required = true };
        var correctPerceel = new Option<string?>("--perceel");
        var correctEinddatum = new Option<string?>("--einddatum");
        var correctReason = new Option<string>("--reason") { Required = true, Description = "delivery-error|client-statement|uwv-record" };
        var correctNote = new Option<string?>("--note");
        var correct = new Command("correct", "correct a delivered service's perceel or end date (same measurement year)")
            { correctCompany, correctYear, correctService, correctPerceel, correctEinddatum, correctReason, correctNote };
        correct.SetAction((r, ct) => Run(() => PrintAsync(() => api.CorrectServiceAsync(r.GetValue(correctCompany)!, r.GetValue(correctYear),
            r.GetValue(correctService)!, r.GetValue(correctPerceel), r.GetValue(correctEinddatum), r.GetValue(correctReason)!, r.GetValue(correctNote), ct))));
        root.Add(correct);

        var servicesCompany = new Argument<string>("ID");
        var servicesYear = new Option<int>("--year") { Required = true };
        var servicesKlantnummer = new Option<string?>("--klantnummer");
        var servicesCommand = new Command("services", "a company's delivered services with their corrections (JSON)") { servicesCompany, servicesYear, servicesKlantnummer };
        servicesCommand.SetAction((r, ct) => Run(() => PrintAsync(() => api.ListServicesAsync(r.GetValue(servicesCompany)!, r.GetValue(servicesYear),
            r.GetValue(servicesKlantnummer), ct))));
        root.Add(servicesCommand);
        var answerCompany = new Argument<string>("ID");
        var answerYear = new Option<int>("--year") { Required = true };
        var answerService = new Option<string>("--service") { Required = true, Description = "the dienst column of ./kto offline" };
        var answerMode = new Option<string>("--mode") { Required = true, Description = "phone|paper" };
        var answerFile = new Option<string>("--answers") { Required = true, Description = "a JSON object: question id → answer" };
        var answer = new Command("answer", "enter a client's answers from a phone interview or a paper form")
            { answerCompany, answerYear, answerService, answerMode, answerFile };
        answer.SetAction((r, ct) => Run(() => AnswerAsync(r.GetValue(answerCompany)!, r.GetValue(answerYear), r.GetValue(answerService)!,
            r.GetValue(answerMode)!, r.GetValue(answerFile)!, ct)));
        root.Add(answer);

        var reportYear = new Argument<string>("YEAR");
        var reportCompany = new Option<string?>("--company");
        var report = new Command("report", "draft the annual report(s), wait, print where the PDF/XLSX/JSON are") { reportYear, reportCompany };
        report.SetAction((r, ct) => Run(() => ReportAsync(Year(r.GetValue(reportYear), Usage["report"]), r.GetValue(reportCompany), ct)));
        root.Add(report);

        var signYear = new Argument<string>("YEAR");
        var signCompany = new Option<string>("--company") { Required = true };
        var signer = new Option<string>("--signer") { Required = true };
        var conclusion = new Option<string?>("--conclusion");
        var draft = new Option<string?>("--draft");
        var sign = new Command("sign", "sign the draft you reviewed: a new, final version; prints its SHA-256 and links")
            { signYear, signCompany, signer, conclusion, draft };
        sign.SetAction((r, ct) => Run(() => SignAsync(
            Year(r.GetValue(signYear), Usage["sign"]),
            r.GetValue(signCompany)!, r.GetValue(signer)!, r.GetValue(conclusion) ?? "", r.GetValue(draft), ct)));
        root.Add(sign);

        // Moderating the draft's open answers, as the portal's open-answers page does.
        var hideCompany = new Argument<string>("ID");
        var hideYear = new Option<int>("--year") { Required = true };
        var hideAnswer = new Option<string>("--answer") { Required = true, Description = "the answer's id (./kto open-answers ID --year Y)" };
        var hideReason = new Option<string>("--reason") { Required = true, Description = "why it is hidden (in the audit log)" };
        var hideBy = new Option<string?>("--by") { Description = "who hides it (default: your user name)" };
        var hide = new Command("hide", "hide an open answer from this and every later draft, with a reason")
            { hideCompany, hideYear, hideAnswer, hideReason, hideBy };
        hide.SetAction((r, ct) => Run(() => PrintAsync(() => api.HideOpenAnswerAsync(r.GetValue(hideYear), r.GetValue(hideCompany)!,
            r.GetValue(hideAnswer)!, r.GetValue(hideBy) is { Length: > 0 } by ? by : Environment.UserName, r.GetValue(hideReason)!, ct))));
        var answersCompany = new Argument<string>("ID");
        var answersYear = new Option<int>("--year") { Required = true };
        var openAnswers = new Command("open-answers", "the current draft's open answers with their ids (JSON); 'hide' hides one")
            { answersCompany, answersYear, hide };
        openAnswers.SetAction((r, ct) => Run(() => PrintAsync(() => api.GetOpenAnswersAsync(r.GetValue(answersYear), r.GetValue(answersCompany)!, ct))));
        root.Add(openAnswers);

        var exemptionCompany = new Argument<string>("ID");
        var exemptionYear = new Option<int>("--year") { Required = true };
        var exemptionPerceel = new Option<string?>("--perceel") { Description = "needed only when more than one perceel qualifies" };
        var exemptionOut = new Option<string>("--out") { Required = true, Description = "where to write the letter's PDF" };
        var exemption = new Command("exemption", "the exemption request letter (PDF) of a perceel with too few ended services")
            { exemptionCompany, exemptionYear, exemptionPerceel, exemptionOut };
        exemption.SetAction((r, ct) => Run(() => ExemptionAsync(r.GetValue(exemptionCompany)!, r.GetValue(exemptionYear), r.GetValue(exemptionPerceel),
            r.GetValue(exemptionOut)!, ct)));
        root.Add(exemption);

        // The Keurmerk report: `keurmerk YEAR` drafts it, `keurmerk sign YEAR` signs it, like `report` and `sign`.
        var keurmerkSignYear = new Argument<string>("YEAR");
        var keurmerkSignCompany = new Option<string>("--company") { Required = true };
        var keurmerkSigner = new Option<string>("--signer") { Required = true };
        var keurmerkConclusion = new Option<string?>("--conclusion");
        var keurmerkDraft = new Option<string?>("--draft");
        var keurmerkSign = new Command("sign", "sign the Keurmerk draft you reviewed: a new, final version; prints its SHA-256 and links")
            { keurmerkSignYear, keurmerkSignCompany, keurmerkSigner, keurmerkConclusion, keurmerkDraft };
        keurmerkSign.SetAction((r, ct) => Run(() => KeurmerkSignAsync(Year(r.GetValue(keurmerkSignYear), Usage["keurmerk"]),
            r.GetValue(keurmerkSignCompany)!, r.GetValue(keurmerkSigner)!, r.GetValue(keurmerkConclusion) ?? "", r.GetValue(keurmerkDraft), ct)));
        var keurmerkYear = new Argument<string>("YEAR");
        var keurmerkCompany = new Option<string>("--company") { Required = true };
        var keurmerk = new Command("keurmerk", "draft the Keurmerk report from the figures of now; print where the PDF/XLSX/JSON are")
            { keurmerkYear, keurmerkCompany, keurmerkSign };
        keurmerk.SetAction((r, ct) => Run(() => KeurmerkDraftAsync(Year(r.GetValue(keurmerkYear), Usage["keurmerk"]), r.GetValue(keurmerkCompany)!, ct)));
        root.Add(keurmerk);

        AddBackupCommands(root);
        return root;
    }

    // --- the commands ------------------------------------------------------------------------------------
    private async Task CompanyAddAsync(string id, string name, CancellationToken ct)
    {
        await RequireStackAsync(ct);
        Print(await api.AddCompanyAsync(id, name, ct));
    }

    private async Task UserAddAsync(string email, bool bureau, string? company, string? name, CancellationToken ct)
    {
        // Exactly one of --bureau and --company ID, as the bash script asked.
        if (bureau == company is not null) throw new CliFailure("usage: ./kto " + Usage["user"]);
        await RequireStackAsync(ct);
        Print(await api.AddUserAsync(email, bureau ? "bureau" : "company", company, name, ct));
    }

    private async Task PortalLinkAsync(string email, CancellationToken ct)
    {
        await RequireStackAsync(ct);
        var added = await api.AddUserAsync(email, "bureau", null, cancellationToken: ct);
        // 409: the user is there from an earlier ./kto up.
        if (!added.IsSuccess && added.Status != 409) { Write(stderr, added.Body); throw new CliFailure(); }
        var link = await api.CreateSignInLinkAsync(email, ct);
        if (!link.IsSuccess) { Write(stderr, link.Body); throw new CliFailure(); }
        stdout.WriteLine(link.JsonString("url"));
    }

    private async Task DeliverAsync(string path, string company, CancellationToken ct)
    {
        var file = new FileInfo(path);
        if (!file.Exists) throw new CliFailure($"no such file: {path}");
        await RequireStackAsync(ct);
        var response = await UploadAsync(file, company, ct);
        // Any non-2xx fails the command; a 413's body is the file-too-large receipt, printed like any receipt.
        if (response.Status == 413) { Write(stdout, response.Body); throw new CliFailure(); }
        if (!response.IsSuccess) { Write(stderr, response.Body); throw new CliFailure(); }
        var wait = settings.Wait ?? TimeSpan.FromSeconds(600);
        try
        {
            var receipt = interactive
                ? await Console().Status().StartAsync($"{Markup.Escape(file.Name)}: waiting for the receipt",
                    _ => api.WaitForReceiptAsync(company, file.Name, wait, ct))
                : await api.WaitForReceiptAsync(company, file.Name, wait, ct);
            Write(stdout, receipt.Body);
        }
        catch (TimeoutException)
        {
            throw new CliFailure($"no receipt after {wait.TotalSeconds:0} s");
        }
    }

    private async Task<ApiResponse> UploadAsync(FileInfo file, string company, CancellationToken ct)
    {
        if (!interactive)
        {
            await using var plain = file.OpenRead();
            return await api.UploadDeliveryAsync(company, file.Name, new StreamContent(plain), ct);
        }
        ApiResponse? response = null;
        await Console().Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"upload {Markup.Escape(file.Name)}", maxValue: Math.Max(1, file.Length));
                await using var counted = new ProgressStream(file.OpenRead(), read => task.Value = read);
                response = await api.UploadDeliveryAsync(company, file.Name, new StreamContent(counted), ct);
                task.Value = task.MaxValue;
            });
        return response!;
    }

    private async Task JobAsync(string name, string? at, CancellationToken ct)
    {
        await RequireStackAsync(ct);
        var started = await api.StartJobAsync(name, at, ct);
        // purge-expired, send-digest and send-delivery-reminders answer with their result; a mail job answers 202 and runs in the background: follow its status.
        if (started.Status != 202) { Print(started); return; }
        var location = started.JsonString("statusUrl") ?? started.Location ?? throw new CliFailure("the job answered 202 without a status location");
        var statusLink = settings.BaseUrl.GetLeftPart(UriPartial.Authority) + location;
        var wait = settings.Wait ?? TimeSpan.FromSeconds(900);
        string? shown = null;
        ApiResponse last;
        try
        {
            last = await api.WaitForJobRunAsync(location, wait, status => shown = ShowJobLine(status, shown), ct);
        }
        catch (TimeoutException)
        {
            if (interactive) stderr.WriteLine();
            throw new CliFailure($"the run did not finish within {wait.TotalSeconds:0} s; it goes on: {statusLink}");
        }
        if (interactive) stderr.WriteLine();
        Write(stdout, last.Body);
        if (last.JsonString("status") == "failed") throw new CliFailure($"the run failed; status: {statusLink}");
    }

    /// <summary>In a terminal the line is rewritten in place; otherwise each new line is written once, plain.</summary>
    private string? ShowJobLine(ApiResponse status, string? shown)
    {
        if (JobProgressLine.For(status.Body) is not { } line || line == shown) return shown;
        if (interactive) stderr.Write("\r\u001b[K" + line);
        else stderr.WriteLine(line);
        return line;
    }

    private async Task ReportAsync(int year, string? company, CancellationToken ct)
    {
        await RequireStackAsync(ct);
        var started = await api.StartReportAsync(year, company, ct);
        if (started.Status is not (202 or 409)) { Write(stderr, started.Body); throw new CliFailure(); }
        var location = started.JsonString("statusUrl") ?? throw new CliFailure("the report run answered without a status location");
        var wait = settings.Wait ?? TimeSpan.FromSeconds(600);
        ApiResponse done;
        try
        {
            done = interactive
                ? await Console().Status().StartAsync($"report {year}{(company is null ? "" : " " + Markup.Escape(company))}: running",
                    _ => api.WaitForReportRunAsync(location, wait, cancellationToken: ct))
                : await api.WaitForReportRunAsync(location, wait, cancellationToken: ct);
        }
        catch (TimeoutException)
        {
            throw new CliFailure($"the report run did not finish within {wait.TotalSeconds:0} s");
        }
        var state = done.JsonString("status");
        if (state != "Completed")
        {
            Write(stderr, done.Body);
            throw new CliFailure($"the report run ended as {state}");
        }
        var output = done.Json().TryGetProperty("output", out var o) && o.ValueKind == JsonValueKind.Object ? o : default;
        if (output.ValueKind != JsonValueKind.Object || !output.TryGetProperty("companies", out var companies)
            || companies.ValueKind != JsonValueKind.Array) return;
        var reportYear = output.TryGetProperty("year", out var y) && y.TryGetInt32(out var n) ? n : year;
        // The links as the API gives them (the report status route's draft.links): their format lives in one place.
        var host = settings.BaseUrl.GetLeftPart(UriPartial.Authority);
        foreach (var reported in companies.EnumerateArray().Select(c => c.GetString()!))
        {
            var status = await api.GetReportsAsync(reportYear, reported, ct);
            if (!status.IsSuccess) { Write(stderr, status.Body); throw new CliFailure(); }
            stdout.WriteLine(reported + ":");
            foreach (var link in status.Json().GetProperty("draft").GetProperty("links").EnumerateObject())
                stdout.WriteLine($"  {link.Name}: {host}{link.Value.GetString()}");
        }
    }

    private async Task SignAsync(int year, string company, string signer, string conclusion, string? draft, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(conclusion))
            throw new CliFailure("a signed report needs the bureau's conclusion: --conclusion \"TEXT\" (the API refuses an empty one with conclusion-required)");
        await RequireStackAsync(ct);
        if (string.IsNullOrEmpty(draft))
        {
            // Sign the draft as it is now, named by its id: if a run replaces it before the signature lands, the API says 409.
            var reports = await api.GetReportsAsync(year, company, ct);
            if (!reports.IsSuccess) { Print(reports); return; }
            draft = reports.Json().TryGetProperty("draft", out var d) && d.ValueKind == JsonValueKind.Object
                    && d.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            if (string.IsNullOrEmpty(draft))
                throw new CliFailure($"there is no draft of {year} for {company}: run ./kto report {year} --company {company} first");
            stderr.WriteLine($"kto: signing draft {draft}");
        }
        Print(await api.SignReportAsync(year, company, signer, conclusion, draft, ct));
    }

    private async Task KeurmerkDraftAsync(int year, string company, CancellationToken ct)
    {
        await RequireStackAsync(ct);
        var drafted = await api.DraftKeurmerkAsync(year, company, ct);
        if (!drafted.IsSuccess) { Write(stderr, drafted.Body); throw new CliFailure(); }
        var draft = drafted.Json().GetProperty("draft");
        var host = settings.BaseUrl.GetLeftPart(UriPartial.Authority);
        stdout.WriteLine($"{company}: Keurmerk {year}, draft {draft.GetProperty("id").GetString()} (norms: {draft.GetProperty("normsStatus").GetString()})");
        foreach (var link in draft.GetProperty("links").EnumerateObject())
            stdout.WriteLine($"  {link.Name}: {host}{link.Value.GetString()}");
        stderr.WriteLine($"kto: review it, then ./kto keurmerk sign {year} --company {company} --signer \"NAME\" --conclusion \"TEXT\"");
    }

    private async Task KeurmerkSignAsync(int year, string company, string signer, string conclusion, string? draft, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(conclusion))
            throw new CliFailure("a signed report needs the bureau's conclusion: --conclusion \"TEXT\" (the API refuses an empty one with conclusion-required)");
        await RequireStackAsync(ct);
        if (string.IsNullOrEmpty(draft))
        {
            // Sign the draft as it is now, named by its id: if it is replaced before the signature lands, the API says 409.
            var status = await api.GetKeurmerkAsync(year, company, ct);
            if (!status.IsSuccess && status.Status != 404) { Print(status); return; }
            draft = status.IsSuccess && status.Json().TryGetProperty("draft", out var d) && d.ValueKind == JsonValueKind.Object
                    && d.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            if (string.IsNullOrEmpty(draft))
                throw new CliFailure($"there is no Keurmerk draft of {year} for {company}: run ./kto keurmerk {year} --company {company} first");
            stderr.WriteLine($"kto: signing Keurmerk draft {draft}");
        }
        Print(await api.SignKeurmerkAsync(year, company, signer, conclusion, draft, ct));
    }

    /// <summary>
    /// <c>--out FILE</c>: makes the batch, writes its PDF and prints the batch id and count (stdout: the API's JSON);
    /// <c>--posted BATCH</c>: records the batch as posted and prints the answer.
    /// </summary>
    private async Task LettersAsync(string company, int? year, string? output, string? posted, CancellationToken ct)
    {
        if ((output is null) == (posted is null)) throw new CliFailure("usage: ./kto " + Usage["letters"]);
        await RequireStackAsync(ct);
        if (posted is not null)
        {
            Print(await api.MarkLettersPostedAsync(company, posted, ct));
            return;
        }
        var started = await api.MakeLetterBatchAsync(company, year, ct);
        if (!started.IsSuccess) { Write(stderr, started.Body); throw new CliFailure(); }
        // The batch is made in the background (a batch of any size): follow its progress, then write the PDF.
        var location = started.JsonString("statusUrl") ?? started.Location ?? throw new CliFailure("the letter batch answered without a status location");
        var wait = settings.Wait ?? TimeSpan.FromSeconds(3600);
        string? shown = null;
        ApiResponse made;
        try
        {
            made = await api.WaitForLetterBatchAsync(location, wait, status => shown = ShowLettersLine(status, shown), ct);
        }
        catch (TimeoutException)
        {
            if (interactive) stderr.WriteLine();
            throw new CliFailure($"the batch was not made within {wait.TotalSeconds:0} s; it goes on: {location}");
        }
        if (interactive && shown is not null) stderr.WriteLine();
        var id = made.JsonString("id");
        var status = made.JsonString("status");
        if (status == "empty")
        {
            Write(stdout, made.Body);
            stderr.WriteLine("kto: no letters are due now; no file written");
            return;
        }
        if (status == "failed") { Write(stderr, made.Body); throw new CliFailure($"making the batch {id} failed; nothing was written, make it again"); }
        var (pdfStatus, pdf) = await api.DownloadAsync(made.JsonString("pdf") ?? throw new CliFailure($"the batch {id} is {status}, without a PDF"), ct);
        if (pdfStatus != 200) throw new CliFailure($"the batch {id} was made but its PDF answered {pdfStatus}");
        await File.WriteAllBytesAsync(output!, pdf, ct);
        Write(stdout, made.Body);
        var count = made.Json().GetProperty("letters").GetInt32();
        stderr.WriteLine($"kto: batch {id}: {count} letters written to {output}; after posting: ./kto letters {company} --posted {id}");
    }

    /// <summary>
    /// Writes the exemption letter of the perceel asked for, or, without <c>--perceel</c>, of the one perceel that
    /// qualifies (several: exit 1 naming them; none: exit 1 saying so). Prints the file on stderr.
    /// </summary>
    private async Task ExemptionAsync(string company, int year, string? perceel, string output, CancellationToken ct)
    {
        await RequireStackAsync(ct);
        if (string.IsNullOrWhiteSpace(perceel))
        {
            var choices = await api.GetExemptionChoicesAsync(year, company, ct);
            if (!choices.IsSuccess) { Write(stderr, choices.Body); throw new CliFailure(); }
            var percelen = choices.Json().GetProperty("percelen").EnumerateArray().Select(p => p.GetProperty("slug").GetString()!).ToList();
            perceel = percelen.Count switch
            {
                0 => throw new CliFailure($"no perceel of {company} qualifies for exemption in {year}: each has at least "
                    + $"{choices.Json().GetProperty("threshold").GetInt32()} ended services"),
                1 => percelen[0],
                _ => throw new CliFailure($"{percelen.Count} percelen qualify: {string.Join(", ", percelen)}; choose one with --perceel"),
            };
        }
        var (status, pdf) = await api.DownloadAsync(KtoApiClient.ExemptionLetterPath(year, company, perceel), ct);
        if (status != 200) { Write(stderr, System.Text.Encoding.UTF8.GetString(pdf)); throw new CliFailure(); }
        await File.WriteAllBytesAsync(output, pdf, ct);
        stderr.WriteLine($"kto: exemption letter {perceel} {year} for {company} written to {output}");
    }

    /// <summary>"letters: 350 of 1000" while the batch is made; in a terminal rewritten in place.</summary>
    private string? ShowLettersLine(ApiResponse status, string? shown)
    {
        if (status.JsonString("status") != "making") return shown;
        var json = status.Json();
        var line = json.TryGetProperty("total", out var total) && total.ValueKind == System.Text.Json.JsonValueKind.Number
            ? $"letters: {json.GetProperty("done").GetInt32()} of {total.GetInt32()}"
            : "letters: finding the clients who get one";
        if (line == shown) return shown;
        if (interactive) stderr.Write("\r\u001b[K" + line);
        else stderr.WriteLine(line);
        return line;
    }

    // --- plumbing ----------------------------------------------------------------------------------------
    private async Task<int> Run(Func<Task> command, CancellationToken ct = default)
    {
        try
        {
            await command();
            return 0;
        }
        catch (CliFailure failure)
        {
            if (!failure.Silent) stderr.WriteLine("kto: " + failure.Message);
            return 1;
        }
        catch (HttpRequestException e)
        {
            stderr.WriteLine($"kto: {settings.Api}: {e.Message}");
            return 1;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            stderr.WriteLine($"kto: {settings.Api} did not answer in time");
            return 1;
        }
        finally
        {
            await stdout.FlushAsync();
            await stderr.FlushAsync();
        }
    }

    private async Task RequireStackAsync(CancellationToken ct)
    {
        if (!await api.IsUpAsync(TimeSpan.FromSeconds(3), ct))
            throw new CliFailure($"no stack answers at {settings.Api}: start it with ./kto up");
    }

    /// <summary>The body on stdout; exit 1 unless 2xx (the bash script's print_or_fail).</summary>
    private async Task AnswerAsync(string company, int year, string service, string mode, string path, CancellationToken ct)
    {
        if (!File.Exists(path)) throw new CliFailure($"no such file: {path}");
        JsonElement answers;
        try
        {
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path, ct));
            answers = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new CliFailure($"{path} is no JSON; write the answers as {{ \"rapportcijfer\": 8, \"begeleider-luistert\": 4, … }}");
        }
        // The whole request body is accepted too ({ "answers": { … } }), so a file can be kept as sent.
        if (answers.ValueKind == JsonValueKind.Object && answers.TryGetProperty("answers", out var inner)) answers = inner;
        if (answers.ValueKind != JsonValueKind.Object) throw new CliFailure($"{path} must hold a JSON object: question id → answer");
        await RequireStackAsync(ct);
        var response = await api.EnterAnswersAsync(company, year, service, mode, answers, cancellationToken: ct);
        if (response.IsSuccess) { Write(stdout, response.Body); return; }
        Write(stderr, response.Body);
        throw response.JsonString("error") == "already-answered"
            ? new CliFailure($"service {service} already answered (online, by phone or on paper): only the first answer counts, nothing was stored")
            : new CliFailure();
    }

    private async Task PrintAsync(Func<Task<ApiResponse>> call)
    {
        await RequireStackAsync(CancellationToken.None);
        Print(await call());
    }

    private void Print(ApiResponse response)
    {
        Write(stdout, response.Body);
        if (!response.IsSuccess) throw new CliFailure();
    }

    /// <summary>A body as the shell printed it: trailing newlines dropped, one added.</summary>
    private static void Write(TextWriter writer, string body) => writer.Write(body.TrimEnd('\n') + "\n");

    private static int Year(string? value, string usage) =>
        value is not null && FourDigits().IsMatch(value) ? int.Parse(value) : throw new CliFailure("usage: ./kto " + usage);

    private IAnsiConsole Console() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(stderr),
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Yes,
    });

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex FourDigits();
}
