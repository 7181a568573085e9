using System.Text.Json.Nodes;

namespace Kto.Infra.Tests;

/// <summary>The small ARM evaluator the drift tests rely on.</summary>
public class ArmExpressionTests
{
    private static ArmScope Scope(string json) => new(JsonNode.Parse(json)!.AsObject());

    [Fact]
    public void Plain_strings_and_escaped_brackets_are_literals()
    {
        var scope = Scope("{}");

        Assert.Equal("abc", scope.EvaluateString("abc"));
        Assert.Equal("[not an expression]", scope.EvaluateString("[[not an expression]"));
    }

    [Fact]
    public void Union_of_a_variable_and_created_object_keeps_every_key()
    {
        var scope = Scope("""
            { "parameters": { "p": { "type": "object", "defaultValue": { "B": "2" } } },
              "variables": { "v": { "A": "[format('x{0}y', 1)]" } } }
            """);

        var value = (Dictionary<string, object?>)scope.EvaluateString("[union(variables('v'), parameters('p'), createObject('C', reference('r').x))]")!;

        Assert.Equal(["A", "B", "C"], value.Keys.Order());
        Assert.Equal("x1y", value["A"]);
        Assert.IsType<Unknown>(value["C"]);
    }

    [Fact]
    public void Copy_loops_over_items_are_expanded()
    {
        var scope = Scope("""{ "variables": { "o": { "k2": 2, "k1": 1 } } }""");
        var input = JsonNode.Parse("""{ "name": "[items(variables('o'))[copyIndex('s')].key]" }""");

        var count = scope.EvaluateString("[length(items(variables('o')))]");
        var first = (Dictionary<string, object?>)scope.Evaluate(input, new Dictionary<string, long> { ["s"] = 0 })!;

        Assert.Equal(2L, count);
        Assert.Equal("k1", first["name"]);
    }

    [Fact]
    public void Deploy_time_functions_are_unknown_and_conditions_on_parameters_are_known()
    {
        var scope = Scope("""{ "parameters": { "env": { "type": "string", "defaultValue": "prod" } } }""");

        Assert.IsType<Unknown>(scope.EvaluateString("[uniqueString(resourceGroup().id)]"));
        Assert.Equal("Production", scope.EvaluateString("[if(equals(parameters('env'), 'prod'), 'Production', 'Test')]"));
        Assert.Equal("st?", scope.EvaluateString("[format('st{0}', uniqueString('a'))]"));
        Assert.Equal(3L, scope.EvaluateString("[createArray(1, 2, 3)[2]]"));
    }

    [Fact]
    public void Malformed_expressions_are_rejected()
    {
        Assert.Null(ArmExpression.TryParse("no expression"));
        Assert.Throws<FormatException>(() => ArmExpression.TryParse("[concat('a']"));
    }
}
