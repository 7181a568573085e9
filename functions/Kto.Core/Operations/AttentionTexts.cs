namespace Kto.Core.Operations;

/// <summary>What an <see cref="AttentionItem"/> says, in Dutch (<see cref="WrittenMessages"/>: the overview in English translates them).</summary>
public static class AttentionTexts
{
    public const string IngestFailed = "Levering {0} van {1} is niet verwerkt";
    public const string OneMailRunFailed = "1 mailrun is mislukt of kon de mailserver niet bereiken";
    public const string MailRunsFailed = "{0} mailruns zijn mislukt of konden de mailserver niet bereiken";
    public const string NoBackupStorage = "Er is geen back-upopslag ingesteld (Kto__Backup__BlobServiceUri): er wordt 's nachts geen back-up gemaakt; lokaal maakt ./kto backup er een";
    public const string NoBackupYet = "Er is nog geen nachtelijke back-up gemaakt";
    public const string BackupMissed = "De nachtelijke back-up is niet gemaakt";
    public const string CertificateExpired = "Het certificaat waarmee rapporten worden ondertekend is verlopen";
    public const string CertificateExpiring = "Het certificaat waarmee rapporten worden ondertekend verloopt binnenkort";
}
