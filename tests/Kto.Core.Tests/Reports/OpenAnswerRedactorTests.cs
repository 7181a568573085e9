using Kto.Core.Reports;
using Kto.TestSupport;

namespace Kto.Core.Tests.Reports;

/// <summary>The redactor on the shared corpus: planted personal data goes, ordinary answers keep every word.</summary>
public class OpenAnswerRedactorTests
{
    private static readonly OpenAnswerRedactor Redactor = new(OpenAnswerCorpus.Clients.Select(c => c.Klantnummer));

    private static IReadOnlyCollection<string> NamesOf(int writer) =>
        [OpenAnswerCorpus.Clients[writer].Voornaam, OpenAnswerCorpus.Clients[writer].Achternaam];

    public static TheoryData<int> PlantedIndexes() => new(Enumerable.Range(0, OpenAnswerCorpus.PlantedAnswers.Count));

    [Fact]
    public void The_corpus_has_at_least_30_planted_answers_covering_every_kind() =>
        Assert.True(OpenAnswerCorpus.PlantedAnswers.Count >= 30);

    [Theory]
    [MemberData(nameof(PlantedIndexes))]
    public void No_planted_personal_data_survives(int index)
    {
        var planted = OpenAnswerCorpus.PlantedAnswers[index];

        var redacted = Redactor.Redact(planted.Text, NamesOf(planted.Writer));

        foreach (var secret in planted.Secrets)
            Assert.DoesNotContain(secret, redacted, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(OpenAnswerRedactor.Marker, redacted);
    }

    [Fact]
    public void Ordinary_answers_keep_every_word()
    {
        foreach (var answer in OpenAnswerCorpus.OrdinaryAnswers)
            for (var writer = 0; writer < OpenAnswerCorpus.Clients.Count; writer++)
                Assert.Equal(answer, Redactor.Redact(answer, NamesOf(writer)));
    }

    [Fact]
    public void Words_around_a_redaction_stay()
    {
        Assert.Equal("Bel me op [verwijderd] als er vragen zijn.", Redactor.Redact("Bel me op 06-12345678 als er vragen zijn.", []));
        Assert.Equal("Mevrouw [verwijderd] was erg behulpzaam.", Redactor.Redact("Mevrouw de Vries was erg behulpzaam.", []));
        Assert.Equal("Ik woon in [verwijderd] Amsterdam.", Redactor.Redact("Ik woon in 1234 AB Amsterdam.", []));
    }

    [Fact]
    public void A_grouped_number_goes_only_when_it_passes_the_bsn_rule()
    {
        // 123 456 782 passes the 11-proef (Bsn.LooksLikeBsn, the ingest's rule); 123 456 789 does not.
        Assert.Equal("Score [verwijderd].", Redactor.Redact("Score 123 456 782.", []));
        Assert.Equal("Score 123 456 789.", Redactor.Redact("Score 123 456 789.", []));
    }

    [Fact]
    public void Short_klantnummers_are_not_used_and_other_companies_numbers_are_unknown()
    {
        var redactor = new OpenAnswerRedactor(["12", "AB7"]);
        Assert.Equal("Ik had 12 sessies bij AB7.", redactor.Redact("Ik had 12 sessies bij AB7.", []));
        Assert.Equal("Klant ZZ9999 was ik.", Redactor.Redact("Klant ZZ9999 was ik.", []));
    }

    [Fact]
    public void A_short_own_name_part_goes_only_as_delivered()
    {
        // "Al" and "Ben" are names and everyday words: only the form as delivered is taken.
        Assert.Equal("Ik ben al blij, [verwijderd] hier.", Redactor.Redact("Ik ben al blij, Al hier.", ["Al", "de Boer"]));
        Assert.Equal("Ik ben blij. [verwijderd] [verwijderd]", Redactor.Redact("Ik ben blij. Ben Boer", ["Ben", "Boer"]));
    }

    [Fact]
    public void What_it_cannot_catch_a_name_without_a_cue_that_is_not_the_writers_own()
    {
        // Documented in the README: a consultant or another client named in passing stays.
        Assert.Equal("Bram was ook in mijn groep.", Redactor.Redact("Bram was ook in mijn groep.", NamesOf(0)));
    }
}
