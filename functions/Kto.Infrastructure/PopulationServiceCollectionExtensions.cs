using Kto.Core.Fieldwork;
using Kto.Core.Population;
using Kto.Core.Reports;
using Kto.Core.Survey;
using Kto.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Infrastructure;

/// <summary>
/// The population's history: the corrections store, the use case, and the bureau's corrections applied to every
/// reader of the population by wrapping its port (mail job, offline list and manual attempts; questionnaire;
/// progress and report). Called last in <see cref="KtoServiceCollectionExtensions.AddKto"/>, so it wraps whatever
/// adapter is registered.
/// </summary>
public static class PopulationServiceCollectionExtensions
{
    public static IServiceCollection AddKtoPopulation(this IServiceCollection services)
    {
        services.AddSingleton<ICorrectionStore, TableCorrectionStore>();
        services.AddSingleton<PopulationCorrectionService>();
        // Progress, report, overview and forecast read a company's year once, corrections applied here (not by the decorators below).
        services.AddSingleton<IPopulationSource, TablePopulationSource>();
        services.AddSingleton(sp => new PopulationReader(sp.GetRequiredService<IPopulationSource>(), sp.GetRequiredService<ICorrectionStore>(),
            sp.GetRequiredService<IFieldworkStore>(), sp.GetRequiredService<IResponseStore>()));
        Decorate<IFieldworkStore>(services, (sp, inner) => new CorrectedFieldworkStore(inner, sp.GetRequiredService<ICorrectionStore>()));
        Decorate<ISurveyServiceStore>(services, (sp, inner) => new CorrectedSurveyServiceStore(inner, sp.GetRequiredService<ICorrectionStore>()));
        Decorate<IReportSource>(services, (sp, inner) => new CorrectedReportSource(inner, sp.GetRequiredService<ICorrectionStore>()));
        return services;
    }

    private static void Decorate<TService>(IServiceCollection services, Func<IServiceProvider, TService, TService> wrap) where TService : class
    {
        var inner = services.Last(d => d.ServiceType == typeof(TService));
        services.Remove(inner);
        services.AddSingleton(sp => wrap(sp, (TService)(inner.ImplementationInstance
            ?? inner.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!))));
    }
}
