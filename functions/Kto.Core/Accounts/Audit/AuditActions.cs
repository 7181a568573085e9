namespace Kto.Core.Accounts;

/// <summary>The actions the audit log records, in one place.</summary>
public static class AuditActions
{
    public const string Upload = "upload";
    public const string UserAdded = "user-added";
    public const string UserRemoved = "user-removed";
    public const string SignedIn = "signed-in";
    public const string SignedOut = "signed-out";
    public const string AttemptRecorded = "attempt-recorded";
    public const string ReportSigned = "report-signed";
    public const string CompanyRegistered = "company-registered";
    public const string ServiceWithdrawn = "service-withdrawn";
    public const string ServiceCorrected = "service-corrected";
    public const string AnswersEntered = "answers-entered";
    public const string LettersMade = "letters-made";
    public const string LettersPosted = "letters-posted";
    public const string AnswerHidden = "answer-hidden";
    /// <summary>The bureau started a timer job by hand (a mail run, the retention clean-up).</summary>
    public const string JobStarted = "job-started";
    /// <summary>The bureau started a report run (drafts) by hand, in the portal or with the key; the nightly timer's own runs are not audited.</summary>
    public const string ReportRunStarted = "report-run-started";
    /// <summary>A portal user switched the weekly digest mail off or on again.</summary>
    public const string DigestOptOut = "digest-opt-out";
    public const string DigestOptIn = "digest-opt-in";

    /// <summary>The actor of calls made with the bureau key (automation, ./kto), not a person.</summary>
    public const string BureauKey = "API-sleutel bureau";

    /// <summary>The actor of a call made with an API key: the bureau's, or a company's (its IT uploading by script).</summary>
    public static string ApiKey(Access.Caller caller) =>
        caller.Kind == Access.CallerKind.Company ? $"API-sleutel {caller.CompanyId}" : BureauKey;
}
