using System.Text;
using Kto.Core.Companies;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using static Kto.Core.Tests.Reports.ReportFixtures;

namespace Kto.Core.Tests.Reports;

/// <summary>What the UWV report's signing and reading add to the common signer: the PDF signature names the report, a
/// signed version's status is its checklist's, and a version reads back as the report that was signed.</summary>
public sealed class AnnualReportSigningTests
{
    private readonly InMemoryReportArchive archive = new();
    private readonly RecordingReportRenderer renderer = new();
    private readonly InMemoryCompanyStore companies = new();
    private readonly FakeTimeProvider time = new(At(2027, 2, 10));
    private readonly CapturingSigner pdfSigner = new();
    private readonly ReportServices reports;

    public AnnualReportSigningTests()
    {
        companies.TryAddAsync(new Company("acme", "Acme Re-integratie", At(2026, 1, 1)), "hash", default).Wait();
        var questionnaires = new QuestionnaireCatalog(new QuestionnaireSettings());
        var sources = new InMemoryOpenAnswerSources();
        reports = ReportServices.Create(new ReportSettings(), new BureauSettings { Name = "Onderzoek BV", Membership = "VBO" },
            questionnaires, companies, archive, renderer, pdfSigner, new OpenAnswersService(sources, sources, sources, questionnaires), sources, time);
    }

    [Fact]
    public async Task The_pdf_is_signed_by_the_signer_for_the_bureau_as_this_companys_uwv_report_of_the_year()
    {
        var draft = await reports.Drafts.SaveDraftAsync("acme", 2026, [Healthy()], At(2027, 1, 15), default);

        var signing = await reports.Signing.SignAsync("acme", 2026, draft.Id, "J. de Vries", "Akkoord.", default);

        Assert.Equal(new ReportPdfSignature("J. de Vries", "Onderzoek BV", time.GetUtcNow(), "Jaarrapportage KTO 2026 voor UWV, Acme Re-integratie"),
            Assert.Single(pdfSigner.Signatures));
        // Signed, submitted date unknown, deadline to come: the checklist is pending, and so is the version row.
        Assert.Equal(("pending", "pending"), (draft.ChecklistStatus, signing.Version!.ChecklistStatus));
    }

    [Fact]
    public async Task A_draft_with_a_failed_check_is_recorded_failed()
    {
        var draft = await reports.Drafts.SaveDraftAsync("acme", 2026, [Healthy() with { Approached = 19 }], At(2027, 1, 15), default);

        Assert.Equal("failed", draft.ChecklistStatus);
    }

    [Fact]
    public async Task A_company_unknown_to_the_store_is_named_by_its_id_in_its_draft()
    {
        var draft = await reports.Drafts.SaveDraftAsync("gone", 2026, [Healthy()], At(2027, 1, 15), default);

        Assert.Equal("gone", (await reports.Drafts.DraftReportAsync("gone", 2026, draft.Id, default))!.CompanyName);
    }

    [Fact]
    public async Task A_signed_version_reads_back_as_the_report_that_was_signed_and_a_missing_one_as_nothing()
    {
        var draft = await reports.Drafts.SaveDraftAsync("acme", 2026, [Healthy()], At(2027, 1, 15), default);
        await reports.Signing.SignAsync("acme", 2026, draft.Id, "J. de Vries", "Akkoord.", default);

        var report = (await reports.Files.VersionReportAsync("acme", 2026, 1, default))!;

        Assert.Equal(("Acme Re-integratie", "Akkoord.", "J. de Vries"), (report.CompanyName, report.Conclusion, report.Signature!.SignedBy));
        Assert.Null(await reports.Files.VersionReportAsync("acme", 2026, 2, default));
    }

    [Fact]
    public async Task The_review_is_only_for_the_current_draft_named_in_any_case()
    {
        var draft = await reports.Drafts.SaveDraftAsync("acme", 2026, [Healthy()], At(2027, 1, 15), default);

        Assert.NotNull(await reports.Drafts.ReviewBeforeSigningAsync("acme", 2026, $" {draft.Id.ToUpperInvariant()} ", default));
        Assert.Null(await reports.Drafts.ReviewBeforeSigningAsync("acme", 2025, draft.Id, default));
        Assert.Equal(UwvCheckStatus.Pending, (await reports.Drafts.DraftChecklistAsync("acme", 2026, draft.Id, default))!.Status);
        Assert.Null(await reports.Drafts.DraftChecklistAsync("acme", 2026, "other", default));
    }

    private sealed class CapturingSigner : IReportPdfSigner
    {
        public List<ReportPdfSignature> Signatures { get; } = [];

        public Task<byte[]> SignAsync(byte[] pdf, ReportPdfSignature signature, CancellationToken cancellationToken)
        {
            Signatures.Add(signature);
            return Task.FromResult(pdf.Concat(Encoding.UTF8.GetBytes(" signed")).ToArray());
        }
    }
}
