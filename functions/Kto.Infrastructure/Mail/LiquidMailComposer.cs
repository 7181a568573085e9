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
public sealed class LiquidMailComposer(LiquidTemplates templates, BureauSettings bureau) : IMailComposer
{
    public OutgoingMail Compose(MailContent content)
    {
        var values = new Dictionary<string, object?>
        {
            ["is_reminder"] = !content.Step.IsInvitation,
            ["salutation"] = content.Salutation,
            ["company"] = content.CompanyName,
            ["perceel"] = PerceelNames.DisplayName(content.Perceel),
            ["survey_url"] = content.SurveyUrl,
            ["optout_url"] = content.OptOutUrl,
            ["closes"] = DutchTime.Format(content.FieldworkCloses),
            ["bureau"] = bureau.Name,
            ["bureau_email"] = bureau.ContactEmail,
        };
        var folder = content.Audience == SurveyAudience.Opdrachtgever ? "Mail/Opdrachtgever/" : "Mail/";
        return new OutgoingMail(
            content.Email,
            templates.Render(folder + "subject.liquid", values, html: false).Trim(),
            templates.Render(folder + "mail.txt.liquid", values, html: false),
            templates.Render(folder + "mail.html.liquid", values, html: true),
            content.OptOutUrl);
    }
}
