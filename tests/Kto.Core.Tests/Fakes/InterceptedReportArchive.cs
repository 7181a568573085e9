using Kto.Core.Reports;

namespace Kto.Core.Tests.Fakes;

/// <summary>
/// An <see cref="InMemoryReportArchive"/> whose draft inputs can be read differently than they were stored, which the
/// in-memory archive never does on its own: lost while the draft row stays (a missing or unreadable inputs blob), read
/// as an older draft's inputs, or replaced by another host just before they are read.
/// </summary>
public sealed class InterceptedReportArchive(InMemoryReportArchive inner) : IReportArchive
{
    /// <summary>From now on no draft's inputs can be read; the drafts themselves stay current.</summary>
    public bool DraftInputsUnreadable { get; set; }

    /// <summary>Changes the draft inputs as read (e.g. as a draft stored before its inputs carried open answers).</summary>
    public Func<ReportDraftInputs, ReportDraftInputs>? DraftInputsAsRead { get; set; }

    /// <summary>Runs once, just before the next read of a draft's inputs: lets a test play a run saving a new draft in between.</summary>
    public Func<Task>? BeforeNextInputsRead { get; set; }

    public async Task<ReportDraftInputs?> ReadDraftInputsAsync(string company, int year, string draftId, CancellationToken cancellationToken)
    {
        if (BeforeNextInputsRead is { } before)
        {
            BeforeNextInputsRead = null;
            await before();
        }
        if (DraftInputsUnreadable) return null;
        var inputs = await inner.ReadDraftInputsAsync(company, year, draftId, cancellationToken);
        return inputs is not null && DraftInputsAsRead is { } change ? change(inputs) : inputs;
    }

    public Task<ReportDraftInfo?> TryReplaceDraftAsync(string company, int year, ReportFiles files, ReportDraftInputs inputs, string checklistStatus,
        CurrentDraft? current, CancellationToken cancellationToken) =>
        inner.TryReplaceDraftAsync(company, year, files, inputs, checklistStatus, current, cancellationToken);

    public Task<ReportDraftInfo?> GetDraftAsync(string company, int year, CancellationToken cancellationToken) =>
        inner.GetDraftAsync(company, year, cancellationToken);

    public Task<CurrentDraft?> GetCurrentDraftAsync(string company, int year, CancellationToken cancellationToken) =>
        inner.GetCurrentDraftAsync(company, year, cancellationToken);

    public Task<byte[]?> ReadDraftFileAsync(string company, int year, string draftId, string file, CancellationToken cancellationToken) =>
        inner.ReadDraftFileAsync(company, year, draftId, file, cancellationToken);

    public Task<byte[]?> ReadVersionFileAsync(string company, int year, int version, string file, CancellationToken cancellationToken) =>
        inner.ReadVersionFileAsync(company, year, version, file, cancellationToken);

    public Task<(ReportDraftInfo? Draft, IReadOnlyList<ReportVersionInfo> Versions)> ListAsync(string company, int year, CancellationToken cancellationToken) =>
        inner.ListAsync(company, year, cancellationToken);

    public Task SaveVersionInputsAsync(string company, int year, int version, ReportDraftInputs inputs, CancellationToken cancellationToken) =>
        inner.SaveVersionInputsAsync(company, year, version, inputs, cancellationToken);

    public Task<ReportDraftInputs?> ReadVersionInputsAsync(string company, int year, int version, CancellationToken cancellationToken) =>
        inner.ReadVersionInputsAsync(company, year, version, cancellationToken);

    public Task<VersionClaim> ClaimVersionAsync(string company, int year, string signingKey, string draftId, string signedBy, DateTimeOffset signedAt,
        DateTimeOffset staleBefore, CancellationToken cancellationToken) =>
        inner.ClaimVersionAsync(company, year, signingKey, draftId, signedBy, signedAt, staleBefore, cancellationToken);

    public Task ReleaseClaimAsync(string company, int year, string signingKey, int version, CancellationToken cancellationToken) =>
        inner.ReleaseClaimAsync(company, year, signingKey, version, cancellationToken);

    public Task CompleteVersionAsync(string company, int year, int version, ReportFiles files, string sha256, string companyName,
        DateTimeOffset signedAt, string checklistStatus, CancellationToken cancellationToken) =>
        inner.CompleteVersionAsync(company, year, version, files, sha256, companyName, signedAt, checklistStatus, cancellationToken);

    public Task<VerifiedReport?> FindByHashAsync(string sha256, CancellationToken cancellationToken) =>
        inner.FindByHashAsync(sha256, cancellationToken);
}
