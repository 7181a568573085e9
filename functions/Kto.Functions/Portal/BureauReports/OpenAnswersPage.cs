using Kto.Core.Portal;

namespace Kto.Functions.Portal;

/// <summary>bureau-open-answers.liquid: the draft's open answers per perceel, each with a form to hide it, and what is hidden already.</summary>
public sealed record OpenAnswersPage(
    CompanyHeading Company,
    int Year,
    string? Notice,
    PageText? Error,
    string ReportUrl,
    OpenAnswersPage.DraftMade? Draft,
    int Count,
    List<OpenAnswersPage.PerceelAnswers>? Groups,
    List<OpenAnswersPage.HiddenAnswer>? Hidden)
{
    public sealed record DraftMade(string Id, ShownDate GeneratedAt);

    public sealed record PerceelAnswers(string Perceel, string Slug, List<Answer> Answers);

    public sealed record Answer(string Id, string Question, string Text);

    public sealed record HiddenAnswer(string Id, string HiddenBy, ShownDate HiddenAt, string Reason);
}
