using Kto.Core.Backup;
using Kto.Core.Forecast;
using Kto.Core.Keurmerk;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Settings;

namespace Kto.Infrastructure.Configuration;

/// <summary>
/// Every settings class the code binds, with its configuration section under <c>Kto</c>. App settings in Azure
/// are named <c>Kto__{Section}__{Property}</c> (or <c>Kto__{Property}</c> for the root section). infra-bicep is
/// checked against this list, so adding a setting here without deploying it fails the tests.
/// </summary>
public static class SettingsCatalog
{
    public const string Root = "Kto";

    public static IReadOnlyList<(string Section, Type Type)> Sections { get; } =
    [
        (KtoSettings.Section, typeof(KtoSettings)),
        (DeliverySettings.Section, typeof(DeliverySettings)),
        (BureauSettings.Section, typeof(BureauSettings)),
        (FieldworkSettings.Section, typeof(FieldworkSettings)),
        (MailSettings.Section, typeof(MailSettings)),
        (QuestionnaireSettings.Section, typeof(QuestionnaireSettings)),
        (ReportSettings.Section, typeof(ReportSettings)),
        (ForecastSettings.Section, typeof(ForecastSettings)),
        (SurveySettings.Section, typeof(SurveySettings)),
        (SigningSettings.Section, typeof(SigningSettings)),
        (PortalSettings.Section, typeof(PortalSettings)),
        (KeurmerkSettings.Section, typeof(KeurmerkSettings)),
        (BackupSettings.Section, typeof(BackupSettings)),
    ];

    /// <summary>The app setting names (double underscore form) of every bound property.</summary>
    public static IEnumerable<string> AppSettingNames() =>
        from s in Sections
        from p in s.Type.GetProperties()
        where p.CanWrite
        select s.Section.Length == 0 ? $"{Root}__{p.Name}" : $"{Root}__{s.Section}__{p.Name}";

    /// <summary>Settings the host itself reads (not under <c>Kto</c>).</summary>
    public static IReadOnlyList<string> HostSettingNames { get; } =
    [
        "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__queueServiceUri",
        "AzureWebJobsStorage__tableServiceUri",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "FUNCTIONS_REQUEST_BODY_SIZE_LIMIT",
    ];
}
