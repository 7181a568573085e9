using System.Runtime.CompilerServices;
using System.Text;
using Kto.Core.Companies;
using Kto.Core.Keurmerk;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Keurmerk;

/// <summary>
/// The Keurmerk report on in-memory ports: built for a known company only, drafted with the newest figures winning,
/// signed with a PDF signature that names the Keurmerk, and each file downloaded under its own name and type.
/// </summary>
public sealed class KeurmerkReportServiceTests
{
    private static readonly DateTimeOffset Now = new(2027, 2, 10, 11, 0, 0, TimeSpan.Zero);

    private readonly InMemoryCompanyStore companies = new();
    private readonly Rows rows = new();
    private readonly InMemoryVersionStore<KeurmerkReport> archive = new();
    private readonly Renderer renderer = new();
    private readonly CapturingPdfSigner pdfSigner = new();

    public KeurmerkReportServiceTests()
    {
        companies.TryAddAsync(new Company("acme", "Acme Re-integratie", Now.AddYears(-1)), "hash", default).Wait();
        // Two completed trajectories, one successful: a success rate of 0.5, exactly the default norm.
        rows.Services.Add(new ReportServiceRow(new string('a', 32), Perceel.NaarWerk, new DateOnly(2026, 3, 1), "Werk gevonden"));
        rows.Services.Add(new ReportServiceRow(new string('b', 32), Perceel.NaarWerk, new DateOnly(2026, 4, 1), "Geen werk"));
    }

    private KeurmerkReportService Service(TimeProvider? time = null, KeurmerkSettings? settings = null)
    {
        var catalog = new QuestionnaireCatalog(new QuestionnaireSettings());
        var facts = new InMemorySurveyData();
        return new KeurmerkReportService(new ReportFiguresService(rows, facts, facts, catalog, new InMemoryCorrectionStore()),
            new OpdrachtgeverFiguresService(new InMemoryOpdrachtgeverStore()), companies, catalog, settings ?? new KeurmerkSettings(), renderer,
            archive, pdfSigner, new BureauSettings { Name = "Onderzoek BV" }, time ?? new FakeTimeProvider(Now));
    }

    [Fact]
    public async Task A_company_that_does_not_exist_has_no_report_no_file_and_no_draft()
    {
        // A wrong company id must not produce an empty report that looks like a real one.
        var service = Service();

        Assert.Null(await service.BuildAsync("nobody", 2026, default));
        Assert.Null(await service.FileAsync("nobody", 2026, KeurmerkFormat.Pdf, default));
        Assert.Null(await service.SaveDraftAsync("nobody", 2026, default));
        Assert.Null(await archive.GetDraftAsync("nobody", 2026, default));
        Assert.Empty(renderer.Rendered);
    }

