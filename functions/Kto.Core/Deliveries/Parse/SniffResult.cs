using System.Text;

namespace Kto.Core.Deliveries;

/// <summary>The sniffer's verdict: a format and encoding, or a refusal.</summary>
internal sealed record SniffResult(DeliveryFormat Format, Encoding? Encoding, DeliveryIssue? Refusal)
{
    public static SniffResult Of(DeliveryFormat format, Encoding? encoding) => new(format, encoding, null);

    public static SniffResult Refused(string code, string message) =>
        new(default, null, new DeliveryIssue(null, null, code, message));
}
