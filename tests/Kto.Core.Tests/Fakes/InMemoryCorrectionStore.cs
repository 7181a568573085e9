using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Kto.Core.Population;
using Kto.Core.Survey;

namespace Kto.Core.Tests.Fakes;

/// <summary>Corrections and delivered services in memory; <see cref="TakenBeforeAdd"/> lets a test act out a correction racing in.</summary>
public sealed class InMemoryCorrectionStore : ICorrectionStore
{
    private readonly ConcurrentDictionary<(ServiceRef, int), ServiceCorrection> corrections = new();
    public ConcurrentDictionary<ServiceRef, DeliveredService> Services { get; } = new();

    /// <summary>Run once before the next add, e.g. to store a competing correction with the same number.</summary>
    public Action<ServiceCorrection>? TakenBeforeAdd { get; set; }

    public DeliveredService Deliver(string company, int year, string id, Perceel perceel, DateOnly einddatum, string? klantnummer)
    {
        var service = new DeliveredService(new ServiceRef(company, year, id), perceel, einddatum, klantnummer);
        Services[service.Ref] = service;
        return service;
    }

    public IReadOnlyList<ServiceCorrection> All => corrections.Values.OrderBy(c => c.Service.ServiceId).ThenBy(c => c.Sequence).ToList();

    public async IAsyncEnumerable<ServiceCorrection> ForYearAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var c in All.Where(c => c.Service.Company == company && c.Service.Year == year)) yield return c;
        await Task.CompletedTask;
    }

    public Task<IReadOnlyList<ServiceCorrection>> ForServiceAsync(ServiceRef service, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ServiceCorrection>>(All.Where(c => c.Service == service).ToList());

    public Task<bool> TryAddAsync(ServiceCorrection correction, CancellationToken cancellationToken)
    {
        if (TakenBeforeAdd is { } race) { TakenBeforeAdd = null; race(correction); }
        return Task.FromResult(corrections.TryAdd((correction.Service, correction.Sequence), correction));
    }

    public Task<DeliveredService?> GetServiceAsync(ServiceRef service, CancellationToken cancellationToken) =>
        Task.FromResult(Services.GetValueOrDefault(service));

    public async IAsyncEnumerable<DeliveredService> ServicesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var s in Services.Values.Where(s => s.Ref.Company == company && s.Ref.Year == year)) yield return s;
        await Task.CompletedTask;
    }
}
