using System.Text;
using Kto.Core.Reports;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Reports;

/// <summary>
/// The one way any report's draft becomes a signed version: the draft the bureau reviewed (named by its id), with a
/// conclusion, once per draft, signer and conclusion, decided by a claim in storage — never twice, never lost.
/// </summary>
public sealed class ReportVersionSignerTests
{
    private static readonly DateTimeOffset Now = new(2027, 2, 10, 11, 0, 0, TimeSpan.Zero);

    private readonly InMemoryVersionStore<Inputs> archive = new();
    private readonly FakeTimeProvider time = new(Now);
    private readonly MarkingPdfSigner pdfSigner = new();
    private readonly List<(Inputs Draft, string Conclusion, ReportSignature Signature, int Version)> rendered = [];
    private readonly ReportVersionSigner signer;
    private readonly ReportDraftInfo draft;

    public ReportVersionSignerTests()
    {
        signer = new ReportVersionSigner(pdfSigner, time);
        draft = archive.SaveDraftAsync("acme", 2026, Files("draft"), new Inputs(Now.AddDays(-1), "figures"), "pending").Result;
    }

    private sealed record Inputs(DateTimeOffset GeneratedAt, string Figures) : IDraftInputs;

    private static ReportFiles Files(string what) =>
        new(Encoding.UTF8.GetBytes($"pdf {what}"), Encoding.UTF8.GetBytes($"xlsx {what}"), Encoding.UTF8.GetBytes($"json {what}"));

    private SignedRendering Render(Inputs inputs, string conclusion, ReportSignature signature, int version)
    {
        rendered.Add((inputs, conclusion, signature, version));
        return new SignedRendering(Files($"v{version} {conclusion}"), new ReportPdfSignature(signature.SignedBy, "Onderzoek BV", signature.SignedAt, "reason"),
            "Acme", "passed");
    }

    private Task<ReportSigningResult> SignAsync(string conclusion, string by = "J. de Vries", string? draftId = null) =>
        signer.SignAsync(archive, "acme", 2026, draftId ?? draft.Id, by, conclusion, Render, default);

    /// <summary>The claim key the signer uses, for a test that plays another host holding the same signing.</summary>
    private static string Key(string draftId, string by, string conclusion) =>
        ReportVersionSigner.Sha256(Encoding.UTF8.GetBytes($"{draftId.ToLowerInvariant()}\n{by}\n{conclusion}"));

