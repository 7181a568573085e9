using System.Security.Cryptography;
using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Fieldwork;
using Kto.Core.Questionnaires;
using Kto.Core.Settings;
using Kto.Core.Survey;

namespace Kto.Core.Letters;

/// <summary>
/// Letters for the clients e-mail cannot reach but the post can (<see cref="OfflineRoutes.NeedsLetter"/>): a batch per
/// company and year with the first letter for those never written to, and reminder letters once the reminder days
/// have passed since the first letter was posted (<see cref="ContactPolicy.DueLetter"/>). Each letter carries a fresh
/// personal link (in a QR code) and a fresh short code. Marking a batch posted records one <c>letter</c> attempt per
/// client, exactly once however often (and however many at once) it is marked. Given the audience store
/// (<c>AudienceFieldworkStore</c>), opdrachtgevers (Blik op Werk) are in the same batches by the same rules, each letter
/// with its audience's text and paper form, and their attempts go to their own store.
/// <para>
/// Making a batch again before the last one is posted <b>replaces</b> it: the earlier batch can no longer be marked
/// posted (<see cref="PostOutcome.Replaced"/>) and its PDF is removed, so two letters to one client can never both be
/// recorded. Its links and codes keep working: they open the same client's questionnaire.
/// </para>
/// <para>
/// Making and posting are serialised per company and year in storage (<see cref="ILetterBatchStore.YearVersionAsync"/>),
/// not in memory: several instances may run them at once, and every client still gets at most one first letter and
/// one letter per reminder.
/// </para>
/// </summary>
public sealed class LetterBatchService(
    IFieldworkStore fieldwork,
    ICompanyStore companies,
    ISurveyTokenStore tokens,
    IShortCodeStore codes,
    ISurveyLinks links,
    ILetterBatchStore batches,
    ILetterRenderer renderer,
    ContactPolicy policy,
    QuestionnaireCatalog questionnaires,
    IAuditLog audit,
    TimeProvider time,
    SurveyFormKey key,
    FieldworkSettings? fieldworkSettings = null)
{
    public enum MakeOutcome { Made, NothingDue, UnknownCompany }

    /// <summary><see cref="Started"/>: a new batch, its run still to be started; <see cref="Joined"/>: the batch another
    /// make started (still being made, or made at the same moment): one batch for a double click or a retried request.</summary>
    public enum StartOutcome { Started, Joined, UnknownCompany }

    public enum PostOutcome { Recorded, AlreadyPosted, Replaced, UnknownBatch, NotReady }

    /// <summary>How long the one who marks a batch posted holds the claim on writing its attempts: a later mark takes
    /// over only after this (a crash half way), never while the first is still writing.</summary>
    public static readonly TimeSpan RecordingLease = TimeSpan.FromMinutes(5);

    /// <summary>How long a batch's background run may go without finishing a step before a make or mark gives it up.</summary>
    public static readonly TimeSpan WorkLease = TimeSpan.FromMinutes(10);

    /// <summary>Rounds of "the year changed while I worked, look again" before giving up (each means another batch was made or posted).</summary>
    private const int Rounds = 8;

    private readonly int lettersPerStep = Math.Max(1, fieldworkSettings?.LettersPerStep ?? 250);

    /// <param name="Replaced">The unposted batches this one replaces (their PDFs are gone; they must not be posted).</param>
    public sealed record MakeResult(MakeOutcome Outcome, LetterBatch? Batch = null, byte[]? Pdf = null, IReadOnlyList<LetterBatch>? Replaced = null);

    /// <param name="Replaces">The open batches the new one replaces once made (from now on they cannot be posted).</param>
    public sealed record StartResult(StartOutcome Outcome, LetterBatch? Batch = null, IReadOnlyList<LetterBatch>? Replaces = null);

    /// <param name="Recorded">Letter attempts written by this call (0 when every one was written before).</param>
    public sealed record PostResult(PostOutcome Outcome, LetterBatch? Batch = null, int Recorded = 0);

    /// <summary>
    /// Starts the batch of every letter due now for the company's clients of <paramref name="year"/>: adds its row (being
    /// made) with a new year version, so from now on no earlier batch of the year can be posted (it is replaced) and two
    /// makes at once give one batch. While a batch is being made, another make answers with it. The letters are found
    /// and drawn by the background run: <see cref="PlanAsync"/>, <see cref="WritePartAsync"/> per part, <see cref="FinishAsync"/>.
    /// </summary>
    public async Task<StartResult> StartAsync(string company, int year, string createdBy, CancellationToken cancellationToken)
    {
        if (await companies.GetAsync(company, cancellationToken) is null) return new StartResult(StartOutcome.UnknownCompany);

        for (var round = 0; round < Rounds; round++)
        {
            // The version first: whatever is made or posted after this read makes the start below fail.
            var version = await batches.YearVersionAsync(company, year, cancellationToken);
            var earlier = await OfYearAsync(company, year, cancellationToken);
            var now = time.GetUtcNow();
            if (earlier.FirstOrDefault(b => b.IsMaking(now)) is { } running) return new StartResult(StartOutcome.Joined, running);
            if (await GiveUpStaleAsync(earlier, now, cancellationToken)) continue;

            var batch = new LetterBatch(NewId(now), company, year, now, createdBy, 0, 0,
                State: LetterBatchState.Making, WorkingUntil: now + WorkLease);
            if (await batches.TryStartAsync(batch, version, cancellationToken))
                return new StartResult(StartOutcome.Started, await batches.GetAsync(company, batch.Id, cancellationToken) ?? batch, Open(earlier, now));

            // Someone made or posted a batch of this year meanwhile. Made only (nothing posted): that batch is the
            // answer (a double click makes one batch). Posted: look again.
            if (MadeAlongside(earlier, await OfYearAsync(company, year, cancellationToken)) is { } other)
                return new StartResult(StartOutcome.Joined, other, Open(earlier, now));
        }
        throw new InvalidOperationException($"Letters {company} {year}: the year kept changing while a batch was started ({Rounds} rounds).");
    }

    /// <summary>
    /// The run's first step: finds who gets which letter (from the state at the start: nothing of the year can be posted
    /// meanwhile) and stores it with the batch's counts. Null when the batch is no longer being made (given up); a batch
    /// with nothing due ends <see cref="LetterBatchState.Empty"/>. Run again, it answers what the first run stored.
    /// </summary>
    public async Task<LetterBatch?> PlanAsync(string company, string batchId, CancellationToken cancellationToken)
    {
        if (await MakingAsync(company, batchId, cancellationToken) is not { } batch) return null;
        if (batch.Total is not null) return batch;
        await batches.DeleteItemsAsync(batch, cancellationToken); // what a stopped try left

        var ofYear = await OfYearAsync(company, batch.Year, cancellationToken);
        var now = time.GetUtcNow();
        var posted = await PostedLettersAsync(company, batch.Year, ofYear, cancellationToken);
        var items = new List<LetterBatchItem>();
        await foreach (var candidate in fieldwork.CandidatesAsync(company, batch.Year, cancellationToken))
        {
            if (!OfflineContactService.NeedsLetterOrCall(candidate.State)) continue;
            var contact = await fieldwork.GetContactAsync(candidate.Ref, cancellationToken);
            if (contact is null || !OfflineRoutes.NeedsLetter(candidate.State, contact)) continue;
            if (policy.DueLetter(posted.GetValueOrDefault(candidate.Ref.ServiceId) ?? [], batch.Year, now) is { } letter)
                items.Add(new LetterBatchItem(candidate.Ref.ServiceId, letter));
        }
        await batches.SaveItemsAsync(batch, items, cancellationToken);
        return await batches.TryUpdateAsync(batch with
        {
            FirstLetters = items.Count(i => i.Letter.IsInvitation),
            ReminderLetters = items.Count(i => !i.Letter.IsInvitation),
            Total = items.Count,
            PerPart = lettersPerStep,
            State = items.Count == 0 ? LetterBatchState.Empty : LetterBatchState.Making,
            WorkingUntil = now + WorkLease,
        }, cancellationToken);
    }

    /// <summary>
    /// One step of the run: draws part <paramref name="part"/> of the letters (each with a fresh personal link and short
    /// code) as a PDF part and counts them as done. A part already stored is not drawn again (a retried step). Null when
    /// the batch is no longer being made.
    /// </summary>
    public async Task<LetterBatch?> WritePartAsync(string company, string batchId, int part, CancellationToken cancellationToken)
    {
        if (await MakingAsync(company, batchId, cancellationToken) is not { Total: { } total } batch) return null;
        var done = Math.Min((part + 1) * batch.PerPart, total);
        if (await batches.ReadPartAsync(batch, part, cancellationToken) is null)
        {
            var found = await companies.GetAsync(company, cancellationToken)
                ?? throw new InvalidOperationException($"Letters {company}: the company is gone.");
            var letters = new List<Letter>();
            var items = (await batches.ItemsAsync(company, batchId, cancellationToken))
                .OrderBy(i => i.ServiceId, StringComparer.Ordinal).Skip(part * batch.PerPart).Take(batch.PerPart);
            foreach (var item in items)
            {
                var service = new ServiceRef(company, batch.Year, item.ServiceId);
                var candidate = await fieldwork.GetAsync(service, cancellationToken);
                var contact = await fieldwork.GetContactAsync(service, cancellationToken);
                // Its contact data deleted since the letters were found (retention): no letter to draw.
                if (candidate is null || contact is null) continue;
                var (token, tokenHash) = SurveyToken.New();
                await tokens.SaveAsync(tokenHash, service, cancellationToken);
                var code = await NewCodeAsync(service, cancellationToken);
                letters.Add(new Letter(contact, candidate.Perceel, item.Letter, ShortCode.Format(code), links.Questionnaire(token), candidate.Audience));
            }
            var pdf = renderer.Render(new LetterDocument(found.Name, batch.Year, policy.FieldworkCloses(batch.Year), batch.CreatedAt,
                links.ShortCodePage(), letters, questionnaires.Current, questionnaires.Opdrachtgever));
            await batches.SavePartAsync(batch, part, pdf, cancellationToken);
        }
        return await batches.TryUpdateAsync(batch with { Done = Math.Max(batch.Done, done), WorkingUntil = time.GetUtcNow() + WorkLease },
            cancellationToken);
    }

    /// <summary>
    /// The run's last step: the parts as one PDF, the batch ready; then the PDFs of the batches it replaces go (their
    /// letters will not be posted) and the making is audited. Null when the batch is no longer being made.
    /// </summary>
    public async Task<LetterBatch?> FinishAsync(string company, string batchId, CancellationToken cancellationToken)
    {
        if (await MakingAsync(company, batchId, cancellationToken) is not { Total: > 0 } batch) return null;
        var parts = new List<byte[]>();
        for (var part = 0; part < batch.Parts; part++)
            parts.Add(await batches.ReadPartAsync(batch, part, cancellationToken)
                ?? throw new InvalidOperationException($"Letters {company}: part {part} of batch {batch.Id} is missing."));
        var pdf = renderer.Merge(parts, $"Brieven KTO {batch.Year} – {(await companies.GetAsync(company, cancellationToken))?.Name ?? company}");
        await batches.SavePdfAsync(batch, pdf, cancellationToken);
        var ready = await batches.TryUpdateAsync(batch with { State = LetterBatchState.Ready, Done = batch.Total.Value }, cancellationToken);
        if (ready is null)
        {
            // Given up meanwhile: a batch that is not ready keeps no names and addresses.
            await batches.DeletePdfAsync(batch, cancellationToken);
            return null;
        }
        await batches.DeletePartsAsync(batch, cancellationToken);

        // The batch this one replaces (the one open until now): its letters will not be posted, so their names and
        // addresses go. One replaced before by a batch since posted was gone already, and is not named again.
        var others = (await OfYearAsync(company, batch.Year, cancellationToken)).Where(b => b.Id != batch.Id).ToList();
        var replaced = Open(others, time.GetUtcNow()).Where(b => IsLater(batch, b)).ToList();
        foreach (var old in replaced)
            await batches.DeletePdfAsync(old, cancellationToken);
        await audit.WriteAsync(new AuditEntry(time.GetUtcNow(), batch.CreatedBy, AuditActions.LettersMade, company,
            $"Brieven {batch.Year} gemaakt: batch {batch.Id}, {batch.FirstLetters} eerste brief, {batch.ReminderLetters} herinnering"
            + (replaced.Count > 0 ? $"; vervangt {string.Join(", ", replaced.Select(r => r.Id))}" : "")), cancellationToken);
        return ready;
    }

    /// <summary>The run failed (a step failed after its retries): the batch is marked failed and its parts removed; the
    /// batches it would have replaced are open again.</summary>
    public async Task FailAsync(string company, string batchId, CancellationToken cancellationToken)
    {
        if (await MakingAsync(company, batchId, cancellationToken) is { } batch)
            await batches.TryUpdateAsync(batch with { State = LetterBatchState.Failed }, cancellationToken);
        if (LetterBatch.LooksValid(batchId) && await batches.GetAsync(company, batchId, cancellationToken) is { State: LetterBatchState.Failed } failed)
        {
            await batches.DeletePartsAsync(failed, cancellationToken);
            await batches.DeletePdfAsync(failed, cancellationToken);
        }
    }

    /// <summary>
    /// Makes the batch within this call: start, and when this call started it, every step of the run in turn (the
    /// background run does the same steps, each a separate activity). For tests and small batches.
    /// </summary>
    public async Task<MakeResult> MakeAsync(string company, int year, string createdBy, CancellationToken cancellationToken)
    {
        var started = await StartAsync(company, year, createdBy, cancellationToken);
        if (started.Outcome == StartOutcome.UnknownCompany) return new MakeResult(MakeOutcome.UnknownCompany);
        var batch = started.Batch!;
        if (started.Outcome == StartOutcome.Started)
        {
            var planned = await PlanAsync(company, batch.Id, cancellationToken);
            for (var part = 0; part < (planned?.Parts ?? 0); part++)
                await WritePartAsync(company, batch.Id, part, cancellationToken);
            if (planned is { State: LetterBatchState.Making }) await FinishAsync(company, batch.Id, cancellationToken);
            batch = await batches.GetAsync(company, batch.Id, cancellationToken) ?? batch;
        }
        if (batch.State == LetterBatchState.Empty) return new MakeResult(MakeOutcome.NothingDue);
        var pdf = batch.State == LetterBatchState.Ready ? await batches.ReadPdfAsync(batch, cancellationToken) : null;
        return new MakeResult(MakeOutcome.Made, batch, pdf, started.Replaces ?? []);
    }

    /// <summary>The batch while it is being made (not given up, not finished); else null.</summary>
    private async Task<LetterBatch?> MakingAsync(string company, string batchId, CancellationToken cancellationToken) =>
        LetterBatch.LooksValid(batchId) && await batches.GetAsync(company, batchId, cancellationToken) is { State: LetterBatchState.Making } batch
            ? batch : null;

    private async Task<List<LetterBatch>> OfYearAsync(string company, int year, CancellationToken cancellationToken) =>
        (await batches.ListAsync(company, cancellationToken)).Where(b => b.Year == year).ToList();

    /// <summary>The batches of the year that are open (ready, unposted, not replaced yet): what a new batch replaces.</summary>
    private static List<LetterBatch> Open(IReadOnlyList<LetterBatch> ofYear, DateTimeOffset now) =>
        ofYear.Where(b => StatusOf(b, ofYear, now) == LetterBatchStatus.Open).ToList();

    /// <summary>
    /// Marks failed every batch whose run stopped renewing its lease, at the version read: a step of it that comes back
    /// later finds it failed and stops, so it can never become ready beside a batch made or posted after it. True when
    /// one was found (look again).
    /// </summary>
    private async Task<bool> GiveUpStaleAsync(IEnumerable<LetterBatch> ofYear, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stale = ofYear.Where(b => b.IsStale(now)).ToList();
        foreach (var batch in stale)
            await batches.TryUpdateAsync(batch with { State = LetterBatchState.Failed }, cancellationToken);
        return stale.Count > 0;
    }

    /// <summary>The one batch made while <paramref name="before"/> was current, when nothing was posted in between; else null.</summary>
    private static LetterBatch? MadeAlongside(IReadOnlyList<LetterBatch> before, IReadOnlyList<LetterBatch> after)
    {
        var postedBefore = before.Where(b => b.IsPosted).Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        if (after.Any(b => b.IsPosted && !postedBefore.Contains(b.Id))) return null;
        var known = before.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        var added = after.Where(b => !known.Contains(b.Id)).ToList();
        return added.Count == 1 ? added[0] : null;
    }

    /// <summary>
    /// When each client's letters were posted: the letter attempts, and the clients of every posted batch whose attempts
    /// are not all written yet (posted a moment ago, or a crash half way), so a batch made then never repeats a letter.
    /// </summary>
    private async Task<Dictionary<string, List<DateTimeOffset>>> PostedLettersAsync(string company, int year, IReadOnlyList<LetterBatch> batchesOfYear,
        CancellationToken cancellationToken)
    {
        var posted = new Dictionary<string, HashSet<DateTimeOffset>>(StringComparer.Ordinal);
        void Add(string service, DateTimeOffset at) =>
            (posted.TryGetValue(service, out var set) ? set : posted[service] = []).Add(at);

        await foreach (var attempt in fieldwork.AttemptsAsync(company, year, cancellationToken))
            if (attempt.Mode == ContactMode.Letter && attempt.Outcome == AttemptOutcome.Sent)
                Add(attempt.Service.ServiceId, attempt.At);
        foreach (var batch in batchesOfYear.Where(b => b.IsPosted && !b.AttemptsRecorded))
            foreach (var item in await batches.ItemsAsync(company, batch.Id, cancellationToken))
                Add(item.ServiceId, batch.PostedAt!.Value);
        // Stryker disable once Linq : in time order for whoever reads the list; the policy itself only takes its earliest (Min)
        return posted.ToDictionary(p => p.Key, p => p.Value.Order().ToList(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Records a posted letter for every client in the batch. Exactly one call marks it posted (the batch's and the
    /// year's versions, in storage) and writes and audits its attempts; every other call answers
    /// <see cref="PostOutcome.AlreadyPosted"/> with nothing recorded. Only when the one who posted it stopped half way
    /// (its claim ran out, <see cref="RecordingLease"/>) does a later mark write the attempts still missing.
    /// </summary>
    public async Task<PostResult> MarkPostedAsync(string company, string batchId, string postedBy, CancellationToken cancellationToken)
    {
        var batch = LetterBatch.LooksValid(batchId) ? await batches.GetAsync(company, batchId, cancellationToken) : null;
        if (batch is null) return new PostResult(PostOutcome.UnknownBatch);

        for (var round = 0; !batch.IsPosted; round++)
        {
            if (round >= Rounds)
                throw new InvalidOperationException($"Letters {company} {batch.Year}: the year kept changing while batch {batch.Id} was marked posted.");
            var version = await batches.YearVersionAsync(company, batch.Year, cancellationToken);
            var all = await batches.ListAsync(company, cancellationToken);
            var now = time.GetUtcNow();
            // A run given up must be marked so (at its version) before anything it would replace is posted.
            if (await GiveUpStaleAsync(all.Where(b => b.Year == batch.Year), now, cancellationToken))
            {
                batch = await batches.GetAsync(company, batchId, cancellationToken) ?? batch;
                continue;
            }
            if (batch.State != LetterBatchState.Ready) return new PostResult(PostOutcome.NotReady, batch);
            if (StatusOf(batch, all, now) == LetterBatchStatus.Replaced) return new PostResult(PostOutcome.Replaced, batch);
            // Whole seconds: the time is part of each attempt's key and must read back from storage exactly as written.
            now = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerSecond));
            if (await batches.TryMarkPostedAsync(batch, version, now, postedBy, now + RecordingLease, cancellationToken))
            {
                var marked = batch with { PostedAt = now, PostedBy = postedBy, RecordingUntil = now + RecordingLease };
                var recorded = await RecordAttemptsAsync(marked, cancellationToken);
                await audit.WriteAsync(new AuditEntry(time.GetUtcNow(), postedBy, AuditActions.LettersPosted, company,
                    $"Brieven {batch.Year} verstuurd: batch {batch.Id}, {DutchCount.Of(recorded, "brief", "brieven")} vastgelegd als benaderd"), cancellationToken);
                return new PostResult(PostOutcome.Recorded, await batches.GetAsync(company, batchId, cancellationToken) ?? marked, recorded);
            }
            // The batch or the year changed: marked posted by someone else, or another batch made or posted. Look again.
            batch = await batches.GetAsync(company, batchId, cancellationToken) ?? batch;
        }

        // Posted before. Finish only what a stopped mark left, and only once its claim ran out.
        var at = time.GetUtcNow();
        if (batch.AttemptsRecorded || at < batch.RecordingUntil || !await batches.TryClaimRecordingAsync(batch, at + RecordingLease, cancellationToken))
            return new PostResult(PostOutcome.AlreadyPosted, batch);
        var finished = await RecordAttemptsAsync(batch, cancellationToken);
        if (finished > 0)
            await audit.WriteAsync(new AuditEntry(time.GetUtcNow(), postedBy, AuditActions.LettersPosted, company,
                $"Brieven {batch.Year} verstuurd (afgemaakt): batch {batch.Id}, {DutchCount.Of(finished, "brief", "brieven")} vastgelegd als benaderd"), cancellationToken);
        return new PostResult(PostOutcome.AlreadyPosted, batch, finished);
    }

    /// <summary>Writes the letter attempts of a posted batch that are not there yet (same service, step and time), then notes it is done.</summary>
    private async Task<int> RecordAttemptsAsync(LetterBatch batch, CancellationToken cancellationToken)
    {
        var at = batch.PostedAt!.Value;
        var written = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var attempt in fieldwork.AttemptsAsync(batch.Company, batch.Year, cancellationToken))
            if (attempt.Mode == ContactMode.Letter && attempt.At == at)
                written.Add(attempt.Service.ServiceId);

        var recorded = 0;
        foreach (var item in await batches.ItemsAsync(batch.Company, batch.Id, cancellationToken))
        {
            if (written.Contains(item.ServiceId)) continue;
            var attempt = new ContactAttempt(new ServiceRef(batch.Company, batch.Year, item.ServiceId), item.Letter, ContactMode.Letter, at, AttemptOutcome.Sent);
            await fieldwork.RecordAsync(attempt, ContactUpdate.For(attempt, TimeSpan.Zero), cancellationToken);
            recorded++;
        }
        await batches.MarkAttemptsRecordedAsync(batch, cancellationToken);
        return recorded;
    }

    /// <summary>The batch's PDF; null when the batch is unknown or its PDF was removed.</summary>
    public async Task<(LetterBatch Batch, byte[] Pdf)?> ReadPdfAsync(string company, string batchId, CancellationToken cancellationToken)
    {
        var batch = LetterBatch.LooksValid(batchId) ? await batches.GetAsync(company, batchId, cancellationToken) : null;
        if (batch is null) return null;
        var pdf = await batches.ReadPdfAsync(batch, cancellationToken);
        return pdf is null ? null : (batch, pdf);
    }

    /// <summary>The company's batches of a year, newest first, with their status (a batch that found nothing due is left out).</summary>
    public async Task<IReadOnlyList<(LetterBatch Batch, LetterBatchStatus Status)>> ListAsync(string company, int year, CancellationToken cancellationToken)
    {
        var all = await batches.ListAsync(company, cancellationToken);
        var now = time.GetUtcNow();
        return all.Where(b => b.Year == year && b.State != LetterBatchState.Empty)
            .OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id, StringComparer.Ordinal)
            .Select(b => (b, StatusOf(b, all, now))).ToList();
    }

    /// <summary>One batch with its status; null when unknown.</summary>
    public async Task<(LetterBatch Batch, LetterBatchStatus Status)?> GetAsync(string company, string batchId, CancellationToken cancellationToken)
    {
        if (!LetterBatch.LooksValid(batchId)) return null;
        var all = await batches.ListAsync(company, cancellationToken);
        return all.FirstOrDefault(b => b.Id == batchId) is { } batch ? (batch, StatusOf(batch, all, time.GetUtcNow())) : null;
    }

    /// <summary>
    /// Being made or failed while its run is (a run past its lease counts as failed); posted once marked; otherwise
    /// replaced as soon as a later batch of the same company and year is made or being made.
    /// </summary>
    public static LetterBatchStatus StatusOf(LetterBatch batch, IEnumerable<LetterBatch> all, DateTimeOffset now) =>
        batch.IsMaking(now) ? LetterBatchStatus.Making
        : batch.State is LetterBatchState.Making or LetterBatchState.Failed or LetterBatchState.Empty ? LetterBatchStatus.Failed
        : batch.IsPosted ? LetterBatchStatus.Posted
        : all.Any(b => b.Year == batch.Year && b.Id != batch.Id && (b.State == LetterBatchState.Ready || b.IsMaking(now)) && IsLater(b, batch))
            ? LetterBatchStatus.Replaced
        : LetterBatchStatus.Open;

    // Stryker disable once Equality,Conditional : ids begin with the creation second, so comparing them orders batches of different seconds the same way; a batch is never compared with itself
    private static bool IsLater(LetterBatch a, LetterBatch b) =>
        a.CreatedAt != b.CreatedAt ? a.CreatedAt > b.CreatedAt : string.CompareOrdinal(a.Id, b.Id) > 0;

    /// <summary>A fresh code for the client; a code another client holds already is drawn again.</summary>
    private async Task<string> NewCodeAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        for (var tries = 0; ; tries++)
        {
            var code = ShortCode.New();
            if (await codes.TryAddAsync(key.CodeHash(code), service, cancellationToken)) return code;
            if (tries >= 20) throw new InvalidOperationException("No free short code after 20 tries.");
        }
    }

    private static string NewId(DateTimeOffset now) =>
        $"{now.UtcDateTime:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";
}
