using Kto.Core.Access;
using Kto.Core.Companies;
using Kto.Core.Deliveries;
using Kto.Core.Fieldwork;
using Kto.Core.Survey;
using Kto.Core.Privacy;
using Kto.Core.Progress;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Infrastructure.Configuration;
using Kto.Infrastructure.Mail;
using Kto.Infrastructure.Portal;
using Kto.Infrastructure.Reports;
using Kto.Infrastructure.Templates;
using Kto.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kto.Infrastructure;

/// <summary>
/// The composition root both hosts share (the Functions app in Azure and Kto.Local on one machine), so the
/// same services are wired the same way everywhere.
/// </summary>
public static class KtoServiceCollectionExtensions
{
    public static IServiceCollection AddKto(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddKtoSettings(configuration);
        services.AddSingleton(TimeProvider.System);

        var (blobs, tables) = StorageClients.Create(configuration);
        services.AddSingleton(blobs);
        services.AddSingleton(tables);
        services.AddHostedService<StorageInitializer>();

        services.AddSingleton<ICompanyStore, TableCompanyStore>();
        services.AddSingleton<IDeliveryStore, TableDeliveryStore>();
        services.AddSingleton<IProgressSource, TableProgressSource>();
        services.AddSingleton<IFieldworkStore, TableFieldworkStore>();
        services.AddSingleton<ISurveyTokenStore, TableSurveyTokenStore>();
        services.AddSingleton<ISurveyServiceStore, TableSurveyServiceStore>();
        services.AddSingleton<IResponseStore, TableResponseStore>();
        services.AddSingleton<IMailThrottle, TableMailThrottle>();
        services.AddSingleton<IRetentionStore, TableRetentionStore>();
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddSingleton(_ => new LiquidTemplates());
        services.AddSingleton<IMailComposer, LiquidMailComposer>();

        services.AddSingleton<AccessService>();
        services.AddSingleton<CompanyService>();
        services.AddSingleton<DeliveryParser>();
        services.AddSingleton<DeliveryIngestService>();
        services.AddSingleton<DeliveryUploadService>();
        services.AddSingleton<ProgressService>();
        services.AddSingleton<ContactPolicy>();
        services.AddSingleton<MailJobService>();
        services.AddSingleton<OfflineContactService>();
        services.AddSingleton<ManualAttemptService>();
        services.AddSingleton<RetentionPolicy>();
        services.AddSingleton<RetentionService>();

        // --- Questionnaire pages (GET/POST /api/s/{token}, opt-out) ---
        services.AddSingleton<QuestionnaireCatalog>();
        services.AddSingleton(provider => SurveyFormKeyFrom(provider));
        services.AddSingleton<UnknownTokenLimiter>();
        services.AddSingleton<SurveyPageService>();
        services.AddSingleton<SurveyPageRenderer>();
        // --- end questionnaire pages ---

        // Annual report: figures read from the tables, rendered to PDF/XLSX/JSON, drafts and signed versions archived.
        services.AddSingleton<IReportSource, TableReportSource>();
        services.AddSingleton<ReportFiguresService>();
        services.AddSingleton<ReportArchive>();
        services.AddSingleton<AnnualReportService>();

        services.AddKtoPortal();
        return services;
    }

    /// <summary>The CSRF form key; without a configured key a random one, which only suits one instance.</summary>
    private static SurveyFormKey SurveyFormKeyFrom(IServiceProvider provider)
    {
        var settings = provider.GetRequiredService<SurveySettings>();
        if (string.IsNullOrEmpty(settings.FormKey))
        {
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SurveyFormKey))
                .LogWarning("Kto:Survey:FormKey is not set: questionnaire forms use a random key made at start-up. " +
                            "Set it in production (the same on every instance), or forms posted after a restart are refused.");
        }
        return SurveyFormKey.From(settings.FormKey);
    }

    /// <summary>Binds every settings class of the catalog from section <c>Kto</c> and registers it as a singleton.</summary>
    private static void AddKtoSettings(this IServiceCollection services, IConfiguration configuration)
    {
        var root = configuration.GetSection(SettingsCatalog.Root);
        foreach (var (section, type) in SettingsCatalog.Sections)
        {
            var instance = Activator.CreateInstance(type)!;
            (section.Length == 0 ? root : root.GetSection(section)).Bind(instance);
            services.AddSingleton(type, instance);
        }
    }
}
