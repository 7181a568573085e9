namespace Kto.Core.Reports;

/// <summary>Invitations and reminders sent, per mode: UWV asks "how" clients were approached.</summary>
public sealed record ContactAttempts(int Email, int Letter, int Phone)
{
    public int Total => Email + Letter + Phone;
}
