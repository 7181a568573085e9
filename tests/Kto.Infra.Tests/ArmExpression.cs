using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kto.Infra.Tests;

/// <summary>A value an ARM expression has only at deploy time (reference(), uniqueString(), ...).</summary>
public sealed class Unknown
{
    public static readonly Unknown Value = new();
    private Unknown() { }
    public override string ToString() => "?";
}

/// <summary>Syntax tree of an ARM template language expression.</summary>
public abstract record ArmNode;
public sealed record ArmLiteral(object? Value) : ArmNode;
public sealed record ArmCall(string Name, IReadOnlyList<ArmNode> Arguments) : ArmNode;
public sealed record ArmMember(ArmNode Target, string Name) : ArmNode;
public sealed record ArmIndex(ArmNode Target, ArmNode Index) : ArmNode;

/// <summary>
/// Parses ARM template expressions ("[union(variables('a'), createObject('k', 1))]") and evaluates the part of them
/// that is known before deployment: parameters with values or defaults, variables, and the pure functions bicep
/// emits for objects, arrays and loops. Anything that needs Azure (reference, uniqueString, ...) is
/// <see cref="Unknown"/>, which keeps object keys and array lengths knowable while their values are not.
/// </summary>
public static class ArmExpression
{
    /// <summary>The expression inside a template string, or null when the string is a plain literal.</summary>
    public static ArmNode? TryParse(string text)
    {
        if (text.Length < 2 || text[0] != '[' || text[^1] != ']' || text.StartsWith("[[", StringComparison.Ordinal)) return null;
        var parser = new Parser(text[1..^1]);
        var node = parser.ParseExpression();
        parser.ExpectEnd();
        return node;
    }

    private sealed class Parser(string text)
    {
        private int _pos;

        public void ExpectEnd()
        {
            SkipSpace();
            if (_pos != text.Length) throw new FormatException($"Unexpected '{text[_pos..]}' in expression [{text}]");
        }

        public ArmNode ParseExpression()
        {
            SkipSpace();
            ArmNode node;
            var c = Peek();
            if (c == '\'') node = new ArmLiteral(ReadString());
            else if (c == '-' || char.IsDigit(c)) node = new ArmLiteral(ReadNumber());
            else if (char.IsLetter(c) || c == '_')
            {
                var name = ReadIdentifier();
                SkipSpace();
                Expect('(');
                var args = new List<ArmNode>();
                SkipSpace();
                if (Peek() != ')')
                {
                    while (true)
                    {
                        args.Add(ParseExpression());
                        SkipSpace();
                        if (Peek() == ',') { _pos++; continue; }
                        break;
                    }
                }
                Expect(')');
                node = new ArmCall(name, args);
            }
            else throw new FormatException($"Unexpected '{c}' at {_pos} in expression [{text}]");

            while (true)
            {
                SkipSpace();
                if (Peek() == '.') { _pos++; node = new ArmMember(node, ReadIdentifier()); }
                else if (Peek() == '[') { _pos++; var index = ParseExpression(); SkipSpace(); Expect(']'); node = new ArmIndex(node, index); }
                else return node;
            }
        }

        private char Peek() => _pos < text.Length ? text[_pos] : '\0';

        private void SkipSpace() { while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++; }

        private void Expect(char c)
        {
            if (Peek() != c) throw new FormatException($"Expected '{c}' at {_pos} in expression [{text}]");
            _pos++;
        }

        private string ReadIdentifier()
        {
            var start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_' || text[_pos] == '$')) _pos++;
            if (start == _pos) throw new FormatException($"Expected a name at {_pos} in expression [{text}]");
            return text[start.._pos];
        }

        private string ReadString()
        {
            Expect('\'');
            var sb = new StringBuilder();
            while (true)
            {
                if (_pos >= text.Length) throw new FormatException($"Unterminated string in expression [{text}]");
                var c = text[_pos++];
                if (c == '\'')
                {
                    if (Peek() == '\'') { sb.Append('\''); _pos++; continue; }
                    return sb.ToString();
                }
                sb.Append(c);
            }
        }

