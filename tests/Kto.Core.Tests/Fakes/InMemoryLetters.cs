using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Kto.Core.Accounts;
using Kto.Core.Fieldwork;
using Kto.Core.Letters;
using Kto.Core.Survey;

namespace Kto.Core.Tests.Fakes;

/// <summary>Services, contacts and attempts of one fieldwork in memory, for the letter use cases; made for opdrachtgevers
/// it stands for their tables (candidates of that audience).</summary>
public sealed class InMemoryFieldwork(SurveyAudience audience = SurveyAudience.Client) : IFieldworkStore
{
    public ConcurrentDictionary<ServiceRef, (Perceel Perceel, ContactState State)> Services { get; } = new();
    public ConcurrentDictionary<ServiceRef, ContactDetails> Contacts { get; } = new();
    public ConcurrentDictionary<string, ContactAttempt> Attempts { get; } = new();

    /// <summary>Every contact read, in order: personal data is read only where it is needed.</summary>
    public ConcurrentQueue<ServiceRef> ContactReads { get; } = new();

    public void Add(ServiceRef service, ContactState state, ContactDetails contact, Perceel perceel = Perceel.NaarWerk)
    {
        Services[service] = (perceel, state);
        Contacts[service] = contact;
    }

    public async IAsyncEnumerable<FieldworkCandidate> CandidatesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var (service, (perceel, state)) in Services.OrderBy(s => s.Key.ServiceId))
            if (service.Company == company && service.Year == year)
                yield return new FieldworkCandidate(service, perceel, state, "v", null, null, audience);
    }

    public Task<FieldworkCandidate?> GetAsync(ServiceRef service, CancellationToken cancellationToken) =>
        Task.FromResult(Services.TryGetValue(service, out var s) ? new FieldworkCandidate(service, s.Perceel, s.State, "v", null, null, audience) : null);

    public Task<bool> TryClaimAsync(FieldworkCandidate candidate, ContactStep step, DateTimeOffset until, CancellationToken cancellationToken) =>
        Task.FromResult(true);

    public Task<ContactDetails?> GetContactAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        ContactReads.Enqueue(service);
        return Task.FromResult(Contacts.GetValueOrDefault(service));
    }

    /// <summary>Keyed like the attempts table (service, step, time): writing the same attempt again changes nothing.</summary>
    public Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken)
    {
        Attempts[$"{attempt.Service.ServiceId}_{attempt.Step.Number}_{attempt.At.UtcTicks}"] = attempt;
        var (perceel, state) = Services[attempt.Service];
        Services[attempt.Service] = (perceel, state with
        {
            StepsSent = update.StepsSent ?? state.StepsSent,
            InvitedAt = update.InvitedAt ?? state.InvitedAt,
            EmailBounced = update.EmailBounced ?? state.EmailBounced,
        });
        return Task.CompletedTask;
    }

    /// <summary>Keyed like the attempts table's rows written once (service, step, mode, outcome).</summary>
    public async Task<bool> TryRecordOnceAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken)
    {
        var key = $"{attempt.Service.ServiceId}_{attempt.Step.Number}_{attempt.Mode}-{attempt.Outcome}";
        if (!Attempts.TryAdd(key, attempt)) return false;
        await RecordAsync(attempt, update, cancellationToken);
        Attempts.TryRemove($"{attempt.Service.ServiceId}_{attempt.Step.Number}_{attempt.At.UtcTicks}", out _);
        return true;
    }

    public async IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var attempt in Attempts.Values)
            if (attempt.Service.Company == company && attempt.Service.Year == year)
                yield return attempt;
    }
}

/// <summary>Token and code hashes in dictionaries.</summary>
public sealed class InMemoryTokens : ISurveyTokenStore, IShortCodeStore
{
    public ConcurrentDictionary<string, (ServiceRef Service, TokenPurpose Purpose)> Rows { get; } = new();

    public Task SaveAsync(string tokenHash, ServiceRef service, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        Rows[tokenHash] = (service, purpose);
        return Task.CompletedTask;
    }

    public Task<ServiceRef?> FindAsync(string tokenHash, TokenPurpose purpose, CancellationToken cancellationToken) =>
        Task.FromResult(Rows.TryGetValue(tokenHash, out var row) && row.Purpose == purpose ? row.Service : (ServiceRef?)null);

    public Task<bool> TryAddAsync(string codeHash, ServiceRef service, CancellationToken cancellationToken) =>
        Task.FromResult(Rows.TryAdd(codeHash, (service, TokenPurpose.ShortCode)));

