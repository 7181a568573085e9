using System.Security.Cryptography;
using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Fieldwork;
using Kto.Core.Questionnaires;
using Kto.Core.Survey;

namespace Kto.Core.Letters;

/// <summary>
/// Letters for the clients e-mail cannot reach but the post can (<see cref="OfflineRoutes.NeedsLetter"/>): a batch per
/// company and year with the first letter for those never written to, and reminder letters once the reminder days
/// have passed since the first letter was posted (<see cref="ContactPolicy.DueLetter"/>). Each letter carries a fresh
/// personal link (in a QR code) and a fresh short code. Marking a batch posted records one <c>letter</c> attempt per
/// client, exactly once however often (and however many at once) it is marked.
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
    SurveyFormKey key)
{
    public enum MakeOutcome { Made, NothingDue, UnknownCompany }

    public enum PostOutcome { Recorded, AlreadyPosted, Replaced, UnknownBatch }

    /// <summary>How long the one who marks a batch posted holds the claim on writing its attempts: a later mark takes
    /// over only after this (a crash half way), never while the first is still writing.</summary>
    public static readonly TimeSpan RecordingLease = TimeSpan.FromMinutes(5);

    /// <summary>Rounds of "the year changed while I worked, look again" before giving up (each means another batch was made or posted).</summary>
    private const int Rounds = 8;

    /// <param name="Replaced">The unposted batches this one replaces (their PDFs are gone; they must not be posted).</param>
    public sealed record MakeResult(MakeOutcome Outcome, LetterBatch? Batch = null, byte[]? Pdf = null, IReadOnlyList<LetterBatch>? Replaced = null);

    /// <param name="Recorded">Letter attempts written by this call (0 when every one was written before).</param>
    public sealed record PostResult(PostOutcome Outcome, LetterBatch? Batch = null, int Recorded = 0);

    /// <summary>
    /// Makes the batch of every letter due now for the company's clients of <paramref name="year"/>. The batch is stored
    /// only when no batch of the year was made or posted while it was computed (the year's version, in storage); otherwise
    /// it is computed again. Two makes at once give one batch: the one that lost takes the winner's batch as its answer.
    /// </summary>
    public async Task<MakeResult> MakeAsync(string company, int year, string createdBy, CancellationToken cancellationToken)
    {
        var found = await companies.GetAsync(company, cancellationToken);
        if (found is null) return new MakeResult(MakeOutcome.UnknownCompany);

        for (var round = 0; round < Rounds; round++)
        {
            // The version first: whatever is made or posted after this read makes the save below fail.
            var version = await batches.YearVersionAsync(company, year, cancellationToken);
            var earlier = (await batches.ListAsync(company, cancellationToken)).Where(b => b.Year == year).ToList();
            var now = time.GetUtcNow();
            var posted = await PostedLettersAsync(company, year, earlier, cancellationToken);

            var letters = new List<Letter>();
            var items = new List<LetterBatchItem>();
            await foreach (var candidate in fieldwork.CandidatesAsync(company, year, cancellationToken))
            {
                if (!OfflineContactService.NeedsLetterOrCall(candidate.State)) continue;
                var contact = await fieldwork.GetContactAsync(candidate.Ref, cancellationToken);
                if (contact is null || !OfflineRoutes.NeedsLetter(candidate.State, contact)) continue;
                var due = policy.DueLetter(posted.GetValueOrDefault(candidate.Ref.ServiceId) ?? [], year, now);
                if (due is not { } letter) continue;

                var (token, tokenHash) = SurveyToken.New();
                await tokens.SaveAsync(tokenHash, candidate.Ref, cancellationToken);
                var code = await NewCodeAsync(candidate.Ref, cancellationToken);
                letters.Add(new Letter(contact, candidate.Perceel, letter, ShortCode.Format(code), links.Questionnaire(token)));
                items.Add(new LetterBatchItem(candidate.Ref.ServiceId, letter));
            }
            if (items.Count == 0) return new MakeResult(MakeOutcome.NothingDue);

            var batch = new LetterBatch(NewId(now), company, year, now, createdBy,
                items.Count(i => i.Letter.IsInvitation), items.Count(i => !i.Letter.IsInvitation));
            var pdf = renderer.Render(new LetterDocument(found.Name, year, policy.FieldworkCloses(year), now, links.ShortCodePage(), letters,
                questionnaires.Current));
            if (await batches.TrySaveAsync(batch, items, pdf, version, cancellationToken))
            {
                // The batches this one replaces: their letters will not be posted, so their names and addresses go.
                var replaced = earlier.Where(b => !b.IsPosted).ToList();
                foreach (var old in replaced)
                    await batches.DeletePdfAsync(old, cancellationToken);
                await audit.WriteAsync(new AuditEntry(now, createdBy, AuditActions.LettersMade, company,
                    $"Brieven {year} gemaakt: batch {batch.Id}, {batch.FirstLetters} eerste brief, {batch.ReminderLetters} herinnering"
                    + (replaced.Count > 0 ? $"; vervangt {string.Join(", ", replaced.Select(r => r.Id))}" : "")), cancellationToken);
                return new MakeResult(MakeOutcome.Made, batch, pdf, replaced);
            }

            // Someone made or posted a batch of this year meanwhile. Made only (nothing posted): that batch was computed
            // from the same state as ours, so it is the answer (a double click makes one batch). Posted: compute again.
            var now2 = (await batches.ListAsync(company, cancellationToken)).Where(b => b.Year == year).ToList();
            if (MadeAlongside(earlier, now2) is { } other && await batches.ReadPdfAsync(other, cancellationToken) is { } otherPdf)
                return new MakeResult(MakeOutcome.Made, other, otherPdf, earlier.Where(b => !b.IsPosted).ToList());
        }
        throw new InvalidOperationException($"Letters {company} {year}: the year kept changing while a batch was made ({Rounds} rounds).");
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
            if (StatusOf(batch, all) == LetterBatchStatus.Replaced) return new PostResult(PostOutcome.Replaced, batch);
            // Whole seconds: the time is part of each attempt's key and must read back from storage exactly as written.
            var now = time.GetUtcNow();
            now = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerSecond));
            if (await batches.TryMarkPostedAsync(batch, version, now, postedBy, now + RecordingLease, cancellationToken))
            {
                var marked = batch with { PostedAt = now, PostedBy = postedBy, RecordingUntil = now + RecordingLease };
                var recorded = await RecordAttemptsAsync(marked, cancellationToken);
                await audit.WriteAsync(new AuditEntry(time.GetUtcNow(), postedBy, AuditActions.LettersPosted, company,
                    $"Brieven {batch.Year} verstuurd: batch {batch.Id}, {recorded} brieven vastgelegd als benaderd"), cancellationToken);
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
                $"Brieven {batch.Year} verstuurd (afgemaakt): batch {batch.Id}, {finished} brieven vastgelegd als benaderd"), cancellationToken);
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

    /// <summary>The company's batches of a year, newest first, with their status.</summary>
    public async Task<IReadOnlyList<(LetterBatch Batch, LetterBatchStatus Status)>> ListAsync(string company, int year, CancellationToken cancellationToken)
    {
        var all = await batches.ListAsync(company, cancellationToken);
        return all.Where(b => b.Year == year).OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id, StringComparer.Ordinal)
            .Select(b => (b, StatusOf(b, all))).ToList();
    }

    /// <summary>Posted once marked; otherwise replaced as soon as a later batch of the same company and year exists.</summary>
    public static LetterBatchStatus StatusOf(LetterBatch batch, IEnumerable<LetterBatch> all) =>
        batch.IsPosted ? LetterBatchStatus.Posted
        : all.Any(b => b.Year == batch.Year && b.Id != batch.Id && IsLater(b, batch)) ? LetterBatchStatus.Replaced
        : LetterBatchStatus.Open;

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
