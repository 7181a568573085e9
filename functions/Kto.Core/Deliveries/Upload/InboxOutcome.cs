namespace Kto.Core.Deliveries;

/// <summary>What <see cref="IDeliveryInbox.StoreAsync"/> came to.</summary>
public enum InboxOutcome { Stored, Exists, TooLarge }
