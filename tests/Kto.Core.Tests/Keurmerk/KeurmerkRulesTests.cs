using Kto.Core.Keurmerk;
using Kto.Core.Reports;

namespace Kto.Core.Tests.Keurmerk;

/// <summary>The small Keurmerk rules beside the figures: the id shape a route may carry, the word lists, empty years.</summary>
public sealed class KeurmerkRulesTests
{
    [Theory]
    [InlineData('0')]
    [InlineData('9')]
    [InlineData('a')]
    [InlineData('f')]
    public void An_id_of_og_and_30_lower_hex_digits_looks_like_an_opdrachtgever_id(char digit)
    {
        Assert.True(OpdrachtgeverIds.LooksLikeId("og" + new string(digit, 30)));
        Assert.True(OpdrachtgeverIds.LooksLikeId(OpdrachtgeverIds.Of("Gemeente Utrecht")));
    }

    [Theory]
    [InlineData("og" + "0123456789abcdef0123456789abc")]    // 31 characters
    [InlineData("og" + "0123456789abcdef0123456789abcde")]  // 33
    [InlineData("OG" + "0123456789abcdef0123456789abcd")]   // the prefix is lower case
    [InlineData("aa" + "0123456789abcdef0123456789abcd")]   // a service id: 32 hex digits
    [InlineData("og" + "0123456789ABCDEF0123456789abcd")]   // upper-case hex
    [InlineData("og" + "0123456789abcdeg0123456789abcd")]   // g is no hex digit
    [InlineData("og" + "/123456789abcdef0123456789abcd")]   // just below '0'
    [InlineData("og" + ":123456789abcdef0123456789abcd")]   // just above '9'
    [InlineData("og" + "`123456789abcdef0123456789abcd")]   // just below 'a'
    [InlineData(null)]
    public void Anything_else_is_no_opdrachtgever_id_and_never_reaches_storage(string? id)
    {
        Assert.False(OpdrachtgeverIds.LooksLikeId(id));
    }

    [Fact]
    public void The_word_lists_are_split_at_commas_trimmed_and_without_empty_words()
    {
        // An empty word would be contained in every reason and count every trajectory as successful.
        var settings = new KeurmerkSettings { SuccessWords = " werk , ,opleiding,", FailureWords = "geen werk,  " };

        Assert.Equal(["werk", "opleiding"], settings.SuccessWordList());
        Assert.Equal(["geen werk"], settings.FailureWordList());
    }

    [Fact]
    public void Trajecten_are_summed_when_any_opdrachtgever_delivered_them_and_unknown_when_none_did()
    {
        var all = KeurmerkFigures.Opdrachtgevers([new OpdrachtgeverEntry(OpdrachtgeverIds.Of("A"), 3), new OpdrachtgeverEntry(OpdrachtgeverIds.Of("B"), 4)], [], []);
        var none = KeurmerkFigures.Opdrachtgevers([new OpdrachtgeverEntry(OpdrachtgeverIds.Of("A"), null)], [], []);

        Assert.Equal(7, all.Trajecten);
        Assert.Null(none.Trajecten); // not 0: nobody said how many
    }

    [Fact]
    public void A_year_without_opdrachtgevers_has_a_response_rate_of_zero_and_no_grades()
    {
        var o = KeurmerkFigures.Opdrachtgevers([], [], []);

        Assert.Equal((0, 0, 0, 0.0), (o.Opdrachtgevers, o.Approached, o.Responded, o.ResponseRate));
        Assert.Null(o.MeanGradeCooperation);
        Assert.Null(o.AgreementsKept);
    }

    [Fact]
    public void Each_norm_is_named_for_the_auditor_by_what_it_measures()
    {
        var norms = KeurmerkFigures.Norms(new KeurmerkClients(0, 0, null, []),
            new KeurmerkOpdrachtgevers(0, null, 0, 0, 0, null, null, null, null, null, null, new ContactAttempts(0, 0, 0), new ResponsesByMode(0, 0, 0)),
            new KeurmerkResults(0, 0, 0, null, [], []), new KeurmerkSettings());

        // The report shows these names beside value and threshold; a blank name leaves the auditor guessing.
        Assert.Contains("Tevredenheid werkenden", norms[0].Name);
        Assert.Contains("Tevredenheid opdrachtgevers", norms[1].Name);
        Assert.Contains("succesvol afgerond / afgerond", norms[2].Name);
        Assert.Equal([6.5, 6.5, 0.5], norms.Select(n => n.Threshold));
    }
}
