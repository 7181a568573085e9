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
        // A number in brackets keeps both brackets; one whose area code is bracketed goes whole.
        Assert.Equal("Mijn begeleider ([verwijderd]) was top.", Redactor.Redact("Mijn begeleider (06-12345678) was top.", []));
        Assert.Equal("Bel [verwijderd] voor een afspraak.", Redactor.Redact("Bel (020) 123 4567 voor een afspraak.", []));
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

    [Fact]
    public void A_klantnummer_of_four_characters_is_used_in_any_case_and_as_delivered_with_spaces()
    {
        // Four characters is long enough to be the company's number, not a word; a delivered number may carry padding.
        var redactor = new OpenAnswerRedactor([" KL12 "]);

        Assert.Equal("Mijn nummer is [verwijderd], toch?", redactor.Redact("Mijn nummer is kl12, toch?", []));
    }

    [Theory]
    [InlineData("Mijn nummer is KL12.", "Mijn nummer is [verwijderd].")]
    [InlineData("Nummer KL12- of zo", "Nummer [verwijderd]- of zo")]
    public void A_klantnummer_followed_by_punctuation_still_goes(string text, string expected)
    {
        // A sentence may end right after the number: the punctuation is not part of it.
        Assert.Equal(expected, new OpenAnswerRedactor(["KL12"]).Redact(text, []));
    }

    [Fact]
    public void A_klantnummer_inside_a_longer_token_stays()
    {
        // Klantnummers go as whole tokens only: "KL12" must not take a piece out of "KL123" or "XKL12".
        var redactor = new OpenAnswerRedactor(["KL12"]);

        Assert.Equal("Code KL123 en XKL12 blijven.", redactor.Redact("Code KL123 en XKL12 blijven.", []));
    }

    [Fact]
    public void An_own_name_part_of_four_letters_or_more_goes_in_any_case_and_initials_are_not_used()
    {
        // Longer name parts are names in any case; a single letter (an initial) would take every "a" or "J" out of the text.
        Assert.Equal("Ik ben [verwijderd] en [verwijderd] is tevreden, score J.", Redactor.Redact("Ik ben bram en BRAM is tevreden, score J.", ["J", "Bram"]));
    }

    [Fact]
    public void A_tussenvoegsel_of_the_own_name_or_of_a_cued_name_stays_elsewhere_in_the_answer()
    {
        // "de", "van", "der" are ordinary words: only the name's own words are taken out wherever they stand.
        Assert.Equal("Mevrouw [verwijderd] kwam van ver, de [verwijderd] ook.",
            Redactor.Redact("Mevrouw van der Berg kwam van ver, de Berg ook.", []));
        Assert.Equal("Ik kwam van de bus bij [verwijderd].", Redactor.Redact("Ik kwam van de bus bij Dijk.", ["van", "de Dijk"]));
    }

    [Fact]
    public void A_cued_name_goes_wherever_it_stands_but_only_as_written()
    {
        // A name found after a cue is a name everywhere in the answer; in lower case it is a word ("een roos" is a rose).
        Assert.Equal("Mijn coach [verwijderd] was fijn. [verwijderd] belde vaak, ik kreeg een roos.",
            Redactor.Redact("Mijn coach Roos was fijn. Roos belde vaak, ik kreeg een roos.", []));
    }

    [Theory]
    [InlineData("Bel +44 20 7946 0958 maar.", "Bel [verwijderd] maar.")]
    [InlineData("Bel +31 (0)6 1234 5678 maar.", "Bel [verwijderd] maar.")]
    [InlineData("Bel 0031 6 12345678 maar.", "Bel [verwijderd] maar.")]
    [InlineData("Mail piet @ voorbeeld.nl maar.", "Mail [verwijderd] maar.")]
    [InlineData("Postcode 1234ab klopt.", "Postcode [verwijderd] klopt.")]
    [InlineData("Nummer K12345678 klopt.", "Nummer [verwijderd] klopt.")]
    [InlineData("Nummer klantnr1234567 klopt.", "Nummer klantnr[verwijderd] klopt.")]
    public void Contact_details_and_long_numbers_go_in_the_forms_people_write_them(string text, string expected)
    {
        // Phone numbers with country code and (0), e-mail with spaces around the @, postcodes in lower case, long numbers.
        Assert.Equal(expected, Redactor.Redact(text, []));
    }

    [Theory]
    [InlineData("In 2024 en 2025 ging het goed.")]
    [InlineData("Ik kreeg 12345 punten, code +1 234 567.")]
    [InlineData("Het was 1234 ab-normaal goed.")]
    public void Years_short_numbers_and_lower_case_after_a_space_stay(string text)
    {
        // What only looks a bit like personal data keeps the answer readable.
        Assert.Equal(text, Redactor.Redact(text, []));
    }
}
