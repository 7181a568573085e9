using System.Collections.Concurrent;
using Kto.Core;
using Kto.Core.Fieldwork;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Infrastructure.Templates;

namespace Kto.Infrastructure.Mail;

/// <summary>
/// Composes invitations and reminders from the Liquid templates in <c>Templates/Mail/</c>; opdrachtgevers (Blik op
/// Werk) get the texts in <c>Templates/Mail/Opdrachtgever/</c>, with the same variables.
/// </summary>
/// <remarks>
/// A run mails thousands of clients with texts that differ only in the values below, so each template is rendered once
/// per kind of mail (invitation or reminder) with the client's values left as gaps, and a mail fills them in
/// (<see cref="LiquidTemplates.RenderWithGaps"/>); a template edited to do more with those values than write them is
/// rendered in full for every mail.
/// </remarks>
public sealed class LiquidMailComposer(LiquidTemplates templates, BureauSettings bureau) : IMailComposer
{
    /// <summary>The values that differ between mails of one kind, in this order.</summary>
    private static readonly string[] Gaps = ["salutation", "company", "perceel", "survey_url", "optout_url", "closes", "company_stop"];

    private readonly ConcurrentDictionary<(string Name, bool Reminder), GappedText?> gapped = new();

    public OutgoingMail Compose(MailContent content)
    {
        string?[] values =
        [
            content.Salutation,
            content.CompanyName,
            PerceelNames.DisplayName(content.Perceel),
            content.SurveyUrl,
            content.OptOutUrl,
            DutchTime.Format(content.FieldworkCloses),
            SentenceStop.After(content.CompanyName),
        ];
        var reminder = !content.Step.IsInvitation;
        var folder = content.Audience == SurveyAudience.Opdrachtgever ? "Mail/Opdrachtgever/" : "Mail/";
        return new OutgoingMail(
            content.Email,
            Render(folder + "subject.liquid", reminder, values, html: false).Trim(),
            Render(folder + "mail.txt.liquid", reminder, values, html: false),
            Render(folder + "mail.html.liquid", reminder, values, html: true),
            content.OptOutUrl);
    }

    private string Render(string name, bool reminder, string?[] values, bool html)
    {
        var text = gapped.GetOrAdd((name, reminder), key => templates.RenderWithGaps(key.Name, Fixed(key.Reminder), Gaps, html));
        if (text is not null) return text.Fill(values);
        var all = Fixed(reminder);
        for (var i = 0; i < Gaps.Length; i++) all[Gaps[i]] = values[i];
        return templates.Render(name, all, html);
    }

    /// <summary>The values every mail of one kind shares.</summary>
    private Dictionary<string, object?> Fixed(bool reminder) => new()
    {
        ["is_reminder"] = reminder,
        ["bureau"] = bureau.Name,
        ["bureau_email"] = bureau.ContactEmail,
    };
}
