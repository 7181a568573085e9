using System.Reflection;
using System.Text;

namespace Kto.Infrastructure.Templates;

/// <summary>How a template reads a .NET member: the portal's templates write snake_case (<c>at_risk</c>) for a view model's <c>AtRisk</c>.</summary>
public static class TemplateNames
{
    public static string SnakeCase(MemberInfo member) => SnakeCase(member.Name);

    /// <summary><c>AtRisk</c> → <c>at_risk</c>, <c>Sha256</c> → <c>sha256</c>: an underscore before each capital that follows a letter or digit.</summary>
    public static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && char.IsLetterOrDigit(name[i - 1])) text.Append('_');
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
