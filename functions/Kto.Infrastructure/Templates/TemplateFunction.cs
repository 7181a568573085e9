using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Kto.Infrastructure.Templates;

/// <summary>
/// A function templates call as a Liquid filter (<c>{{ input | name: a, b }}</c>): gets the input and the
/// arguments in one list, in that order, however many there are.
/// </summary>
public sealed class TemplateFunction(Func<TemplateContext, ScriptNode?, ScriptArray, object?> body) : IScriptCustomFunction
{
    public int RequiredParameterCount => 0;

    public int ParameterCount => 0;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

    public Type ReturnType => typeof(object);

    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), $"argument{index}");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        body(context, callerContext, arguments);

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