    public Task<ServiceRef?> FindAsync(string codeHash, CancellationToken cancellationToken) =>
        FindAsync(codeHash, TokenPurpose.ShortCode, cancellationToken);
}

/// <summary>
/// Batches, their clients and PDFs in memory; versions change on every write, as ETags do, and the year's version with
/// every batch made or posted (one lock stands in for the storage's transaction).
/// </summary>
public sealed class InMemoryLetterBatches : ILetterBatchStore
{
    private readonly ConcurrentDictionary<(string Company, string Id), (LetterBatch Batch, IReadOnlyList<LetterBatchItem> Items)> batches = new();
    private readonly ConcurrentDictionary<(string Company, int Year), string> years = new();
    private readonly Lock gate = new();
    public ConcurrentDictionary<string, byte[]> Pdfs { get; } = new();
    private int version;

    /// <summary>Runs just before a save or a mark checks the versions: a test makes the other party act "at the same moment".</summary>
    public Func<Task>? BeforeCommit { get; set; }

    /// <summary>How many starts and marks to refuse as if the year had changed just before (by a write the test does not
    /// show); <see cref="int.MaxValue"/> for a year that never stops changing.</summary>
    public int CommitsToRefuse { get; set; }

    /// <summary>How often the year's version was read: once per round of a start or a mark.</summary>
    public int YearVersionReads;

    private string Next() => Interlocked.Increment(ref version).ToString();

    private bool Refused()
    {
        if (CommitsToRefuse <= 0) return false;
        CommitsToRefuse--;
        return true;
    }