        private object ReadNumber()
        {
            var start = _pos;
            if (Peek() == '-') _pos++;
            while (_pos < text.Length && (char.IsDigit(text[_pos]) || text[_pos] == '.')) _pos++;
            var s = text[start.._pos];
            return s.Contains('.') ? double.Parse(s, CultureInfo.InvariantCulture) : (object)long.Parse(s, CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>
/// One template (the main one or a module's nested template) with the values of its parameters, able to evaluate
/// its variables and expressions. Values are null, string, long, double, bool, List&lt;object?&gt;,
/// Dictionary&lt;string, object?&gt; (keys case-insensitive, as in ARM) or <see cref="Unknown"/>.
/// </summary>
public sealed class ArmScope
{
    private readonly IReadOnlyDictionary<string, Func<object?>> _parameterValues;
    private readonly Dictionary<string, object?> _variableCache = new(StringComparer.OrdinalIgnoreCase);

    public ArmScope(JsonObject template, IReadOnlyDictionary<string, Func<object?>>? parameterValues = null)
    {
        Template = template;
        _parameterValues = parameterValues ?? new Dictionary<string, Func<object?>>();
    }

    public JsonObject Template { get; }

    /// <summary>Every resource of this template (array or symbolic-name form).</summary>
    public IEnumerable<JsonObject> Resources => Template["resources"] switch
    {
        JsonArray a => a.OfType<JsonObject>(),
        JsonObject o => o.Select(p => p.Value).OfType<JsonObject>(),
        _ => [],
    };

    /// <summary>This scope and the scopes of every module (nested deployment) below it, with the module resource.</summary>
    public IEnumerable<ArmScope> SelfAndModules()
    {
        yield return this;
        foreach (var r in Resources)
        {
            if (!string.Equals((string?)r["type"], "Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase)) continue;
            if (r["properties"]?["template"] is not JsonObject nested) continue;
            var values = new Dictionary<string, Func<object?>>(StringComparer.OrdinalIgnoreCase);
            if (r["properties"]?["parameters"] is JsonObject passed)
            {
                foreach (var (name, value) in passed)
                {
                    var node = value?["value"];
                    var lazy = new Lazy<object?>(() => Evaluate(node));
                    values[name] = () => lazy.Value;
                }
            }
            foreach (var child in new ArmScope(nested, values).SelfAndModules()) yield return child;
        }
    }

    public object? Parameter(string name)
    {
        if (_parameterValues.TryGetValue(name, out var value)) return value();
        var declared = Template["parameters"]?.AsObject().FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        if (declared is null) throw new KeyNotFoundException($"Parameter '{name}' is not declared");
        return declared["defaultValue"] is { } d ? Evaluate(d) : Unknown.Value;
    }

    public object? Variable(string name)
    {
        if (_variableCache.TryGetValue(name, out var cached)) return cached;
        var declared = Template["variables"]?.AsObject().FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
        if (declared?.Key is null) throw new KeyNotFoundException($"Variable '{name}' is not declared");
        var value = Evaluate(declared.Value.Value);
        _variableCache[name] = value;
        return value;
    }

    /// <summary>Evaluates a JSON node of the template: literals as they are, "[...]" strings as expressions.</summary>
    public object? Evaluate(JsonNode? node, IReadOnlyDictionary<string, long>? copyIndexes = null) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => Evaluate(p.Value, copyIndexes), StringComparer.OrdinalIgnoreCase),
        JsonArray a => a.Select(e => Evaluate(e, copyIndexes)).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => EvaluateString(v.GetValue<string>(), copyIndexes),
            JsonValueKind.Number => Number(v),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => null,
    };

    private static object Number(JsonValue v)
    {
        if (v.TryGetValue<JsonElement>(out var e)) return e.TryGetInt64(out var le) ? (object)le : e.GetDouble();
        if (v.TryGetValue<long>(out var l)) return l;
        if (v.TryGetValue<int>(out var i)) return (long)i;
        return v.GetValue<double>();
    }

    public object? EvaluateString(string text, IReadOnlyDictionary<string, long>? copyIndexes = null)
    {
        var expression = ArmExpression.TryParse(text);
        if (expression is null) return text.StartsWith("[[", StringComparison.Ordinal) ? text[1..] : text;
        return Evaluate(expression, copyIndexes ?? new Dictionary<string, long>());
    }

    public object? Evaluate(ArmNode node, IReadOnlyDictionary<string, long> copyIndexes)
    {
        switch (node)
        {
            case ArmLiteral l: return l.Value;
            case ArmMember m:
                {
                    var target = Evaluate(m.Target, copyIndexes);
                    return target is Dictionary<string, object?> d ? (d.TryGetValue(m.Name, out var v) ? v : Unknown.Value) : Unknown.Value;
                }
            case ArmIndex ix:
                {
                    var target = Evaluate(ix.Target, copyIndexes);
                    var index = Evaluate(ix.Index, copyIndexes);
                    return (target, index) switch
                    {
                        (List<object?> list, long i) when i >= 0 && i < list.Count => list[(int)i],
                        (Dictionary<string, object?> d, string k) => d.TryGetValue(k, out var v) ? v : Unknown.Value,
                        _ => Unknown.Value,
                    };
                }
            case ArmCall call:
                return Call(call, copyIndexes);
            default:
                return Unknown.Value;
        }
    }

    private object? Call(ArmCall call, IReadOnlyDictionary<string, long> copyIndexes)
    {
        var name = call.Name.ToLowerInvariant();
        if (name == "if")
        {
            var condition = Evaluate(call.Arguments[0], copyIndexes);
            return condition is bool b ? Evaluate(call.Arguments[b ? 1 : 2], copyIndexes) : Unknown.Value;
        }
        if (name == "copyindex")
        {
            var loop = call.Arguments.Count > 0 && Evaluate(call.Arguments[0], copyIndexes) is string s ? s : "";
            var offset = call.Arguments.Count > 0 && Evaluate(call.Arguments[^1], copyIndexes) is long o ? o : 0;
            return copyIndexes.TryGetValue(loop, out var i) ? i + offset : Unknown.Value;
        }

        var args = call.Arguments.Select(a => Evaluate(a, copyIndexes)).ToList();
        switch (name)
        {
            case "parameters": return args[0] is string p ? Parameter(p) : Unknown.Value;
            case "variables": return args[0] is string v ? Variable(v) : Unknown.Value;
            case "true": return true;
            case "false": return false;
            case "null": return null;
            case "createarray": return args;
            case "createobject":
                {
                    var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    for (var i = 0; i + 1 < args.Count; i += 2)
                    {
                        if (args[i] is not string key) return Unknown.Value;
                        result[key] = args[i + 1];
                    }
                    return result;
                }
            case "union":
                if (args.All(a => a is Dictionary<string, object?>))
                {
                    var merged = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (var d in args.Cast<Dictionary<string, object?>>())
                        foreach (var (k, val) in d) merged[k] = val;
                    return merged;
                }
                if (args.All(a => a is List<object?>))
                {
                    var list = new List<object?>();
                    foreach (var item in args.Cast<List<object?>>().SelectMany(l => l))
                        if (!list.Any(x => Equals(x, item))) list.Add(item);
                    return list;
                }
                return Unknown.Value;
            case "concat":
                if (args.All(a => a is List<object?>)) return args.Cast<List<object?>>().SelectMany(l => l).ToList();
                return string.Concat(args.Select(Text));
            case "format":
                {
                    if (args[0] is not string format) return Unknown.Value;
                    var values = args.Skip(1).ToList();
                    var sb = new StringBuilder();
                    for (var i = 0; i < format.Length; i++)
                    {
                        if (format[i] == '{' && i + 1 < format.Length && format[i + 1] == '{') { sb.Append('{'); i++; continue; }
                        if (format[i] == '}' && i + 1 < format.Length && format[i + 1] == '}') { sb.Append('}'); i++; continue; }
                        if (format[i] == '{')
                        {
                            var end = format.IndexOf('}', i);
                            var spec = format[(i + 1)..end];
                            var n = int.Parse(spec.Split(':', ',')[0], CultureInfo.InvariantCulture);
                            sb.Append(Text(values[n]));
                            i = end;
                            continue;
                        }
                        sb.Append(format[i]);
                    }
                    return sb.ToString();
                }
            case "length":
                return args[0] switch
                {
                    List<object?> l => (long)l.Count,
                    Dictionary<string, object?> d => (long)d.Count,
                    string s => (long)s.Length,
                    _ => Unknown.Value,
                };
            case "items":
                return args[0] is Dictionary<string, object?> obj
                    ? obj.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
                        .Select(p => (object?)new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["key"] = p.Key, ["value"] = p.Value })
                        .ToList()
                    : Unknown.Value;
            case "string":
                return args[0] switch
                {
                    string s => s,
                    Unknown => Unknown.Value,
                    null => "",
                    bool b => b ? "True" : "False",
                    long l => l.ToString(CultureInfo.InvariantCulture),
                    double d => d.ToString(CultureInfo.InvariantCulture),
                    _ => Unknown.Value,
                };
            case "int":
                return args[0] switch
                {
                    long l => l,
                    string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
                    _ => Unknown.Value,
                };
            case "add":
                return args[0] is long x && args[1] is long y ? x + y : Unknown.Value;
            case "equals":
                return args.Any(a => a is Unknown) ? Unknown.Value : Equals(args[0], args[1]) || (args[0] is string a1 && args[1] is string b1 && string.Equals(a1, b1, StringComparison.OrdinalIgnoreCase));
            case "empty":
                return args[0] switch
                {
                    null => true,
                    string s => s.Length == 0,
                    List<object?> l => l.Count == 0,
                    Dictionary<string, object?> d => d.Count == 0,
                    _ => Unknown.Value,
                };
            case "not": return args[0] is bool nb ? !nb : Unknown.Value;
            case "or": return args.Any(a => a is true) ? true : args.All(a => a is bool) ? false : Unknown.Value;
            case "and": return args.Any(a => a is false) ? false : args.All(a => a is bool) ? true : Unknown.Value;
            case "range":
                return args is [long start, long count] ? Enumerable.Range((int)start, (int)count).Select(i => (object?)(long)i).ToList() : Unknown.Value;
            case "subscriptionresourceid":
                {
                    // subscriptionResourceId([subscriptionId,] type, name...): the type is the first argument containing '/'.
                    var typeIndex = args.FindIndex(a => a is string s && s.Contains('/'));
                    return typeIndex < 0 ? Unknown.Value
                        : $"/subscriptions/?/providers/{Text(args[typeIndex])}/{string.Join('/', args.Skip(typeIndex + 1).Select(Text))}";
                }
            default:
                return Unknown.Value;
        }
    }

    /// <summary>Follows object keys through an evaluated value; null when a key is absent.</summary>
    public static object? At(object? value, params string[] keys)
    {
        foreach (var key in keys)
            value = value is Dictionary<string, object?> d && d.TryGetValue(key, out var next) ? next : null;
        return value;
    }

    /// <summary>A value as text inside format()/concat(); unknown parts are shown as '?'.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "True" : "False",
        _ => "?",
    };
}
