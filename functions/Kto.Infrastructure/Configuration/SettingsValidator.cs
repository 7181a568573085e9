using Microsoft.Extensions.Options;

namespace Kto.Infrastructure.Configuration;

/// <summary>Runs the <see cref="SettingsRules"/> of one settings class for the options system.</summary>
public sealed class SettingsValidator<T>(Func<T, IEnumerable<string>> rules) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var problems = rules(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
