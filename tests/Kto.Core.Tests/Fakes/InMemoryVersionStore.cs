using System.Security.Cryptography;
using Kto.Core.Reports;

namespace Kto.Core.Tests.Fakes;

/// <summary>
/// Drafts and signed versions of any report kind in memory (the UWV report's archive is <see cref="InMemoryReportArchive"/>,
/// the Keurmerk report's this class as is), with the same rules as the real archive: a draft id names its files, a draft is
/// replaced only at the revision read, a version's inputs are written once and read only once it is signed.
/// </summary>
public class InMemoryVersionStore<TInputs> : IReportVersionStore<TInputs> where TInputs : class, IDraftInputs
{
    private readonly Dictionary<(string, int), (ReportDraftInfo Info, ReportFiles Files, TInputs Inputs)> drafts = new();
    private readonly Dictionary<(string, int), List<(ReportVersionInfo Info, ReportFiles Files)>> versions = new();
    private readonly Dictionary<(string, int), int> reserved = new();
    private readonly Dictionary<(string, int, string), int> claims = new();
    private readonly Dictionary<(string, int), int> revisions = new();
    private readonly Dictionary<string, VerifiedReport> verified = new();
    private readonly Dictionary<(string, int, int), TInputs> versionInputs = new();

    /// <summary>Runs once, just before the next conditional replace: lets a test play another host saving a draft in between.</summary>
    public Func<Task>? BeforeNextReplace { get; set; }

    public int ReplaceAttempts { get; private set; }

    /// <summary>What each claim asked for (the moment before which a claim counts as abandoned), and the claims given up.</summary>
    public List<DateTimeOffset> ClaimedStaleBefore { get; } = [];
    public List<(string SigningKey, int Version)> Released { get; } = [];

    /// <summary>Lets a test replace a stored draft file, to show what signing does and does not read.</summary>
    public void ReplaceDraftFiles(string company, int year, Func<ReportFiles, ReportFiles> change)
    {
        var draft = drafts[(company, year)];
        drafts[(company, year)] = draft with { Files = change(draft.Files) };
    }

    /// <summary>Lets a test stand for a version signed before versions kept their inputs.</summary>
    public void ForgetVersionInputs(string company, int year, int version) => versionInputs.Remove((company, year, version));

    /// <summary>Stores a draft whatever is current (a test's setup, or another host).</summary>
    public Task<ReportDraftInfo> SaveDraftAsync(string company, int year, ReportFiles files, TInputs inputs, string status,
        CancellationToken cancellationToken = default)
    {
        var info = new ReportDraftInfo(Convert.ToHexStringLower(SHA256.HashData(files.Json)), inputs.GeneratedAt, status);
        drafts[(company, year)] = (info, files, inputs);
        revisions[(company, year)] = revisions.GetValueOrDefault((company, year)) + 1;
        return Task.FromResult(info);
    }

    public async Task<ReportDraftInfo?> TryReplaceDraftAsync(string company, int year, ReportFiles files, TInputs inputs, string checklistStatus,
        CurrentDraft? expected, CancellationToken cancellationToken)
    {
        ReplaceAttempts++;
        if (BeforeNextReplace is { } before)
        {
            BeforeNextReplace = null;
            await before();
        }
        var current = await GetCurrentDraftAsync(company, year, cancellationToken);
        if (current?.Revision != expected?.Revision) return null;
        return await SaveDraftAsync(company, year, files, inputs, checklistStatus);
    }

    public Task<CurrentDraft?> GetCurrentDraftAsync(string company, int year, CancellationToken cancellationToken) =>
        Task.FromResult(drafts.TryGetValue((company, year), out var d) ? new CurrentDraft(d.Info, revisions[(company, year)].ToString()) : null);

    public Task<ReportDraftInfo?> GetDraftAsync(string company, int year, CancellationToken cancellationToken) =>
        Task.FromResult(drafts.TryGetValue((company, year), out var d) ? d.Info : null);

    public TInputs? DraftInputs(string company, int year) => drafts.TryGetValue((company, year), out var d) ? d.Inputs : null;

    public Task<byte[]?> ReadDraftFileAsync(string company, int year, string draftId, string file, CancellationToken cancellationToken) =>
        Task.FromResult(drafts.TryGetValue((company, year), out var d) && d.Info.Id == draftId ? d.Files[file] : null);

    public Task<TInputs?> ReadDraftInputsAsync(string company, int year, string draftId, CancellationToken cancellationToken) =>
        Task.FromResult(drafts.TryGetValue((company, year), out var d) && d.Info.Id == draftId ? d.Inputs : null);

    public Task<byte[]?> ReadVersionFileAsync(string company, int year, int version, string file, CancellationToken cancellationToken) =>
        Task.FromResult(Versions(company, year).Where(v => v.Info.Version == version).Select(v => v.Files[file]).FirstOrDefault());

    public Task<(ReportDraftInfo? Draft, IReadOnlyList<ReportVersionInfo> Versions)> ListAsync(string company, int year, CancellationToken cancellationToken) =>
        Task.FromResult<(ReportDraftInfo?, IReadOnlyList<ReportVersionInfo>)>(
            (drafts.TryGetValue((company, year), out var d) ? d.Info : null, Versions(company, year).Select(v => v.Info).ToList()));

    public Task SaveVersionInputsAsync(string company, int year, int version, TInputs inputs, CancellationToken cancellationToken)
    {
        versionInputs.Add((company, year, version), inputs); // written once, as the real archive
        return Task.CompletedTask;
    }

    public Task<TInputs?> ReadVersionInputsAsync(string company, int year, int version, CancellationToken cancellationToken) =>
        Task.FromResult(Versions(company, year).Any(v => v.Info.Version == version) ? versionInputs.GetValueOrDefault((company, year, version)) : null);

    public Task<VersionClaim> ClaimVersionAsync(string company, int year, string signingKey, string draftId, string signedBy, DateTimeOffset signedAt,
        DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        ClaimedStaleBefore.Add(staleBefore);
        if (claims.TryGetValue((company, year, signingKey), out var claimed))
            return Task.FromResult(new VersionClaim(claimed, Versions(company, year).Any(v => v.Info.Version == claimed) ? VersionClaim.States.Done : VersionClaim.States.Busy));
        var next = reserved[(company, year)] = reserved.GetValueOrDefault((company, year)) + 1;
        claims[(company, year, signingKey)] = next;
        return Task.FromResult(new VersionClaim(next, VersionClaim.States.New));
    }

    public Task ReleaseClaimAsync(string company, int year, string signingKey, int version, CancellationToken cancellationToken)
    {
        Released.Add((signingKey, version));
        claims.Remove((company, year, signingKey));
        return Task.CompletedTask;
    }

    public Task CompleteVersionAsync(string company, int year, int version, ReportFiles files, string sha256, string companyName,
        DateTimeOffset signedAt, string checklistStatus, CancellationToken cancellationToken)
    {
        Versions(company, year).Add((new ReportVersionInfo(version, "?", signedAt, sha256, checklistStatus), files));
        verified[sha256] = new VerifiedReport(companyName, year, version, signedAt);
        return Task.CompletedTask;
    }

    public Task<VerifiedReport?> FindByHashAsync(string sha256, CancellationToken cancellationToken) =>
        Task.FromResult(verified.GetValueOrDefault(sha256));

    private List<(ReportVersionInfo Info, ReportFiles Files)> Versions(string company, int year) =>
        versions.TryGetValue((company, year), out var list) ? list : versions[(company, year)] = [];
}