    [Fact]
    public async Task A_signed_version_keeps_the_drafts_inputs_the_signed_pdf_and_its_hash_and_names_signer_time_and_draft()
    {
        var signing = await SignAsync("Akkoord.", by: "  J. de Vries ");

        Assert.Equal(ReportSigningOutcome.Signed, signing.Outcome);
        var version = signing.Version!;
        Assert.Equal((1, "J. de Vries", Now, "passed", draft.Id), (version.Version, version.SignedBy, version.SignedAt, version.ChecklistStatus, version.DraftId));
        var pdf = (await archive.ReadVersionFileAsync("acme", 2026, 1, ReportFileNames.Pdf, default))!;
        Assert.Equal("pdf v1 Akkoord. signed by J. de Vries", Encoding.UTF8.GetString(pdf));
        Assert.Equal(ReportVersionSigner.Sha256(pdf), version.Sha256);
        Assert.Equal(new Inputs(Now.AddDays(-1), "figures"), await archive.ReadVersionInputsAsync("acme", 2026, 1, default));
        Assert.Equal(("Akkoord.", new ReportSignature("J. de Vries", Now), 1), (rendered.Single().Conclusion, rendered.Single().Signature, rendered.Single().Version));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \r\n ")]
    public async Task Without_a_conclusion_nothing_is_claimed_or_signed(string? conclusion)
    {
        var signing = await signer.SignAsync(archive, "acme", 2026, draft.Id, "J. de Vries", conclusion, Render, default);

        Assert.Equal(ReportSigningOutcome.ConclusionMissing, signing.Outcome);
        Assert.Empty(archive.ClaimedStaleBefore);
        Assert.Empty(rendered);
    }

    [Fact]
    public async Task The_draft_id_is_recognised_in_any_case_and_with_spaces_around_it()
    {
        var signing = await SignAsync("Akkoord.", draftId: $" {draft.Id.ToUpperInvariant()} ");

        Assert.Equal(ReportSigningOutcome.Signed, signing.Outcome);
    }

    [Fact]
    public async Task Another_draft_id_is_a_replaced_draft_and_the_answer_names_the_current_one()
    {
        var signing = await SignAsync("Akkoord.", draftId: new string('0', 64));

        Assert.Equal((ReportSigningOutcome.DraftReplaced, draft.Id), (signing.Outcome, signing.CurrentDraftId));
        Assert.Empty(rendered);
    }

    [Fact]
    public async Task Without_a_draft_there_is_nothing_to_sign()
    {
        var signing = await signer.SignAsync(archive, "acme", 2025, draft.Id, "J. de Vries", "Akkoord.", Render, default);

        Assert.Equal(ReportSigningOutcome.NoDraft, signing.Outcome);
    }

    [Fact]
    public async Task The_same_conclusion_sent_with_other_line_endings_or_spaces_is_the_same_signing()
    {
        // A browser sends CRLF, a shell LF: a retried form must not make a second version.
        var first = await SignAsync("Akkoord.\r\nRespons te laag.\r");

        var again = await SignAsync("  Akkoord.\nRespons te laag.\n\n");

        Assert.Equal("Akkoord.\nRespons te laag.", rendered.Single().Conclusion);
        Assert.Equal(ReportSigningOutcome.AlreadySigned, again.Outcome);
        Assert.Equal(first.Version!.Version, again.Version!.Version);
    }

    [Fact]
    public async Task A_claim_counts_as_abandoned_only_after_the_lease_of_two_minutes()
    {
        await SignAsync("Akkoord.");

        Assert.Equal(TimeSpan.FromMinutes(2), ReportVersionSigner.ClaimLease);
        Assert.Equal(Now - ReportVersionSigner.ClaimLease, Assert.Single(archive.ClaimedStaleBefore));
    }

    [Fact]
    public async Task A_signing_under_way_elsewhere_is_waited_for_and_answered_with_its_version_not_signed_again()
    {
        // Another host holds the claim of exactly this signing (a double click) and is writing version 1.
        var other = await archive.ClaimVersionAsync("acme", 2026, Key(draft.Id, "J. de Vries", "Akkoord."), draft.Id, "J. de Vries", Now, Now, default);
        var waiting = SignAsync("Akkoord.");
        Assert.False(waiting.IsCompleted);

        await archive.CompleteVersionAsync("acme", 2026, other.Version, Files("other"), "sha-of-other", "Acme", Now, "passed", default);
        time.Advance(TimeSpan.FromMilliseconds(200));
        var signing = await waiting;

        Assert.Equal((ReportSigningOutcome.AlreadySigned, other.Version, "sha-of-other"), (signing.Outcome, signing.Version!.Version, signing.Version.Sha256));
        Assert.Empty(rendered);
    }

    [Fact]
    public async Task A_signing_that_fails_gives_its_claim_up_so_a_retry_signs()
    {
        var failing = signer.SignAsync<Inputs>(archive, "acme", 2026, draft.Id, "J. de Vries", "Akkoord.",
            (_, _, _, _) => throw new InvalidOperationException("renderer down"), default);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal(Key(draft.Id, "J. de Vries", "Akkoord."), Assert.Single(archive.Released).SigningKey);

        var retry = await SignAsync("Akkoord.");

        Assert.Equal(ReportSigningOutcome.Signed, retry.Outcome);
        Assert.Single((await archive.ListAsync("acme", 2026, default)).Versions);
    }
}
