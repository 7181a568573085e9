using Kto.Core.Portal;

namespace Kto.Core.Tests.Portal;

/// <summary>A text composed for a page keeps its Dutch text and values apart; outside a page it reads in Dutch.</summary>
public sealed class PageTextTests
{
    [Fact]
    public void Its_values_go_into_the_Dutch_text_in_order() =>
        Assert.Equal("Rapport Acme 2026 ondertekenen", new PageText("Rapport {0} {1} ondertekenen", "Acme", 2026).ToString());

    [Fact]
    public void A_text_without_values_is_kept_as_written_braces_too() =>
        Assert.Equal("Gebruik {naam} niet", new PageText("Gebruik {naam} niet").ToString());

    [Fact]
    public void A_plain_string_is_a_text_without_values()
    {
        PageText text = "Klaar.";
        Assert.Equal(("Klaar.", 0), (text.Text, text.Values.Length));
    }

    [Fact]
    public void A_value_that_is_a_text_is_written_with_its_own_values() =>
        Assert.Equal("Vastgelegd: gebeld (2 keer).", new PageText("Vastgelegd: {0}.", new PageText("gebeld ({0} keer)", 2)).ToString());

    [Fact]
    public void A_missing_value_reads_as_nothing() =>
        Assert.Equal("Notitie: .", new PageText("Notitie: {0}.", (object?)null).ToString());
}
