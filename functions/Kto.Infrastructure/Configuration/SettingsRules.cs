using Kto.Core.Forecast;
using Kto.Core.Keurmerk;
using System.Text.RegularExpressions;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Settings;
using MailKit.Security;

namespace Kto.Infrastructure.Configuration;

/// <summary>
/// What a valid value of each setting is: checked at start-up (<c>ValidateOnStart</c>), so a bad or missing value
/// stops the host with a message that names the app setting, instead of failing on the first request or mail.
/// Messages never repeat a secret's value.
/// </summary>
public static partial class SettingsRules
{
    /// <summary>The smallest form key Production accepts: 32 random bytes, as base64.</summary>
    public const int MinFormKeyBytes = 32;

    public static IEnumerable<string> Problems(KtoSettings s)
    {
        if (!Uri.TryCreate(s.PublicBaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            yield return $"{Name<KtoSettings>(nameof(s.PublicBaseUrl))} must be an absolute http(s) URL, e.g. https://kto.bureau.nl.";
        if (s.BureauKeyHash.Length > 0 && !Sha256Hex().IsMatch(s.BureauKeyHash))
            yield return $"{Name<KtoSettings>(nameof(s.BureauKeyHash))} must be the SHA-256 of the bureau key as 64 hex digits (see README, Configuration).";
        if (s.IsProduction && s.BureauKeyHash.Length == 0)
            yield return $"{Name<KtoSettings>(nameof(s.BureauKeyHash))} is required in Production (see README, Configuration).";
    }

    /// <summary>The form key is checked against the environment of <paramref name="kto"/>: required in Production only.</summary>
    public static IEnumerable<string> Problems(SurveySettings s, KtoSettings kto)
    {
        var name = Name<SurveySettings>(nameof(s.FormKey));
        if (kto.IsProduction && s.FormKey.Length == 0)
            yield return $"{name} is required in Production: base64 of at least {MinFormKeyBytes} random bytes (openssl rand -base64 32).";
        else if (kto.IsProduction && RandomBytesIn(s.FormKey) < MinFormKeyBytes)
            yield return $"{name} must be base64 of at least {MinFormKeyBytes} random bytes in Production (openssl rand -base64 32).";
        if (s.UnknownTokensPerMinute < 1)
            yield return $"{Name<SurveySettings>(nameof(s.UnknownTokensPerMinute))} must be at least 1.";
        if (s.UnknownCodesPerMinute < 1)
            yield return $"{Name<SurveySettings>(nameof(s.UnknownCodesPerMinute))} must be at least 1.";
        if (s.TrustedProxies is < 0 or > 10)
            yield return $"{Name<SurveySettings>(nameof(s.TrustedProxies))} must be between 0 and 10.";
    }

    public static IEnumerable<string> Problems(SigningSettings s)
    {
        if (s.TimestampUrl.Length > 0 && (!Uri.TryCreate(s.TimestampUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
            yield return $"{Name<SigningSettings>(nameof(s.TimestampUrl))} must be empty (no timestamp) or the timestamp authority's absolute http(s) URL, e.g. http://127.0.0.1:3161.";
    }

    public static IEnumerable<string> Problems(DeliverySettings s)
    {
        if (s.MaxFileBytes is < 1024 or > 1024L * 1024 * 1024)
            yield return $"{Name<DeliverySettings>(nameof(s.MaxFileBytes))} must be between 1024 and 1073741824 bytes.";
        if (s.MaxCellLength < 1)
            yield return $"{Name<DeliverySettings>(nameof(s.MaxCellLength))} must be at least 1.";
        if (s.RawFileRetentionDays < 1)
            yield return $"{Name<DeliverySettings>(nameof(s.RawFileRetentionDays))} must be at least 1 day.";
        if (s.StalledAfter < TimeSpan.FromMinutes(15))
            yield return $"{Name<DeliverySettings>(nameof(s.StalledAfter))} must be at least 00:15:00 (longer than the function timeout).";
        if (s.BsnColumnShare is <= 0 or > 1)
            yield return $"{Name<DeliverySettings>(nameof(s.BsnColumnShare))} must be above 0 and at most 1.";
    }

    public static IEnumerable<string> Problems(BureauSettings s)
    {
        if (s.Membership.Length > 0 && s.Membership.ToUpperInvariant() is not ("VBO" or "VSO" or "MOA"))
            yield return $"{Name<BureauSettings>(nameof(s.Membership))} must be VBO, VSO or MOA (or empty).";
        if (!s.ContactEmail.Contains('@'))
            yield return $"{Name<BureauSettings>(nameof(s.ContactEmail))} must be an e-mail address.";
        if (s.QuestionsEmail.Length > 0 && !s.QuestionsEmail.Contains('@'))
            yield return $"{Name<BureauSettings>(nameof(s.QuestionsEmail))} must be an e-mail address (or empty).";
        if (s.ContactRetentionDays < 0)
            yield return $"{Name<BureauSettings>(nameof(s.ContactRetentionDays))} must not be negative.";
    }

    public static IEnumerable<string> Problems(FieldworkSettings s)
    {
        var days = s.ReminderDays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (days.Any(d => !int.TryParse(d, out var n) || n < 1))
            yield return $"{Name<FieldworkSettings>(nameof(s.ReminderDays))} must be whole days after the invitation, comma-separated (e.g. 7,14).";
        if (s.ClosesMonth is < 1 or > 12 || s.ClosesDay < 1 || s.ClosesDay > DateTime.DaysInMonth(2001, Math.Clamp(s.ClosesMonth, 1, 12)))
            yield return $"{Name<FieldworkSettings>(nameof(s.ClosesMonth))} / {Name<FieldworkSettings>(nameof(s.ClosesDay))} must be a day of the year.";
        if (s.QuietUntilHour is < 0 or > 23 || s.QuietFromHour is < 1 or > 24 || s.QuietUntilHour >= s.QuietFromHour)
            yield return $"{Name<FieldworkSettings>(nameof(s.QuietUntilHour))} must be an hour before {Name<FieldworkSettings>(nameof(s.QuietFromHour))} (0–24).";
        if (s.CallFromHour is < 0 or > 23 || s.CallUntilHour is < 1 or > 24 || s.CallFromHour >= s.CallUntilHour)
            yield return $"{Name<FieldworkSettings>(nameof(s.CallFromHour))} must be an hour before {Name<FieldworkSettings>(nameof(s.CallUntilHour))} (0–24).";
        if (s.MaxCallAttempts is < 1 or > 50)
            yield return $"{Name<FieldworkSettings>(nameof(s.MaxCallAttempts))} must be between 1 and 50.";
        if (s.LettersPerStep is < 1 or > 1000)
            yield return $"{Name<FieldworkSettings>(nameof(s.LettersPerStep))} must be between 1 and 1000.";
    }

    public static IEnumerable<string> Problems(MailSettings s)
    {
        if (string.IsNullOrWhiteSpace(s.Host))
            yield return $"{Name<MailSettings>(nameof(s.Host))} is required.";
        if (s.Port is < 1 or > 65535)
            yield return $"{Name<MailSettings>(nameof(s.Port))} must be a port number (1–65535).";
        if (!Enum.TryParse<SecureSocketOptions>(s.Security, ignoreCase: true, out _))
            yield return $"{Name<MailSettings>(nameof(s.Security))} must be None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect.";
        if (!s.FromAddress.Contains('@'))
            yield return $"{Name<MailSettings>(nameof(s.FromAddress))} must be an e-mail address.";
        if (s.MaxPerMinute < 1 || s.MaxPerHour < 1 || s.MaxPerHour > 120_000)
            yield return $"{Name<MailSettings>(nameof(s.MaxPerMinute))} and {Name<MailSettings>(nameof(s.MaxPerHour))} must be at least 1 (an hour at most 120000).";
        foreach (var (value, property) in new[] { (s.RunTimeLimit, nameof(s.RunTimeLimit)), (s.MaxThrottleWait, nameof(s.MaxThrottleWait)), (s.RetryAfter, nameof(s.RetryAfter)), (s.ClaimDuration, nameof(s.ClaimDuration)) })
            if (value <= TimeSpan.Zero) yield return $"{Name<MailSettings>(property)} must be a positive time span (hh:mm:ss).";
    }

    public static IEnumerable<string> Problems(QuestionnaireSettings s)
    {
        if (string.IsNullOrWhiteSpace(s.CurrentVersion))
            yield return $"{Name<QuestionnaireSettings>(nameof(s.CurrentVersion))} is required.";
    }

    public static IEnumerable<string> Problems(ReportSettings s)
    {
        if (s.MinimumResponseRate is < 0 or > 1)
            yield return $"{Name<ReportSettings>(nameof(s.MinimumResponseRate))} must be a share between 0 and 1 (e.g. 0.3).";
        if (s.KpiMinimumMeanGrade is < 1 or > 10)
            yield return $"{Name<ReportSettings>(nameof(s.KpiMinimumMeanGrade))} must be a grade from 1 to 10.";
        if (s.SubmissionDeadlineMonth is < 1 or > 12 || s.SubmissionDeadlineDay < 1 || s.SubmissionDeadlineDay > DateTime.DaysInMonth(2001, Math.Clamp(s.SubmissionDeadlineMonth, 1, 12)))
            yield return $"{Name<ReportSettings>(nameof(s.SubmissionDeadlineMonth))} / {Name<ReportSettings>(nameof(s.SubmissionDeadlineDay))} must be a day of the year.";
        if (s.MinimumRespondents < 0 || s.ExemptionThreshold < 0 || s.IndicativeBelowRespondents < 0)
            yield return $"{Name<ReportSettings>(nameof(s.ExemptionThreshold))}, {Name<ReportSettings>(nameof(s.MinimumRespondents))} and {Name<ReportSettings>(nameof(s.IndicativeBelowRespondents))} must not be negative.";
        if (s.ConcurrentReads < 1)
            yield return $"{Name<ReportSettings>(nameof(s.ConcurrentReads))} must be at least 1 (companies read at a time by a report run).";
    }

    public static IEnumerable<string> Problems(ForecastSettings s)
    {
        if (new[] { s.DefaultEmailYield, s.DefaultLetterYield, s.DefaultPhoneYield }.Any(y => y is < 0 or > 1))
            yield return $"{Name<ForecastSettings>(nameof(s.DefaultEmailYield))}, {Name<ForecastSettings>(nameof(s.DefaultLetterYield))} and {Name<ForecastSettings>(nameof(s.DefaultPhoneYield))} must be shares between 0 and 1 (e.g. 0.15).";
        if (s.PriorWeight < 1 || s.ResponseWindowDays < 0 || s.RangeZ <= 0)
            yield return $"{Name<ForecastSettings>(nameof(s.PriorWeight))} must be at least 1, {Name<ForecastSettings>(nameof(s.ResponseWindowDays))} not negative and {Name<ForecastSettings>(nameof(s.RangeZ))} above 0.";
        if (s.DeliveryDueDay is < 1 or > 28)
            yield return $"{Name<ForecastSettings>(nameof(s.DeliveryDueDay))} must be a day from 1 to 28.";
        if (s.DefaultLetterGapDays <= 0 || s.DefaultCallGapDays <= 0 || s.TimingPriorWeight < 1)
            yield return $"{Name<ForecastSettings>(nameof(s.DefaultLetterGapDays))} and {Name<ForecastSettings>(nameof(s.DefaultCallGapDays))} must be above 0 (days, e.g. 14) and {Name<ForecastSettings>(nameof(s.TimingPriorWeight))} at least 1.";
    }

    public static IEnumerable<string> Problems(KeurmerkSettings s)
    {
        if (s.ClientSatisfactionMinimum is < 1 or > 10 || s.OpdrachtgeverSatisfactionMinimum is < 1 or > 10)
            yield return $"{Name<KeurmerkSettings>(nameof(s.ClientSatisfactionMinimum))} and {Name<KeurmerkSettings>(nameof(s.OpdrachtgeverSatisfactionMinimum))} must be grades from 1 to 10.";
        if (s.MinimumSuccessRate is < 0 or > 1)
            yield return $"{Name<KeurmerkSettings>(nameof(s.MinimumSuccessRate))} must be a share between 0 and 1 (e.g. 0.5).";
        if (s.SuccessWordList().Count == 0)
            yield return $"{Name<KeurmerkSettings>(nameof(s.SuccessWords))} must name at least one word (comma-separated).";
    }

    public static IEnumerable<string> Problems(Kto.Core.Backup.BackupSettings s)
    {
        if (s.AtHourUtc is < 0 or > 23)
            yield return $"{Name<Kto.Core.Backup.BackupSettings>(nameof(s.AtHourUtc))} must be an hour from 0 to 23 (UTC).";
        if (s.RetentionDays is < 1 or > 3650)
            yield return $"{Name<Kto.Core.Backup.BackupSettings>(nameof(s.RetentionDays))} must be between 1 and 3650 days.";
        if (s.BlobServiceUri.Length > 0 && !Uri.TryCreate(s.BlobServiceUri, UriKind.Absolute, out _))
            yield return $"{Name<Kto.Core.Backup.BackupSettings>(nameof(s.BlobServiceUri))} must be an absolute URL (https://ACCOUNT.blob.core.windows.net/).";
    }

    /// <summary>The app setting's name as it is set in Azure and by ./kto: <c>Kto__Section__Property</c>.</summary>
    public static string Name<T>(string property)
    {
        var section = SettingsCatalog.Sections.First(s => s.Type == typeof(T)).Section;
        return section.Length == 0 ? $"{SettingsCatalog.Root}__{property}" : $"{SettingsCatalog.Root}__{section}__{property}";
    }

    private static int RandomBytesIn(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? written : 0;
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();
}
