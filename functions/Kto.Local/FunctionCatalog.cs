using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Kto.Local;

/// <summary>
/// Every <c>[Function]</c> method of the Functions app, found by reflection, so routes, blob paths and schedules
/// are read from the trigger attributes themselves and live in one place.
/// </summary>
public sealed class FunctionCatalog
{
    public FunctionCatalog(Assembly functionsAssembly)
    {
        Functions = (
            from type in functionsAssembly.GetTypes()
            where type is { IsClass: true, IsAbstract: false }
            from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            let function = method.GetCustomAttribute<FunctionAttribute>()
            where function is not null
            select new FunctionMethod(function.Name, type, method)).ToList();
    }

    public IReadOnlyList<FunctionMethod> Functions { get; }

    public IEnumerable<(FunctionMethod Function, T Trigger)> WithTrigger<T>() where T : Attribute =>
        from f in Functions
        let trigger = f.Method.GetParameters().Select(p => p.GetCustomAttribute<T>()).FirstOrDefault(a => a is not null)
        where trigger is not null
        select (f, trigger);
}

/// <summary>One function: its name, its class and its method.</summary>
public sealed record FunctionMethod(string Name, Type Type, MethodInfo Method);
