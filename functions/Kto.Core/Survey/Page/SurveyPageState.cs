namespace Kto.Core.Survey;

/// <summary>Every page a client can see on a personal link.</summary>
public enum SurveyPageState
{
    /// <summary>The questionnaire, possibly with the errors of a submit.</summary>
    Open,
    /// <summary>Just answered: thank you.</summary>
    Thanks,
    /// <summary>Answered before: thank you, no second answer.</summary>
    AlreadyAnswered,
    FieldworkClosed,
    OptedOut,
    /// <summary>"Do you want to opt out?" with a button (a GET never opts out).</summary>
    OptOutConfirm,
    /// <summary>Unknown or malformed link: one neutral page that does not tell which.</summary>
    NotFound,
    /// <summary>Too many unknown links from one address: the neutral page, with 429.</summary>
    TooManyRequests,
    /// <summary>A POST without our form field, or from another site.</summary>
    Rejected,
    /// <summary>A POST whose body is larger than any form of ours (413).</summary>
    TooLarge,
}