    [Theory]
    [InlineData(KeurmerkFormat.Pdf, "keurmerk.pdf", "application/pdf")]
    [InlineData(KeurmerkFormat.Xlsx, "keurmerk.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData(KeurmerkFormat.Json, "keurmerk.json", "application/json; charset=utf-8")]
    public async Task A_file_of_the_figures_of_now_is_named_after_its_format_with_its_content_type(KeurmerkFormat format, string name, string contentType)
    {
        // The browser saves and opens the download by these: a wrong type shows a PDF as text.
        var file = (await Service().FileAsync("acme", 2026, format, default))!;

        Assert.Equal((name, contentType), (file.FileName, file.ContentType));
        Assert.Equal($"{format} Acme Re-integratie 2026", Encoding.UTF8.GetString(file.Content));
    }

    [Theory]
    [InlineData("pdf", KeurmerkFormat.Pdf)]
    [InlineData("PDF", KeurmerkFormat.Pdf)]
    [InlineData("xlsx", KeurmerkFormat.Xlsx)]
    [InlineData("Json", KeurmerkFormat.Json)]
    public void A_route_names_a_format_by_its_extension_in_any_case(string extension, KeurmerkFormat expected)
    {
        Assert.True(KeurmerkFormats.TryParse(extension, out var format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData("doc")]
    [InlineData("")]
    [InlineData(".pdf")]
    [InlineData(null)]
    public void Any_other_extension_names_no_format(string? extension)
    {
        // An unknown extension is a 404, never a default file.
        Assert.False(KeurmerkFormats.TryParse(extension, out _));
    }

    [Fact]
    public async Task The_report_is_the_companys_with_the_time_of_now_and_its_norms_judged_by_the_settings()
    {
        var report = (await Service(settings: new KeurmerkSettings { MinimumSuccessRate = 0.6 }).BuildAsync("acme", 2026, default))!;

        Assert.Equal(("acme", "Acme Re-integratie", 2026, Now), (report.CompanyId, report.CompanyName, report.Year, report.GeneratedAt));
        Assert.Equal("bow-opdrachtgever-2026-1", report.OpdrachtgeverQuestionnaireVersion);
        Assert.Equal((2, 2, 1, 0.5), (report.Results.Ended, report.Results.Completed, report.Results.Successful, report.Results.SuccessRate!.Value));
        Assert.Equal([null, null, false], report.Norms.Select(n => n.Met));
    }

    [Theory]
    [InlineData(0.5, "pending")] // the results norm met, the two satisfaction norms without figures
    [InlineData(0.6, "failed")]  // the results norm not met
    public async Task A_draft_keeps_the_report_as_its_inputs_and_records_the_norms_status(double minimumSuccessRate, string status)
    {
        var draft = (await Service(settings: new KeurmerkSettings { MinimumSuccessRate = minimumSuccessRate }).SaveDraftAsync("acme", 2026, default))!;

        Assert.Equal((status, Now), (draft.ChecklistStatus, draft.GeneratedAt));
        Assert.Equal(draft, await archive.GetDraftAsync("acme", 2026, default));
        Assert.Equal(Now, archive.DraftInputs("acme", 2026)!.GeneratedAt);
        Assert.Null(Assert.Single(renderer.RenderedFiles).Version); // a draft is rendered without a version number
    }

    [Fact]
    public async Task A_draft_of_figures_older_than_the_stored_draft_is_not_stored_and_the_newer_draft_answers()
    {
        // Two saves racing: the one that counted later wins, whichever arrives last.
        var newer = (await Service(new FakeTimeProvider(Now.AddMinutes(5))).SaveDraftAsync("acme", 2026, default))!;

        var answer = await Service().SaveDraftAsync("acme", 2026, default);

        Assert.Equal(newer, answer);
        Assert.Equal(Now.AddMinutes(5), archive.DraftInputs("acme", 2026)!.GeneratedAt);
    }

    [Fact]
    public async Task A_draft_counted_at_the_same_moment_replaces_the_stored_one()
    {
        // Only strictly newer figures stand; a save at the same moment (here with another norm) is stored.
        await Service(settings: new KeurmerkSettings { MinimumSuccessRate = 0.6 }).SaveDraftAsync("acme", 2026, default);

        var draft = (await Service().SaveDraftAsync("acme", 2026, default))!;

        Assert.Equal("pending", draft.ChecklistStatus);
        Assert.Equal(draft, await archive.GetDraftAsync("acme", 2026, default));
    }

    [Fact]
    public async Task A_draft_of_newer_figures_replaces_the_stored_one()
    {
        await Service(new FakeTimeProvider(Now.AddMinutes(-5))).SaveDraftAsync("acme", 2026, default);

        var draft = (await Service().SaveDraftAsync("acme", 2026, default))!;

        Assert.Equal(Now, draft.GeneratedAt);
        Assert.Equal(draft, await archive.GetDraftAsync("acme", 2026, default));
    }

    [Fact]
    public async Task An_older_draft_saved_elsewhere_between_read_and_replace_is_read_again_and_replaced()
    {
        // The replace is conditional on the revision read: a miss reads again instead of overwriting blindly.
        archive.BeforeNextReplace = () => Service(new FakeTimeProvider(Now.AddMinutes(-1))).SaveDraftAsync("acme", 2026, default);

        var draft = (await Service().SaveDraftAsync("acme", 2026, default))!;

        Assert.Equal(3, archive.ReplaceAttempts); // ours twice, the other host's once
        Assert.Equal(Now, draft.GeneratedAt);
        Assert.Equal(Now, archive.DraftInputs("acme", 2026)!.GeneratedAt);
    }

    [Fact]
    public async Task A_newer_draft_saved_elsewhere_between_read_and_replace_stands()
    {
        archive.BeforeNextReplace = () => Service(new FakeTimeProvider(Now.AddMinutes(1))).SaveDraftAsync("acme", 2026, default);

        var draft = (await Service().SaveDraftAsync("acme", 2026, default))!;

        Assert.Equal(Now.AddMinutes(1), draft.GeneratedAt);
        Assert.Equal(Now.AddMinutes(1), archive.DraftInputs("acme", 2026)!.GeneratedAt);
    }

    [Theory]
    [InlineData(new[] { "met", "met", "met" }, "passed")]
    [InlineData(new[] { "met", "not met", "open" }, "failed")]
    [InlineData(new[] { "open", "open", "not met" }, "failed")]
    [InlineData(new[] { "met", "open", "met" }, "pending")]
    [InlineData(new[] { "open", "open", "open" }, "pending")]
    public void The_version_row_records_failed_when_one_norm_is_not_met_passed_when_all_are_met_else_pending(string[] norms, string status)
    {
        var report = Report(norms.Select((n, i) => new KeurmerkNorm($"n{i}", "norm", null, 6.5, n switch { "met" => true, "not met" => false, _ => null })).ToList());

        Assert.Equal(status, KeurmerkReportService.NormsStatus(report));
    }

    [Fact]
    public async Task Signing_renders_the_draft_with_conclusion_and_signer_and_signs_the_pdf_as_this_companys_keurmerk_report()
    {
        var time = new FakeTimeProvider(Now);
        var service = Service(time, new KeurmerkSettings { MinimumSuccessRate = 0.6 });
        var draft = (await service.SaveDraftAsync("acme", 2026, default))!;
        time.Advance(TimeSpan.FromHours(1));

        var signing = await service.SignAsync("acme", 2026, draft.Id, "J. de Vries", "Akkoord.", default);

        Assert.Equal(ReportSigningOutcome.Signed, signing.Outcome);
        Assert.Equal((1, "failed"), (signing.Version!.Version, signing.Version.ChecklistStatus));
        var (signed, version) = renderer.RenderedFiles.Last();
        Assert.Equal((1, "Akkoord.", "J. de Vries", Now), (version, signed.Conclusion, signed.Signature!.SignedBy, signed.GeneratedAt));
        var pdfSignature = Assert.Single(pdfSigner.Signatures);
        Assert.Equal(new ReportPdfSignature("J. de Vries", "Onderzoek BV", Now.AddHours(1), "Blik op Werk Keurmerk 2026, Acme Re-integratie"), pdfSignature);
        Assert.Equal(("Acme Re-integratie", 2026, 1), await VerifiedAsync(signing.Version.Sha256));
        Assert.Equal("failed", (await service.ListAsync("acme", 2026, default)).Versions.Single().ChecklistStatus);
    }

    [Fact]
    public async Task The_latest_file_is_the_draft_while_nothing_is_signed_then_the_last_signed_version()
    {
        var service = Service();
        Assert.Null(await service.ReadFileAsync("acme", 2026, ReportVersionChoice.Latest, KeurmerkFormat.Pdf, default)); // no draft yet

        var draft = (await service.SaveDraftAsync("acme", 2026, default))!;
        var latest = (await service.ReadFileAsync("acme", 2026, ReportVersionChoice.Latest, KeurmerkFormat.Pdf, default))!;
        Assert.Equal(("keurmerk.pdf", "application/pdf", "pdf vdraft"), (latest.FileName, latest.ContentType, Encoding.UTF8.GetString(latest.Content)));

        await service.SignAsync("acme", 2026, draft.Id, "J. de Vries", "Akkoord.", default);
        await service.SignAsync("acme", 2026, draft.Id, "J. de Vries", "Akkoord, met opmerking.", default);

        Assert.Equal("pdf v2 signed", await TextAsync(service, ReportVersionChoice.Latest, KeurmerkFormat.Pdf));
        Assert.Equal("pdf v1 signed", await TextAsync(service, ReportVersionChoice.Signed(1), KeurmerkFormat.Pdf));
        Assert.Equal("pdf vdraft", await TextAsync(service, ReportVersionChoice.Draft, KeurmerkFormat.Pdf));
        Assert.Null(await service.ReadFileAsync("acme", 2026, ReportVersionChoice.Signed(3), KeurmerkFormat.Pdf, default));
    }

    [Theory]
    [InlineData(KeurmerkFormat.Pdf, "keurmerk.pdf", "pdf v1 signed")]
    [InlineData(KeurmerkFormat.Xlsx, "keurmerk.xlsx", "xlsx v1")]
    [InlineData(KeurmerkFormat.Json, "keurmerk.json", "json v1")]
    public async Task A_stored_file_is_the_one_of_its_format(KeurmerkFormat format, string name, string content)
    {
        var service = Service();
        var draft = (await service.SaveDraftAsync("acme", 2026, default))!;
        await service.SignAsync("acme", 2026, draft.Id, "J. de Vries", "Akkoord.", default);

        var file = (await service.ReadFileAsync("acme", 2026, ReportVersionChoice.Signed(1), format, default))!;

        Assert.Equal(name, file.FileName);
        Assert.StartsWith(content, Encoding.UTF8.GetString(file.Content));
    }

    private static async Task<string?> TextAsync(KeurmerkReportService service, ReportVersionChoice choice, KeurmerkFormat format) =>
        await service.ReadFileAsync("acme", 2026, choice, format, default) is { } file ? Encoding.UTF8.GetString(file.Content) : null;

    private async Task<(string, int, int)?> VerifiedAsync(string sha256) =>
        await archive.FindByHashAsync(sha256, default) is { } v ? (v.CompanyName, v.Year, v.Version) : null;

    private static KeurmerkReport Report(IReadOnlyList<KeurmerkNorm> norms) => new("acme", "Acme", 2026, Now, "v",
        new KeurmerkClients(0, 0, null, []),
        new KeurmerkOpdrachtgevers(0, null, 0, 0, 0, null, null, null, null, null, null, new ContactAttempts(0, 0, 0), new ResponsesByMode(0, 0, 0)),
        new KeurmerkResults(0, 0, 0, null, [], []), norms);

    /// <summary>Files that say what they are: format, version and (json) the time of the figures, so two drafts differ.</summary>
    private sealed class Renderer : IKeurmerkReportRenderer
    {
        public List<KeurmerkReport> Rendered { get; } = [];
        public List<(KeurmerkReport Report, int? Version)> RenderedFiles { get; } = [];

        public byte[] Render(KeurmerkReport report, KeurmerkFormat format)
        {
            Rendered.Add(report);
            return Encoding.UTF8.GetBytes($"{format} {report.CompanyName} {report.Year}");
        }

        public ReportFiles RenderFiles(KeurmerkReport report, int? version)
        {
            RenderedFiles.Add((report, version));
            var v = version?.ToString() ?? "draft";
            return new ReportFiles(Encoding.UTF8.GetBytes($"pdf v{v}"), Encoding.UTF8.GetBytes($"xlsx v{v}"),
                Encoding.UTF8.GetBytes($"json v{v} {report.GeneratedAt:O} {report.Conclusion}"));
        }
    }

    private sealed class CapturingPdfSigner : IReportPdfSigner
    {
        public List<ReportPdfSignature> Signatures { get; } = [];

        public Task<byte[]> SignAsync(byte[] pdf, ReportPdfSignature signature, CancellationToken cancellationToken)
        {
            Signatures.Add(signature);
            return Task.FromResult(pdf.Concat(" signed"u8.ToArray()).ToArray());
        }
    }

    /// <summary>The ended services of the year (no attempts or answers needed for these rules).</summary>
    private sealed class Rows : IReportSource
    {
        public readonly List<ReportServiceRow> Services = [];

        public async IAsyncEnumerable<ReportServiceRow> ServicesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var s in Services.ToList()) yield return s;
            await Task.CompletedTask;
        }
    }
}
