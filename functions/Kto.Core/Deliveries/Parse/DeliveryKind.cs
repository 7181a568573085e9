namespace Kto.Core.Deliveries;

/// <summary>What a delivered file is, decided by its columns: a client export, or a list of opdrachtgevers (Blik op Werk).</summary>
public enum DeliveryKind
{
    Clients,
    Opdrachtgevers,
}
