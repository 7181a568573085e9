using Kto.Core.Accounts;
using Kto.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kto.Infrastructure.Portal;

/// <summary>The portal's part of the composition root: accounts, sign-in, sessions, audit log, pages.</summary>
public static class PortalServiceCollectionExtensions
{
    public static IServiceCollection AddKtoPortal(this IServiceCollection services)
    {
        services.AddSingleton<IUserStore, TableUserStore>();
        services.AddSingleton<ISignInLinkStore, TableSignInLinkStore>();
        services.AddSingleton<ISessionStore, TableSessionStore>();
        services.AddSingleton<IAuditLog, TableAuditLog>();
        services.AddSingleton<Kto.Core.Portal.IDeliveryHistory, BlobDeliveryHistory>();
        services.AddSingleton<PortalMails>();
        services.AddSingleton<ISignInMailer, SignInMailer>();
        services.AddSingleton<IWelcomeMailer, WelcomeMailer>();
        services.AddSingleton(provider => PortalKeyFrom(provider));
        services.AddSingleton<UserService>();
        services.AddSingleton<SignInService>();
        services.AddSingleton<SessionService>();
        services.AddSingleton<Kto.Core.Portal.IOverviewSnapshots, Kto.Infrastructure.Storage.TableOverviewSnapshots>();
        services.AddSingleton<Kto.Core.Portal.BureauOverviewService>();
        services.AddSingleton<Kto.Core.Portal.FieldworkOverviewService>();
        // The weekly digest and the delivery reminders (issue 24).
        services.AddSingleton<Kto.Core.Digest.IDigestLedger, Kto.Infrastructure.Storage.TableDigestLedger>();
        services.AddSingleton<Kto.Core.Digest.IDigestMailer, DigestMailer>();
        services.AddSingleton<Kto.Core.Digest.DigestService>();
        services.AddSingleton<Kto.Core.Digest.DeliveryReminderService>();
        return services;
    }

    private static PortalKey PortalKeyFrom(IServiceProvider provider)
    {
        var settings = provider.GetRequiredService<PortalSettings>();
        if (string.IsNullOrEmpty(settings.SessionKey))
        {
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalKey))
                .LogWarning("Kto:Portal:SessionKey is not set: portal sessions use a random key made at start-up and end at a restart. " +
                            "Set it in production (the same on every instance).");
        }
        return PortalKey.From(settings.SessionKey);
    }
}
