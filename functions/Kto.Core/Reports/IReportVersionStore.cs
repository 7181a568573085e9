namespace Kto.Core.Reports;

/// <summary>
/// Where drafts and signed versions of one kind of report (<see cref="ReportKind"/>) are kept, with the inputs each
/// was built from (<typeparamref name="TInputs"/>); ReportArchive in blob and table storage in Kto.Infrastructure.
/// Tests wrap it to crash between reserving a version and writing it.
/// </summary>
public interface IReportVersionStore<TInputs> where TInputs : class, IDraftInputs
{
    /// <summary>
    /// Stores a draft's files and the inputs it was built from, and makes it the current draft only when the draft row
    /// is still at <paramref name="current"/>'s revision (null: there is no draft yet), the draft the caller read
    /// (<see cref="GetCurrentDraftAsync"/>; the store does not read it again). Null when another save came first: then
    /// this draft is not current and its files are not kept (read the current draft and decide again).
    /// </summary>
    Task<ReportDraftInfo?> TryReplaceDraftAsync(string company, int year, ReportFiles files, TInputs inputs, string checklistStatus,
        CurrentDraft? current, CancellationToken cancellationToken);

    Task<ReportDraftInfo?> GetDraftAsync(string company, int year, CancellationToken cancellationToken);

    /// <summary>The current draft with the revision of its row, to replace it with <see cref="TryReplaceDraftAsync"/>.</summary>
    Task<CurrentDraft?> GetCurrentDraftAsync(string company, int year, CancellationToken cancellationToken);

    Task<byte[]?> ReadDraftFileAsync(string company, int year, string draftId, string file, CancellationToken cancellationToken);

    /// <summary>The inputs the draft named by <paramref name="draftId"/> was built from; null when it is gone.</summary>
    Task<TInputs?> ReadDraftInputsAsync(string company, int year, string draftId, CancellationToken cancellationToken);

    Task<byte[]?> ReadVersionFileAsync(string company, int year, int version, string file, CancellationToken cancellationToken);

    Task<(ReportDraftInfo? Draft, IReadOnlyList<ReportVersionInfo> Versions)> ListAsync(string company, int year, CancellationToken cancellationToken);

    /// <summary>Keeps the inputs a reserved version was built from beside its files (written once), before it is completed.</summary>
    Task SaveVersionInputsAsync(string company, int year, int version, TInputs inputs, CancellationToken cancellationToken);

    /// <summary>The inputs a signed version was built from; null when it was signed before versions kept them.</summary>
    Task<TInputs?> ReadVersionInputsAsync(string company, int year, int version, CancellationToken cancellationToken);

    /// <summary>
    /// Claims a version number for the signing named by <paramref name="signingKey"/>, atomically with reserving
    /// that number: the first request gets <see cref="VersionClaim.States.New"/>; a repeat gets the same number,
    /// <see cref="VersionClaim.States.Done"/> once it is completed, else <see cref="VersionClaim.States.Busy"/>. A claim
    /// made before <paramref name="staleBefore"/> whose version never completed (its signer died) is taken over with
    /// the next number.
    /// </summary>
    Task<VersionClaim> ClaimVersionAsync(string company, int year, string signingKey, string draftId, string signedBy, DateTimeOffset signedAt,
        DateTimeOffset staleBefore, CancellationToken cancellationToken);

    /// <summary>Gives up a claim whose signing failed, so a retry signs afresh (the reserved number stays unused).</summary>
    Task ReleaseClaimAsync(string company, int year, string signingKey, int version, CancellationToken cancellationToken);

    Task CompleteVersionAsync(string company, int year, int version, ReportFiles files, string sha256, string companyName,
        DateTimeOffset signedAt, string checklistStatus, CancellationToken cancellationToken);

    /// <summary>A signed PDF of any kind by its SHA-256, only when its version's signing finished.</summary>
    Task<VerifiedReport?> FindByHashAsync(string sha256, CancellationToken cancellationToken);
}
