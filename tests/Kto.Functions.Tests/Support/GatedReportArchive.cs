using Kto.Core.Reports;

namespace Kto.Functions.Tests.Support;

/// <summary>
/// The real report archive, except that the first draft replace waits on a gate: the test learns it has arrived
/// (<see cref="Arrived"/>), lets other work finish through the real stack meanwhile, and then opens the gate
/// (<see cref="Release"/>). So a hide's save can be held between its read of the draft and its write.
/// </summary>
public sealed class GatedReportArchive(IReportArchive inner) : IReportArchive
{
    private readonly TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int calls;

    /// <summary>Completes when the first replace has arrived at the gate.</summary>
    public Task Arrived => arrived.Task;

    public void Release() => gate.TrySetResult();

    public async Task<ReportDraftInfo?> TryReplaceDraftAsync(string company, int year, ReportFiles files, ReportDraftInputs inputs, string checklistStatus,
        CurrentDraft? current, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref calls) == 1)
        {
            arrived.TrySetResult();
            await gate.Task.WaitAsync(cancellationToken);
        }
        return await inner.TryReplaceDraftAsync(company, year, files, inputs, checklistStatus, current, cancellationToken);
    }

    public Task<VersionClaim> ClaimVersionAsync(string company, int year, string signingKey, string draftId, string signedBy, DateTimeOffset signedAt,
        DateTimeOffset staleBefore, CancellationToken cancellationToken) =>
        inner.ClaimVersionAsync(company, year, signingKey, draftId, signedBy, signedAt, staleBefore, cancellationToken);

    public Task CompleteVersionAsync(string company, int year, int version, ReportFiles files, string sha256, string companyName,
        DateTimeOffset signedAt, string checklistStatus, CancellationToken cancellationToken) =>
        inner.CompleteVersionAsync(company, year, version, files, sha256, companyName, signedAt, checklistStatus, cancellationToken);

    public Task ReleaseClaimAsync(string company, int year, string signingKey, int version, CancellationToken cancellationToken) =>
        inner.ReleaseClaimAsync(company, year, signingKey, version, cancellationToken);

    public Task SaveVersionInputsAsync(string company, int year, int version, ReportDraftInputs inputs, CancellationToken cancellationToken) =>
        inner.SaveVersionInputsAsync(company, year, version, inputs, cancellationToken);

    public Task<ReportDraftInputs?> ReadVersionInputsAsync(string company, int year, int version, CancellationToken cancellationToken) =>
        inner.ReadVersionInputsAsync(company, year, version, cancellationToken);

    public Task<CurrentDraft?> GetCurrentDraftAsync(string company, int year, CancellationToken cancellationToken) =>
        inner.GetCurrentDraftAsync(company, year, cancellationToken);

    public Task<ReportDraftInputs?> ReadDraftInputsAsync(string company, int year, string draftId, CancellationToken cancellationToken) =>
        inner.ReadDraftInputsAsync(company, year, draftId, cancellationToken);

    public Task<ReportDraftInfo?> GetDraftAsync(string company, int year, CancellationToken cancellationToken) =>
        inner.GetDraftAsync(company, year, cancellationToken);

    public Task<byte[]?> ReadDraftFileAsync(string company, int year, string draftId, string file, CancellationToken cancellationToken) =>
        inner.ReadDraftFileAsync(company, year, draftId, file, cancellationToken);

    public Task<byte[]?> ReadVersionFileAsync(string company, int year, int version, string file, CancellationToken cancellationToken) =>
        inner.ReadVersionFileAsync(company, year, version, file, cancellationToken);

    public Task<(ReportDraftInfo? Draft, IReadOnlyList<ReportVersionInfo> Versions)> ListAsync(string company, int year, CancellationToken cancellationToken) =>
        inner.ListAsync(company, year, cancellationToken);

    public Task<VerifiedReport?> FindByHashAsync(string sha256, CancellationToken cancellationToken) => inner.FindByHashAsync(sha256, cancellationToken);
}
