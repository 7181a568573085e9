using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Local;

/// <summary>
/// Calls a function method the way the Functions host would: a new DI scope, the class built from it, each
/// parameter bound by type (trigger value, CancellationToken, services) or by name (route and path values).
/// </summary>
public sealed class FunctionInvoker(IServiceScopeFactory scopes)
{
    public async Task<object?> InvokeAsync(FunctionMethod function, IReadOnlyDictionary<Type, object> byType,
        IReadOnlyDictionary<string, string?> byName, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.Type);
        var arguments = function.Method.GetParameters()
            .Select(p => Bind(p, byType, byName, scope.ServiceProvider, cancellationToken))
            .ToArray();
        try
        {
            var result = function.Method.Invoke(instance, arguments);
            return result switch
            {
                Task task => await Unwrap(task),
                ValueTask valueTask => await UnwrapValueTask(valueTask),
                _ => result,
            };
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static object? Bind(ParameterInfo parameter, IReadOnlyDictionary<Type, object> byType,
        IReadOnlyDictionary<string, string?> byName, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (parameter.ParameterType == typeof(CancellationToken)) return cancellationToken;
        foreach (var (type, value) in byType)
            if (parameter.ParameterType.IsAssignableFrom(type)) return value;
        if (parameter.Name is not null && byName.TryGetValue(parameter.Name, out var text))
            return Convert(text, parameter.ParameterType);
        var service = services.GetService(parameter.ParameterType);
        if (service is not null) return service;
        if (parameter.HasDefaultValue) return parameter.DefaultValue;
        throw new InvalidOperationException($"Kto.Local cannot bind parameter '{parameter.Name}' of {parameter.Member.Name}.");
    }

    private static object? Convert(string? text, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (text is null) return null;
        return target == typeof(string) ? text : System.Convert.ChangeType(text, target, CultureInfo.InvariantCulture);
    }

    private static async Task<object?> Unwrap(Task task)
    {
        await task;
        var type = task.GetType();
        return type.IsGenericType ? type.GetProperty("Result")!.GetValue(task) : null;
    }

    private static async Task<object?> UnwrapValueTask(ValueTask task)
    {
        await task;
        return null;
    }
}
