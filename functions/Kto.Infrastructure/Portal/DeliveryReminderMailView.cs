namespace Kto.Infrastructure.Portal;

/// <summary>What the delivery reminder reads beside <see cref="PortalMailView"/>.</summary>
public sealed record DeliveryReminderMailView(string Company, string Month, string Due, string DeliveriesUrl);
