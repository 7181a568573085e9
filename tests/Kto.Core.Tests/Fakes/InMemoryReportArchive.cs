using System.Security.Cryptography;
using Kto.Core.Reports;

namespace Kto.Core.Tests.Fakes;

/// <summary>Drafts and signed versions in memory, with the same rules as the real archive: a draft id names its files.</summary>
public sealed class InMemoryReportArchive : IReportArchive
{
    private readonly Dictionary<(string, int), (ReportDraftInfo Info, ReportFiles Files, ReportDraftInputs Inputs)> drafts = new();
    private readonly Dictionary<(string, int), List<(ReportVersionInfo Info, ReportFiles Files)>> versions = new();
    private readonly Dictionary<(string, int), int> reserved = new();
    private readonly Dictionary<(string, int, string), int> claims = new();
    private readonly Dictionary<(string, int), int> revisions = new();
    private readonly Dictionary<string, VerifiedReport> verified = new();
    private readonly Dictionary<(string, int, int), ReportDraftInputs> versionInputs = new();

    /// <summary>Lets a test replace a stored draft file, to show what signing does and does not read.</summary>
    public void ReplaceDraftFiles(string company, int year, Func<ReportFiles, ReportFiles> change)
    {
        var draft = drafts[(company, year)];
        drafts[(company, year)] = draft with { Files = change(draft.Files) };
    }

    /// <summary>Stores a draft whatever is current (a test's setup).</summary>
    public Task<ReportDraftInfo> SaveDraftAsync(string company, int year, ReportFiles files, ReportDraftInputs inputs, string checklistStatus,
        CancellationToken cancellationToken)
    {
        var info = new ReportDraftInfo(Convert.ToHexStringLower(SHA256.HashData(files.Json)), inputs.GeneratedAt, checklistStatus);
        drafts[(company, year)] = (info, files, inputs);
        revisions[(company, year)] = revisions.GetValueOrDefault((company, year)) + 1;
        return Task.FromResult(info);
    }

    public async Task<ReportDraftInfo?> TryReplaceDraftAsync(string company, int year, ReportFiles files, ReportDraftInputs inputs, string checklistStatus,
        string? expectedRevision, CancellationToken cancellationToken)
    {
        var current = await GetCurrentDraftAsync(company, year, cancellationToken);
        if (current?.Revision != expectedRevision) return null;
        return await SaveDraftAsync(company, year, files, inputs, checklistStatus, cancellationToken);
    }

    public Task<CurrentDraft?> GetCurrentDraftAsync(string company, int year, CancellationToken cancellationToken) =>
        Task.FromResult(drafts.TryGetValue((company, year), out var d) ? new CurrentDraft(d.Info, revisions[(company, year)].ToString()) : null);

    public Task<ReportDraftInfo?> GetDraftAsync(string company, int year, CancellationToken cancellationToken) =>
        Task.FromResult(drafts.TryGetValue((company, year), out var d) ? d.Info : null);

    public Task<byte[]?> ReadDraftFileAsync(string company, int year, string draftId, string file, CancellationToken cancellationToken) =>
        Task.FromResult(drafts.TryGetValue((company, year), out var d) && d.Info.Id == draftId ? d.Files[file] : null);

    public Task<ReportDraftInputs?> ReadDraftInputsAsync(string company, int year, string draftId, CancellationToken cancellationToken) =>
        Task.FromResult(drafts.TryGetValue((company, year), out var d) && d.Info.Id == draftId ? d.Inputs : null);

    public Task<byte[]?> ReadVersionFileAsync(string company, int year, int version, string file, CancellationToken cancellationToken) =>
        Task.FromResult(Versions(company, year).Where(v => v.Info.Version == version).Select(v => v.Files[file]).FirstOrDefault());

    public Task<(ReportDraftInfo? Draft, IReadOnlyList<ReportVersionInfo> Versions)> ListAsync(string company, int year, CancellationToken cancellationToken) =>
        Task.FromResult<(ReportDraftInfo?, IReadOnlyList<ReportVersionInfo>)>(
            (drafts.TryGetValue((company, year), out var d) ? d.Info : null, Versions(company, year).Select(v => v.Info).ToList()));

    public Task SaveVersionInputsAsync(string company, int year, int version, ReportDraftInputs inputs, CancellationToken cancellationToken)
    {
        versionInputs.Add((company, year, version), inputs); // written once, as the real archive
        return Task.CompletedTask;
    }

    public Task<ReportDraftInputs?> ReadVersionInputsAsync(string company, int year, int version, CancellationToken cancellationToken) =>
        Task.FromResult(Versions(company, year).Any(v => v.Info.Version == version) ? versionInputs.GetValueOrDefault((company, year, version)) : null);

    /// <summary>Lets a test stand for a version signed before versions kept their inputs.</summary>
    public void ForgetVersionInputs(string company, int year, int version) => versionInputs.Remove((company, year, version));

    public Task<VersionClaim> ClaimVersionAsync(string company, int year, string signingKey, string draftId, string signedBy, DateTimeOffset signedAt,
        DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        if (claims.TryGetValue((company, year, signingKey), out var claimed))
            return Task.FromResult(new VersionClaim(claimed, Versions(company, year).Any(v => v.Info.Version == claimed) ? VersionClaim.States.Done : VersionClaim.States.Busy));
        var next = reserved[(company, year)] = reserved.GetValueOrDefault((company, year)) + 1;
        claims[(company, year, signingKey)] = next;
        return Task.FromResult(new VersionClaim(next, VersionClaim.States.New));
    }

    public Task ReleaseClaimAsync(string company, int year, string signingKey, int version, CancellationToken cancellationToken)
    {
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
