using Kto.Core.Settings;

namespace Kto.Core.Reports;

/// <summary>The research bureau as the report names it; taken from <see cref="BureauSettings"/>, the one place for it.</summary>
public sealed record BureauInfo(string Name, string Membership)
{
    public static BureauInfo From(BureauSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.Name.Trim(), settings.Membership.Trim());
    }
}
