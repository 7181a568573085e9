using Kto.Core.Survey;

namespace Kto.Core.Fieldwork;

/// <summary>
/// Lists the open services e-mail cannot reach (no address, or it bounced), so the bureau can write or call: the
/// clients and, given the audience store, the opdrachtgevers (Blik op Werk) after them.
/// The list the bureau exports (API, CSV) makes a fresh personal link per client for a letter of its own; earlier
/// links stay valid. The portal's fieldwork page lists without links: a link is made only when a letter is made
/// (the letter batch), never because a page was opened.
/// </summary>
public sealed class OfflineContactService(IFieldworkStore store, ISurveyTokenStore tokens, ISurveyLinks links)
{
    /// <summary>The offline list as the CSV file the bureau downloads.</summary>
    public async Task<OfflineContactsExport> ExportCsvAsync(string company, int year, CancellationToken cancellationToken)
    {
        var contacts = await ListAsync(company, year, cancellationToken);
        return new OfflineContactsExport(OfflineContactsCsv.Write(year, contacts), contacts.Count);
    }

    /// <summary>The one rule for the offline list: an open service without a usable e-mail address (none, or it bounced).</summary>
    public static bool NeedsLetterOrCall(ContactState state) =>
        state.Status == ServiceStatus.Open && !state.HasUsableEmail;

    /// <param name="withLinks">False: no token is made and <see cref="OfflineContact.SurveyUrl"/> is null.</param>
    public async Task<IReadOnlyList<OfflineContact>> ListAsync(string company, int year, CancellationToken cancellationToken, bool withLinks = true)
    {
        var list = new List<OfflineContact>();
        await foreach (var candidate in store.OfflineCandidatesAsync(company, year, cancellationToken))
        {
            var state = candidate.State;
            var contact = await store.GetContactAsync(candidate.Ref, cancellationToken);
            if (contact is null) continue;

            string? url = null;
            if (withLinks)
            {
                var (token, hash) = SurveyToken.New();
                await tokens.SaveAsync(hash, candidate.Ref, cancellationToken);
                url = links.Questionnaire(token);
            }
            list.Add(new OfflineContact(candidate.Ref, candidate.Perceel,
                state.EmailBounced ? "e-mail onbestelbaar" : "geen e-mailadres",
                state.StepsSent, contact, url, candidate.Audience));
        }
        return list;
    }
}
