using Kto.Core.Access;
using Kto.Core.Companies;
using Kto.Core.Deliveries;
using Kto.Core.Fieldwork;
using Kto.Core.Forecast;
using Kto.Core.Interviews;
using Kto.Core.Letters;
using Kto.Core.Keurmerk;
using Kto.Core.Survey;
using Kto.Core.Privacy;
using Kto.Core.Progress;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Infrastructure.Backup;
using Kto.Infrastructure.Configuration;
using Kto.Infrastructure.Letters;
using Kto.Infrastructure.Deliveries;
using Kto.Infrastructure.Links;
using Kto.Infrastructure.Mail;
using Kto.Core.Population;
using Kto.Core.Portal;
using Kto.Infrastructure.Portal;
using Kto.Infrastructure.Reports;
using Kto.Infrastructure.Reports.Signing;
using Kto.Infrastructure.Templates;
using Kto.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Reflection;

namespace Kto.Infrastructure;

/// <summary>
/// The composition root both hosts share (the Functions app in Azure and Kto.Local on one machine), so the
/// same services are wired the same way everywhere.
/// </summary>
public static class KtoServiceCollectionExtensions
{
    public static IServiceCollection AddKto(this IServiceCollection services, IConfiguration configuration)
    {
        // BindConfiguration reads the IConfiguration of the container; hosts register it, a bare container (bench) may not.
        services.TryAddSingleton(configuration);
        services.AddKtoSettings();
        services.AddSingleton(TimeProvider.System);

        var (blobs, tables) = StorageClients.Create(configuration);
        services.AddSingleton(blobs);
        services.AddSingleton(tables);
        services.AddHostedService<StorageInitializer>();

        services.AddSingleton<ICompanyStore, TableCompanyStore>();
        services.AddSingleton<IDeliveryStore, TableDeliveryStore>();
        services.AddSingleton<IFieldworkStore, TableFieldworkStore>();
        services.AddSingleton<RecentTokens>();
        services.AddSingleton<ISurveyTokenStore, TableSurveyTokenStore>();
        services.AddSingleton<ISurveyServiceStore, TableSurveyServiceStore>();
        // Every door stores answers through the redacting wrapper: an open answer's original text is never at rest.
        services.AddSingleton<TableResponseStore>();
        services.AddSingleton<IResponseStore>(provider => ActivatorUtilities.CreateInstance<RedactingResponseStore>(provider, provider.GetRequiredService<TableResponseStore>()));
        services.AddSingleton<IMailThrottle, TableMailThrottle>();
        services.AddSingleton<IRetentionStore, TableRetentionStore>();
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddSingleton(_ => new LiquidTemplates());
        services.AddSingleton<Kto.Core.Portal.IPageTemplates, PageTemplates>();
        services.AddSingleton<IMailComposer, LiquidMailComposer>();
        services.AddSingleton<IMailRunLog, TableMailRunLog>();
        services.AddSingleton<IMailSchedule, CronMailSchedule>();

        services.AddSingleton<ISurveyLinks, PublicSurveyLinks>();
        services.AddSingleton<AccessService>();
        services.AddSingleton<CompanyService>();
        services.AddSingleton<DeliveryParser>();
        services.AddSingleton<DeliveryIngestService>();
        services.AddSingleton<IDeliveryInbox, BlobDeliveryInbox>();
        services.AddSingleton<IReceiptSheets, ReceiptSheets>();
        services.AddSingleton<DeliveryUploadService>();
        services.AddSingleton<ProgressService>();
        services.AddSingleton<ContactPolicy>();
        // Clients and opdrachtgevers (Blik op Werk) go through the one mail job, call list and call record: their store sees both.
        services.AddSingleton(provider => new AudienceFieldworkStore(provider.GetRequiredService<IFieldworkStore>(), provider.GetRequiredService<TableOpdrachtgeverStore>()));
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<MailJobService>(provider, provider.GetRequiredService<AudienceFieldworkStore>()));
        services.AddSingleton<MailRunService>();
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<OfflineContactService>(provider, provider.GetRequiredService<AudienceFieldworkStore>()));
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<ManualAttemptService>(provider, provider.GetRequiredService<AudienceFieldworkStore>()));
        services.AddSingleton<RetentionPolicy>();
        services.AddSingleton<RetentionService>();

        // --- Questionnaire pages (GET/POST /api/s/{token}, opt-out) ---
        services.AddSingleton<QuestionnaireCatalog>();
        services.AddSingleton(provider => SurveyFormKeyFrom(provider));
        services.AddSingleton<UnknownTokenLimiter>();
        // The same page answers clients' and opdrachtgevers' links: the stores dispatch by id.
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<SurveyPageService>(provider,
            new AudienceSurveyServiceStore(provider.GetRequiredService<ISurveyServiceStore>(), provider.GetRequiredService<TableOpdrachtgeverStore>()),
            ActivatorUtilities.CreateInstance<RedactingResponseStore>(provider,
                new AudienceResponseStore(provider.GetRequiredService<TableResponseStore>(), provider.GetRequiredService<TableOpdrachtgeverStore>()))));
        services.AddSingleton<SurveyPageRenderer>();
        services.AddSingleton<ISurveyPageRenderer, FirstOpenPageCache>();
        // --- end questionnaire pages ---

        // Phone interviews and paper entry: the call list and answers the bureau enters (issue 14).
        // Opdrachtgevers without usable e-mail are called and interviewed too: the stores dispatch by id.
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<CallListService>(provider,
            provider.GetRequiredService<AudienceFieldworkStore>(),
            new AudienceResponseStore(provider.GetRequiredService<IResponseStore>(), provider.GetRequiredService<TableOpdrachtgeverStore>())));
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<AnswerEntryService>(provider,
            provider.GetRequiredService<AudienceFieldworkStore>(),
            new AudienceSurveyServiceStore(provider.GetRequiredService<ISurveyServiceStore>(), provider.GetRequiredService<TableOpdrachtgeverStore>()),
            ActivatorUtilities.CreateInstance<RedactingResponseStore>(provider,
                new AudienceResponseStore(provider.GetRequiredService<TableResponseStore>(), provider.GetRequiredService<TableOpdrachtgeverStore>()))));

        // Annual report: figures read from the tables, rendered to PDF/XLSX/JSON, drafts and signed versions archived.
        services.AddSingleton<IReportSource, TableReportSource>();
        // Counted from the population read once (PopulationReader, registered with the population's rules).
        services.AddSingleton(provider => new ReportFiguresService(provider.GetRequiredService<PopulationReader>(), provider.GetRequiredService<QuestionnaireCatalog>()));
        services.AddSingleton<ReportRunReads>();
        services.AddSingleton<IReportArchive, ReportArchive>();
        services.AddSingleton<ReportRenderer>();
        services.AddSingleton<IReportRenderer>(provider => provider.GetRequiredService<ReportRenderer>());
        // The annual report by use case, over one shared builder (the one way a report is built from a draft's inputs).
        services.AddSingleton<DraftReportBuilder>();
        services.AddSingleton<ReportDraftService>();
        services.AddSingleton<AnswerHidingService>();
        services.AddSingleton<ReportSigningService>();
        services.AddSingleton<ReportFilesService>();
        services.AddSingleton<AutomaticDraftRule>();
        // Report: open answers (redacted from the clients' own identifiers), answers the bureau hid, exemption letters.
        services.AddSingleton<IClientIdentifierSource, TableClientIdentifierSource>();
        services.AddSingleton<OpenAnswersService>();
        services.AddSingleton<IHiddenAnswerStore, TableHiddenAnswerStore>();
        services.AddSingleton<IExemptionLetterRenderer, ExemptionLetterPdfRenderer>();
        services.AddSingleton<ExemptionLetterService>();
        // The bureau's digital signature in signed report PDFs; the certificate is loaded (and checked) at start-up.
        services.AddSingleton(provider => SigningCertificateSources.Create(provider.GetRequiredService<SigningSettings>(),
            provider.GetRequiredService<KtoSettings>(), provider.GetRequiredService<BureauSettings>(), configuration,
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SigningCertificateSources))));
        // With Kto:Signing:TimestampUrl every signature gets an RFC 3161 timestamp (PAdES B-T); without, none (B-B).
        services.AddSingleton<IReportPdfSigner>(provider => new CmsReportPdfSigner(provider.GetRequiredService<ISigningCertificateSource>(),
            provider.GetRequiredService<SigningSettings>().TimestampUrl is { Length: > 0 } url
                ? new Rfc3161TimestampClient(new Uri(url), new HttpClient { Timeout = Rfc3161TimestampClient.Timeout },
                    provider.GetRequiredService<ILogger<Rfc3161TimestampClient>>())
                : null));
        services.AddHostedService<SigningCertificateCheck>();

        // Operations: what needs a person, on the bureau overview (the same conditions as the Azure alerts).
        services.AddSingleton<Kto.Core.Operations.ISigningCertificateExpiry, SigningCertificateExpiry>();
        services.AddSingleton<Kto.Core.Operations.IFailedDeliveries, TableFailedDeliveries>();
        services.AddSingleton<Kto.Core.Operations.AttentionService>();

        // Letters (issue 14): batches with a QR code and a short code per client or opdrachtgever; /k opens the questionnaire by code.
        services.AddSingleton<IShortCodeStore, TableShortCodeStore>();
        services.AddSingleton<ILetterBatchStore, TableLetterBatchStore>();
        services.AddSingleton<ILetterRenderer, LetterPdfRenderer>();
        services.AddSingleton<ShortCodeLimiter>();
        services.AddSingleton<ShortCodeService>();
        // Opdrachtgevers (Blik op Werk) the post reaches get letters in the same batches: the store sees both.
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<LetterBatchService>(provider, provider.GetRequiredService<AudienceFieldworkStore>()));
        // --- Blik op Werk Keurmerk: opdrachtgevers (their own tables) and the Keurmerk report ---
        services.AddSingleton<TableOpdrachtgeverStore>();
        services.AddSingleton<IOpdrachtgeverStore>(provider => provider.GetRequiredService<TableOpdrachtgeverStore>());
        services.AddSingleton<OpdrachtgeverFiguresService>();
        services.AddSingleton<KeurmerkReportService>();
        services.AddSingleton<IKeurmerkReportRenderer, KeurmerkReportRenderer>();
        // Its drafts and signed versions: the UWV report's archive and rules, kept apart by kind.
        services.AddSingleton<IReportVersionStore<KeurmerkReport>>(provider => ActivatorUtilities.CreateInstance<ReportVersionStore<KeurmerkReport>>(
            provider, ReportKind.Keurmerk));
        // --- end Blik op Werk ---

        // Response forecast per perceel (issue 24): read through the ports above, the model is pure.
        services.AddSingleton<ResponseForecaster>();
        services.AddSingleton(provider => new ForecastService(provider.GetRequiredService<PopulationReader>(), provider.GetRequiredService<IDeliveryHistory>(),
            provider.GetRequiredService<ResponseForecaster>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ICompanyForecasts>(provider => provider.GetRequiredService<ForecastService>());

        services.AddKtoPortal();
        services.AddKtoPopulation();
        services.AddKtoBackup(configuration);
        return services;
    }

    /// <summary>The survey's server key (CSRF form field, short code hashes); without a configured key a random one, which only suits one instance.</summary>
    private static SurveyFormKey SurveyFormKeyFrom(IServiceProvider provider)
    {
        var settings = provider.GetRequiredService<SurveySettings>();
        if (string.IsNullOrEmpty(settings.FormKey))
        {
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SurveyFormKey))
                .LogWarning("Kto:Survey:FormKey is not set: questionnaire forms use a random key made at start-up. " +
                            "Set it in production (the same on every instance), or forms posted after a restart are refused " +
                            "and short codes printed before a restart are unknown.");
        }
        return SurveyFormKey.From(settings.FormKey);
    }

    /// <summary>
    /// Binds every settings class of the catalog from section <c>Kto</c> with the options system, validated at
    /// start-up (<see cref="SettingsRules"/>), and registers each as a singleton, as the services take them.
    /// A value that cannot be read ("abc" for a number) also stops start-up, naming the setting.
    /// </summary>
    private static void AddKtoSettings(this IServiceCollection services)
    {
        foreach (var (section, type) in SettingsCatalog.Sections)
        {
            var path = section.Length == 0 ? SettingsCatalog.Root : $"{SettingsCatalog.Root}:{section}";
            typeof(KtoServiceCollectionExtensions).GetMethod(nameof(AddSettings), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(type).Invoke(null, [services, path]);
        }
        services.AddSingleton<IValidateOptions<KtoSettings>>(new SettingsValidator<KtoSettings>(SettingsRules.Problems));
        services.AddSingleton<IValidateOptions<DeliverySettings>>(new SettingsValidator<DeliverySettings>(SettingsRules.Problems));
        services.AddSingleton<IValidateOptions<BureauSettings>>(new SettingsValidator<BureauSettings>(SettingsRules.Problems));
        services.AddSingleton<IValidateOptions<FieldworkSettings>>(new SettingsValidator<FieldworkSettings>(SettingsRules.Problems));
        services.AddSingleton<IValidateOptions<SigningSettings>>(new SettingsValidator<SigningSettings>(SettingsRules.Problems));
        services.AddSingleton<IValidateOptions<MailSettings>>(new SettingsValidator<MailSettings>(SettingsRules.Problems));
        services.AddSingleton<IValidateOptions<QuestionnaireSettings>>(new SettingsValidator<QuestionnaireSettings>(SettingsRules.Problems));
        services.AddSingleton<IValidateOptions<ReportSettings>>(new SettingsValidator<ReportSettings>(SettingsRules.Problems));
        services.AddSingleton<IValidateOptions<ForecastSettings>>(new SettingsValidator<ForecastSettings>(SettingsRules.Problems));
        services.AddSingleton<IValidateOptions<KeurmerkSettings>>(new SettingsValidator<KeurmerkSettings>(SettingsRules.Problems));
        services.AddSingleton<IValidateOptions<Kto.Core.Backup.BackupSettings>>(new SettingsValidator<Kto.Core.Backup.BackupSettings>(SettingsRules.Problems));
        services.AddSingleton<IValidateOptions<SurveySettings>>(provider =>
            new SettingsValidator<SurveySettings>(s => SettingsRules.Problems(s, provider.GetRequiredService<IOptions<KtoSettings>>().Value)));
    }

    private static void AddSettings<T>(IServiceCollection services, string path) where T : class
    {
        services.AddOptions<T>().BindConfiguration(path).ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<T>>().Value);
    }
}
