using Kto.Core;
using Kto.Core.Fieldwork;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Infrastructure.Mail;
using Kto.Infrastructure.Templates;

namespace Kto.Functions.Tests.Templates;

/// <summary>
/// A mail run renders each mail template once with the client's values as gaps and fills them per mail: the mails
/// must be exactly those a full render gives, and a template edited to do more with a value than write it must be
/// rendered in full.
/// </summary>
public sealed class MailTemplateGapsTests : IDisposable
{
    private static readonly BureauSettings Bureau = new() { Name = "Bureau & Zn <onderzoek>", ContactEmail = "kto@bureau.example" };
    private static readonly string[] Gaps = ["salutation", "company", "perceel", "survey_url", "optout_url", "closes", "company_stop"];
    private readonly string root = TestTemp.Folder("kto-mail-templates-");

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>Two clients, values with characters HTML must encode and non-ASCII letters.</summary>
    private static readonly MailContent[] Clients =
    [
        new(ContactStep.Invitation, "zoe@example.nl", "Beste Zoë O'Brien & <partner>", "A&B \"Re-integratie\" <Noord>", Perceel.NaarWerk,
            "https://kto.example/s?t=abc&x=1", "https://kto.example/o?t=def", new DateOnly(2027, 1, 31)),
        new(ContactStep.Invitation, "jan@example.nl", "Geachte heer Jansen", "Werk & Zo B.V.", Perceel.WerkfitMaken,
            "https://kto.example/s?t=ghi", "https://kto.example/o?t=jkl", new DateOnly(2026, 1, 31)),
    ];