    public Task<string> YearVersionAsync(string company, int year, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref YearVersionReads);
        return Task.FromResult(years.GetValueOrDefault((company, year)) ?? "");
    }

    public async Task<bool> TryStartAsync(LetterBatch batch, string yearVersion, CancellationToken cancellationToken)
    {
        if (BeforeCommit is { } before) { BeforeCommit = null; await before(); }
        if (Refused()) return false;
        lock (gate)
        {
            if ((years.GetValueOrDefault((batch.Company, batch.Year)) ?? "") != yearVersion) return false;
            batches[(batch.Company, batch.Id)] = (batch with { Version = Next() }, []);
            years[(batch.Company, batch.Year)] = Next();
            return true;
        }
    }

    public Task<LetterBatch?> TryUpdateAsync(LetterBatch batch, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var key = (batch.Company, batch.Id);
            var current = batches[key];
            if (current.Batch.Version != batch.Version) return Task.FromResult<LetterBatch?>(null);
            var updated = batch with { Version = Next() };
            batches[key] = (updated, current.Items);
            return Task.FromResult<LetterBatch?>(updated);
        }
    }

    /// <summary>Upserts by client, as the table does: items a stopped try left stay until deleted.</summary>
    public Task SaveItemsAsync(LetterBatch batch, IReadOnlyList<LetterBatchItem> items, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var key = (batch.Company, batch.Id);
            var saved = items.Select(i => i.ServiceId).ToHashSet();
            batches[key] = (batches[key].Batch, [.. batches[key].Items.Where(i => !saved.Contains(i.ServiceId)), .. items]);
        }
        return Task.CompletedTask;
    }

    public Task DeleteItemsAsync(LetterBatch batch, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var key = (batch.Company, batch.Id);
            batches[key] = (batches[key].Batch, []);
        }
        return Task.CompletedTask;
    }

    /// <summary>PDF parts by batch id and part number.</summary>
    public ConcurrentDictionary<(string Batch, int Part), byte[]> Parts { get; } = new();

    public Task SavePartAsync(LetterBatch batch, int part, byte[] pdf, CancellationToken cancellationToken)
    {
        Parts[(batch.Id, part)] = pdf;
        return Task.CompletedTask;
    }

    public Task<byte[]?> ReadPartAsync(LetterBatch batch, int part, CancellationToken cancellationToken) =>
        Task.FromResult(Parts.GetValueOrDefault((batch.Id, part)));

    public Task DeletePartsAsync(LetterBatch batch, CancellationToken cancellationToken)
    {
        foreach (var key in Parts.Keys.Where(k => k.Batch == batch.Id).ToList()) Parts.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public Task SavePdfAsync(LetterBatch batch, byte[] pdf, CancellationToken cancellationToken)
    {
        Pdfs[batch.Id] = pdf;
        return Task.CompletedTask;
    }

    /// <summary>As a table refuses a row key with / \\ # or ?, this store refuses to be asked for one.</summary>
    public Task<LetterBatch?> GetAsync(string company, string batchId, CancellationToken cancellationToken) =>
        batchId.IndexOfAny(['/', '\\', '#', '?']) >= 0
            ? throw new ArgumentException("Not a key a table can hold.", nameof(batchId))
            : Task.FromResult(batches.TryGetValue((company, batchId), out var b) ? b.Batch : null);

    public Task<IReadOnlyList<LetterBatch>> ListAsync(string company, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LetterBatch>>(batches.Values.Select(b => b.Batch).Where(b => b.Company == company).OrderBy(b => b.Id).ToList());

    public Task<IReadOnlyList<LetterBatchItem>> ItemsAsync(string company, string batchId, CancellationToken cancellationToken) =>
        Task.FromResult(batches.TryGetValue((company, batchId), out var b) ? b.Items : []);

    public async Task<bool> TryMarkPostedAsync(LetterBatch batch, string yearVersion, DateTimeOffset at, string by, DateTimeOffset recordingUntil,
        CancellationToken cancellationToken)
    {
        if (BeforeCommit is { } before) { BeforeCommit = null; await before(); }
        if (Refused()) return false;
        lock (gate)
        {
            var key = (batch.Company, batch.Id);
            var current = batches[key];
            if (current.Batch.Version != batch.Version || (years.GetValueOrDefault((batch.Company, batch.Year)) ?? "") != yearVersion) return false;
            batches[key] = (current.Batch with { PostedAt = at, PostedBy = by, RecordingUntil = recordingUntil, Version = Next() }, current.Items);
            years[(batch.Company, batch.Year)] = Next();
            return true;
        }
    }

    public Task<bool> TryClaimRecordingAsync(LetterBatch batch, DateTimeOffset until, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var key = (batch.Company, batch.Id);
            var current = batches[key];
            if (current.Batch.Version != batch.Version) return Task.FromResult(false);
            batches[key] = (current.Batch with { RecordingUntil = until, Version = Next() }, current.Items);
            return Task.FromResult(true);
        }
    }

    public Task MarkAttemptsRecordedAsync(LetterBatch batch, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var key = (batch.Company, batch.Id);
            var current = batches[key];
            batches[key] = (current.Batch with { AttemptsRecorded = true, Version = Next() }, current.Items);
        }
        return Task.CompletedTask;
    }

    public Task<byte[]?> ReadPdfAsync(LetterBatch batch, CancellationToken cancellationToken) => Task.FromResult(Pdfs.GetValueOrDefault(batch.Id));

    public Task DeletePdfAsync(LetterBatch batch, CancellationToken cancellationToken)
    {
        Pdfs.TryRemove(batch.Id, out _);
        return Task.CompletedTask;
    }
}

/// <summary>Keeps the documents it was asked to draw; the "PDF" is a marker.</summary>
public sealed class RecordingLetterRenderer : ILetterRenderer
{
    public List<LetterDocument> Documents { get; } = [];

    public byte[] Render(LetterDocument document)
    {
        lock (Documents) Documents.Add(document);
        return [0x25, 0x50, 0x44, 0x46];
    }

    /// <summary>How many parts each merge joined.</summary>
    public List<int> Merged { get; } = [];

    /// <summary>The title each merged PDF was given.</summary>
    public List<string> Titles { get; } = [];

    /// <summary>Runs during a merge: a test makes something happen while the PDF is put together.</summary>
    public Action? OnMerge { get; set; }

    public byte[] Merge(IReadOnlyList<byte[]> parts, string title)
    {
        lock (Merged)
        {
            Merged.Add(parts.Count);
            Titles.Add(title);
        }
        OnMerge?.Invoke();
        return parts.Count == 1 ? parts[0] : [.. parts.SelectMany(p => p)];
    }
}

public sealed class FixedSurveyLinks : ISurveyLinks
{
    public string Questionnaire(string surveyToken) => $"https://kto.test/s?t={surveyToken}";
    public string OptOut(string optOutToken) => $"https://kto.test/s/afmelden?o={optOutToken}";
    public string ShortCodePage() => "https://kto.test/k";
}

public sealed class InMemoryAuditLog : IAuditLog
{
    public ConcurrentQueue<AuditEntry> Entries { get; } = new();

    public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        Entries.Enqueue(entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>(Entries.Reverse().Take(count).ToList());
}
