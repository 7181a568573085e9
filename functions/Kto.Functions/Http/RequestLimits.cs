using Kto.Core.Settings;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kto.Functions.Http;

/// <summary>
/// Kestrel's body limit in both hosts (the Functions worker's own Kestrel and Kto.Local): a little above the
/// delivery limit, so an upload up to <c>Kto:Delivery:MaxFileBytes</c> always reaches the upload route, which
/// answers anything larger itself with 413 and a <c>file-too-large</c> receipt. Other routes set lower limits per
/// request (the questionnaire: 64 KB). In Azure the host's <c>FUNCTIONS_REQUEST_BODY_SIZE_LIMIT</c> (infra-bicep)
/// must be at least this.
/// </summary>
public static class RequestLimits
{
    /// <summary>Room above the file limit, so the upload route, not Kestrel, sees a file one byte too large.</summary>
    public const long Headroom = 1024 * 1024;

    public static long MaxBodyBytes(DeliverySettings delivery) => delivery.MaxFileBytes + Headroom;

    public static IServiceCollection AddKtoRequestLimits(this IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<DeliverySettings>>((kestrel, delivery) => kestrel.Limits.MaxRequestBodySize = MaxBodyBytes(delivery.Value));
        return services;
    }
}
