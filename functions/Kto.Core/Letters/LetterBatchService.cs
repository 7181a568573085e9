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
/// client, exactly once however often it is marked.
/// <para>
/// Making a batch again before the last one is posted <b>replaces</b> it: the earlier batch can no longer be marked
/// posted (<see cref="PostOutcome.Replaced"/>) and its PDF is removed, so two letters to one client can never both be
/// recorded. Its links and codes keep working: they open the same client's questionnaire.
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

    public sealed record MakeResult(MakeOutcome Outcome, LetterBatch? Batch = null, byte[]? Pdf = null);

    /// <param name="Recorded">Letter attempts written by this call (0 when every one was written before).</param>
    public sealed record PostResult(PostOutcome Outcome, LetterBatch? Batch = null, int Recorded = 0);

    /// <summary>Makes the batch of every letter due now for the company's clients of <paramref name="year"/>.</summary>
    public async Task<MakeResult> MakeAsync(string company, int year, string createdBy, CancellationToken cancellationToken)
    {
        var found = await companies.GetAsync(company, cancellationToken);
        if (found is null) return new MakeResult(MakeOutcome.UnknownCompany);
        var now = time.GetUtcNow();

        var posted = new Dictionary<string, List<DateTimeOffset>>(StringComparer.Ordinal);
        await foreach (var attempt in fieldwork.AttemptsAsync(company, year, cancellationToken))
            if (attempt.Mode == ContactMode.Letter && attempt.Outcome == AttemptOutcome.Sent)
                (posted.TryGetValue(attempt.Service.ServiceId, out var list) ? list : posted[attempt.Service.ServiceId] = []).Add(attempt.At);

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
        var earlier = await batches.ListAsync(company, cancellationToken);
        await batches.SaveAsync(batch, items, pdf, cancellationToken);
        // The batches this one replaces: their letters will not be posted, so their names and addresses go.
        foreach (var replaced in earlier.Where(b => b.Year == year && !b.IsPosted))
            await batches.DeletePdfAsync(replaced, cancellationToken);
        await audit.WriteAsync(new AuditEntry(now, createdBy, AuditActions.LettersMade, company,
            $"Brieven {year} gemaakt: batch {batch.Id}, {batch.FirstLetters} eerste brief, {batch.ReminderLetters} herinnering"), cancellationToken);
        return new MakeResult(MakeOutcome.Made, batch, pdf);
    }

    /// <summary>
    /// Records a posted letter for every client in the batch. The first call sets the posting time; every call then
    /// writes the attempts not yet there (same service, step and time: a second mark, or a retry after a crash half
    /// way, adds none twice).
    /// </summary>
    public async Task<PostResult> MarkPostedAsync(string company, string batchId, string postedBy, CancellationToken cancellationToken)
    {
        var batch = LetterBatch.LooksValid(batchId) ? await batches.GetAsync(company, batchId, cancellationToken) : null;
        if (batch is null) return new PostResult(PostOutcome.UnknownBatch);
        var wasPosted = batch.IsPosted;
        if (!wasPosted)
        {
            var all = await batches.ListAsync(company, cancellationToken);
            if (StatusOf(batch, all) == LetterBatchStatus.Replaced) return new PostResult(PostOutcome.Replaced, batch);
            // Whole seconds: the time is part of each attempt's key and must read back from storage exactly as written.
            var now = time.GetUtcNow();
            now = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerSecond));
            if (!await batches.TryMarkPostedAsync(batch, now, postedBy, cancellationToken))
                wasPosted = true; // someone else marked it at the same moment: their time stands
            batch = await batches.GetAsync(company, batchId, cancellationToken) ?? batch;
        }
        var at = batch.PostedAt!.Value;

        var written = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var attempt in fieldwork.AttemptsAsync(company, batch.Year, cancellationToken))
            if (attempt.Mode == ContactMode.Letter && attempt.At == at)
                written.Add(attempt.Service.ServiceId);

        var recorded = 0;
        foreach (var item in await batches.ItemsAsync(company, batch.Id, cancellationToken))
        {
            if (written.Contains(item.ServiceId)) continue;
            var attempt = new ContactAttempt(new ServiceRef(company, batch.Year, item.ServiceId), item.Letter, ContactMode.Letter, at, AttemptOutcome.Sent);
            await fieldwork.RecordAsync(attempt, ContactUpdate.For(attempt, TimeSpan.Zero), cancellationToken);
            recorded++;
        }
        if (!wasPosted || recorded > 0)
            await audit.WriteAsync(new AuditEntry(time.GetUtcNow(), postedBy, AuditActions.LettersPosted, company,
                $"Brieven {batch.Year} verstuurd: batch {batch.Id}, {recorded} brieven vastgelegd als benaderd"), cancellationToken);
        return new PostResult(wasPosted ? PostOutcome.AlreadyPosted : PostOutcome.Recorded, batch, recorded);
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
