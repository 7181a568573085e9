using Kto.Core.Reports;

namespace Kto.Core.Tests.Reports;

/// <summary>
/// A client's tussenvoegsel is part of their name but also an ordinary word ("van", "op", "in"): the redactor takes the
/// name's other parts out of an answer and leaves every tussenvoegsel it knows standing, in a cued name as well.
/// </summary>
public sealed class OpenAnswerParticleTests
{
    private static readonly OpenAnswerRedactor Redactor = new([]);

    [Theory]
    [InlineData("van")]
    [InlineData("de")]
    [InlineData("der")]
    [InlineData("den")]
    [InlineData("het")]
    [InlineData("ter")]
    [InlineData("ten")]
    [InlineData("te")]
    [InlineData("in")]
    [InlineData("op")]
    [InlineData("'t")]
    [InlineData("’t")]
    [InlineData("la")]
    [InlineData("le")]
    [InlineData("du")]
    [InlineData("da")]
    [InlineData("di")]
    [InlineData("von")]
    [InlineData("zu")]
    public void A_tussenvoegsel_of_the_clients_name_stays_in_the_answer(string tussenvoegsel)
    {
        var answer = $"Jan vond het fijn dat ik {tussenvoegsel} Berkel hulp kreeg.";

        Assert.Equal($"[verwijderd] vond het fijn dat ik {tussenvoegsel} [verwijderd] hulp kreeg.",
            Redactor.Redact(answer, ["Jan", tussenvoegsel, "Berkel"]));
    }
}