    public static TheoryData<int, bool, SurveyAudience> Kinds() => new()
    {
        { 0, false, SurveyAudience.Client }, { 1, false, SurveyAudience.Client }, { 0, true, SurveyAudience.Client }, { 1, true, SurveyAudience.Client },
        { 0, false, SurveyAudience.Opdrachtgever }, { 0, true, SurveyAudience.Opdrachtgever },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_composed_mail_is_exactly_the_full_render_of_its_templates(int client, bool reminder, SurveyAudience audience)
    {
        var templates = new LiquidTemplates();
        var composer = new LiquidMailComposer(templates, Bureau);
        var folder = audience == SurveyAudience.Opdrachtgever ? "Mail/Opdrachtgever/" : "Mail/";

        // Every client once, in turn, on one composer: a later mail must not carry an earlier one's values.
        foreach (var other in Clients) composer.Compose(other with { Step = new ContactStep(reminder ? 1 : 0), Audience = audience });
        var content = Clients[client] with { Step = new ContactStep(reminder ? 1 : 0), Audience = audience };
        var mail = composer.Compose(content);

        var values = FullValues(content);
        Assert.Equal(templates.Render(folder + "subject.liquid", values, html: false).Trim(), mail.Subject);
        Assert.Equal(templates.Render(folder + "mail.txt.liquid", values, html: false), mail.Text);
        Assert.Equal(templates.Render(folder + "mail.html.liquid", values, html: true), mail.Html);
        Assert.Contains(HtmlEncoded(content.Salutation), mail.Html);
        Assert.Contains(content.Salutation, mail.Text);
        Assert.Equal((content.Email, content.OptOutUrl), (mail.To, mail.UnsubscribeUrl));
    }

    /// <summary>
    /// A company name ending with a full stop ("B.V.") gets no second one where it ends a sentence; any other name gets
    /// one. (An opdrachtgever's invitation has no sentence that ends with the name.)
    /// </summary>
    [Theory]
    [InlineData(false, SurveyAudience.Client, true)]
    [InlineData(true, SurveyAudience.Client, true)]
    [InlineData(false, SurveyAudience.Opdrachtgever, false)]
    [InlineData(true, SurveyAudience.Opdrachtgever, true)]
    public void A_name_that_ends_a_sentence_gets_one_full_stop(bool reminder, SurveyAudience audience, bool endsASentence)
    {
        var composer = new LiquidMailComposer(new LiquidTemplates(), Bureau);
        var content = Clients[1] with { Step = new ContactStep(reminder ? 1 : 0), Audience = audience };
        var withStop = composer.Compose(content);
        var without = composer.Compose(content with { CompanyName = "Werk en Zo" });

        Assert.DoesNotContain("B.V..", withStop.Text);
        Assert.DoesNotContain("B.V..", withStop.Html);
        Assert.Equal(endsASentence, without.Text.Contains("Werk en Zo.", StringComparison.Ordinal));
        // The same mail but for the name, except that where a sentence ends with it, the name's own stop is the only one.
        Assert.Equal(without.Text.Replace("Werk en Zo.", "Werk en Zo", StringComparison.Ordinal),
            withStop.Text.Replace("Werk & Zo B.V.", "Werk en Zo", StringComparison.Ordinal));
        Assert.Equal(without.Html.Replace("Werk en Zo.", "Werk en Zo", StringComparison.Ordinal),
            withStop.Html.Replace("Werk &amp; Zo B.V.", "Werk en Zo", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("subject.liquid", false)]
    [InlineData("mail.txt.liquid", false)]
    [InlineData("mail.html.liquid", true)]
    [InlineData("Opdrachtgever/subject.liquid", false)]
    [InlineData("Opdrachtgever/mail.txt.liquid", false)]
    [InlineData("Opdrachtgever/mail.html.liquid", true)]
    public void The_shipped_mail_templates_are_rendered_once_with_gaps(string name, bool html)
    {
        var gapped = new LiquidTemplates().RenderWithGaps("Mail/" + name, Fixed(reminder: false), Gaps, html);

        Assert.NotNull(gapped);
    }

    [Theory]
    [InlineData("{% if salutation == \"Beste\" %}Hoi{% else %}{{ salutation }}{% endif %}")]   // a condition on a client's value
    [InlineData("{{ salutation | upcase }}")]                                                  // a filter
    [InlineData("{% assign s = salutation %}{{ s }}")]                                          // an assignment
    [InlineData("{% capture s %}{{ salutation }}{% endcapture %}{{ s | size }}")]                 // a capture
    [InlineData("{% for i in (1..2) %}{{ salutation }}{% endfor %}")]                            // a loop around it
    [InlineData("{{ salutation }} {{ date.now.year }}")]                              // something that changes by itself
    [InlineData("{% include 'Mail/other' %}")]                                                  // another template
    public void A_template_that_does_more_with_a_value_than_write_it_is_rendered_in_full_for_every_mail(string subject)
    {
        Write("Mail/subject.liquid", subject);
        Write("Mail/other.liquid", "{{ salutation | downcase }}");
        Write("Mail/mail.txt.liquid", "{{ salutation }}");
        Write("Mail/mail.html.liquid", "<p>{{ salutation }}</p>");
        var templates = new LiquidTemplates(root);
        var composer = new LiquidMailComposer(templates, Bureau);

        Assert.Null(templates.RenderWithGaps("Mail/subject.liquid", Fixed(reminder: false), Gaps, html: false));
        foreach (var content in Clients)
            Assert.Equal(templates.Render("Mail/subject.liquid", FullValues(content), html: false).Trim(), composer.Compose(content).Subject);
    }

    private void Write(string name, string text)
    {
        var path = Path.Combine(root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static Dictionary<string, object?> Fixed(bool reminder) => new()
    {
        ["is_reminder"] = reminder,
        ["bureau"] = Bureau.Name,
        ["bureau_email"] = Bureau.ContactEmail,
    };

    /// <summary>The values as the composer passed them to one full render per template before the gaps.</summary>
    private static Dictionary<string, object?> FullValues(MailContent content) => new(Fixed(!content.Step.IsInvitation))
    {
        ["salutation"] = content.Salutation,
        ["company"] = content.CompanyName,
        ["perceel"] = PerceelNames.DisplayName(content.Perceel),
        ["survey_url"] = content.SurveyUrl,
        ["optout_url"] = content.OptOutUrl,
        ["closes"] = DutchTime.Format(content.FieldworkCloses),
        ["company_stop"] = SentenceStop.After(content.CompanyName),
    };

    private static string HtmlEncoded(string text) => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text);
}
