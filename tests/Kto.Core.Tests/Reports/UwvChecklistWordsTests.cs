using Kto.Core.Reports;
using static Kto.Core.Tests.Reports.ReportFixtures;

namespace Kto.Core.Tests.Reports;

/// <summary>What the checklist tells the bureau where the status alone does not say it: after the deadline a report signed in time waits for its submission date, before it the report is on schedule; and an unset bureau or a late signature is named.</summary>
public sealed class UwvChecklistWordsTests
{
    private static UwvCheck Check(string id, AnnualReportInput input, BureauInfo? bureau = null) =>
        Builder(bureau: bureau).Build(input).Checklist[id];

    [Fact]
    public void After_the_deadline_a_report_signed_in_time_asks_for_its_submission_date()
    {
        var check = Check(UwvCheckIds.OnTime, Signed(Input() with { GeneratedAt = At(2027, 3, 5) }, At(2027, 2, 20)));

        Assert.Equal(UwvCheckStatus.Pending, check.Status);
        Assert.Equal("Het rapport is op tijd ondertekend (20 februari 2027). Of UWV het op tijd ontving, kan dit systeem niet zien: " +
            "het bedrijf dient het in via CLMS. Leg de datum van indienen vast.", check.Explanation);
    }

    [Fact]
    public void Before_the_deadline_a_signed_report_is_on_schedule()
    {
        var check = Check(UwvCheckIds.OnTime, Signed(Input() with { GeneratedAt = At(2027, 2, 25) }, At(2027, 2, 20)));

        Assert.Equal("Op schema. Het bedrijf moet het ondertekende rapport uiterlijk 1 maart 2027 indienen via CLMS.", check.Explanation);
    }

    [Fact]
    public void A_bureau_without_a_name_is_told_so()
    {
        var check = Check(UwvCheckIds.BureauMembership, Input(), new BureauInfo(" ", "VBO"));

        Assert.Equal((UwvCheckStatus.Failed, "De naam van het onderzoeksbureau is niet ingesteld."), (check.Status, check.Explanation));
    }

    [Fact]
    public void An_unsigned_report_past_the_deadline_names_the_deadline()
    {
        var check = Check(UwvCheckIds.Signed, Input() with { GeneratedAt = At(2027, 3, 2) });

        Assert.Equal("Het rapport is niet ondertekend en de deadline van 1 maart 2027 is voorbij.", check.Explanation);
    }

    /// <summary>A perceel under the 30% minimum: every respondent gave an 8.</summary>
    private static PerceelFigures Below(Perceel perceel, int ended, int responded) =>
        Healthy(perceel) with { Ended = ended, Approached = ended, Responded = responded, Grades = Enumerable.Repeat(8, responded).ToArray() };

    [Fact]
    public void Missing_mandatory_results_are_listed_per_perceel()
    {
        var naarWerk = Healthy() with
        {
            QuestionResults = AllQuestionResults(8).Where(r => r.QuestionId is not ("begeleider-luistert" or "informatie-duidelijk")).ToList(),
        };
        var assessment = Healthy(Perceel.Praktijkassessment) with { QuestionResults = AllQuestionResults(8).Where(r => r.QuestionId != "hulp-naar-werk").ToList() };

        var check = Check(UwvCheckIds.MandatoryQuestions, Input(naarWerk, assessment));

        // In the questionnaire's order within a perceel; Naar werk before Praktijkassessment (the Perceel order).
        Assert.Equal("Resultaten ontbreken. Naar werk: begeleider-luistert, informatie-duidelijk; Praktijkassessment: hulp-naar-werk.", check.Explanation);
    }

    [Fact]
    public void Percelen_not_wholly_approached_are_listed()
    {
        var check = Check(UwvCheckIds.AllApproached, Input(Healthy() with { Approached = 18 }, Healthy(Perceel.Praktijkassessment) with { Approached = 19 }));

        Assert.Equal("Niet gelijk: Naar werk: 18 van 20 benaderd; Praktijkassessment: 19 van 20 benaderd.", check.Explanation);
    }

    [Fact]
    public void The_method_account_names_the_modes_of_each_perceel_with_ended_services_and_passes_a_perceel_without_them()
    {
        // Werkfit maken ended nothing: that it does not know its modes is no gap, and it is not named.
        var none = Healthy(Perceel.WerkfitMaken) with { Ended = 0, Approached = 0, Responded = 0, Grades = [], AttemptsByMode = null, AttemptsPerService = [] };

        var check = Check(UwvCheckIds.MethodAccount, Input(Healthy(), none));

        Assert.Equal(UwvCheckStatus.Passed, check.Status);
        Assert.Equal("Per perceel staat in het rapport hoeveel klanten zijn benaderd, hoeveel hebben meegedaan, hoe zij zijn benaderd en wat de respons is." +
            " Benaderd per Naar werk: e-mail en brief.", check.Explanation); // Healthy: 45 e-mails, 3 letters; answer modes not counted
    }

    [Fact]
    public void Without_ended_services_the_method_account_names_no_modes()
    {
        var check = Check(UwvCheckIds.MethodAccount, Input(Healthy() with { Ended = 0, Approached = 0, Responded = 0, Grades = [], AttemptsPerService = [] }));

        Assert.Equal("Per perceel staat in het rapport hoeveel klanten zijn benaderd, hoeveel hebben meegedaan, hoe zij zijn benaderd en wat de respons is.",
            check.Explanation);
    }

    [Fact]
    public void Gaps_in_the_method_account_are_listed_per_perceel()
    {
        var check = Check(UwvCheckIds.MethodAccount, Input(Healthy() with { Approached = 5 }, Healthy(Perceel.Praktijkassessment) with { Approached = 6 }));

        Assert.Equal("Onvolledig: Naar werk: meer deelnemers (8) dan benaderde klanten (5); Praktijkassessment: meer deelnemers (8) dan benaderde klanten (6).",
            check.Explanation);
    }

    [Fact]
    public void Percelen_under_the_minimum_without_their_approaches_are_named_with_their_rates()
    {
        var input = Input(Below(Perceel.NaarWerk, 20, 5) with { AttemptsPerService = [] }, Below(Perceel.Praktijkassessment, 15, 4) with { AttemptsPerService = [] });

        var check = Check(UwvCheckIds.MinimumResponse, input);

        // 5 of 20 = 25%, 4 of 15 = 26,666…% to one decimal.
        Assert.Equal((UwvCheckStatus.Failed, "Minimale respons van 30% niet gehaald in: Naar werk (25%), Praktijkassessment (26,7%). " +
            "Het rapport laat niet zien hoe vaak en op welke manier klanten zijn benaderd in: Naar werk, Praktijkassessment."), (check.Status, check.Explanation));
    }

    [Fact]
    public void An_unsigned_report_under_the_minimum_gives_each_perceels_effort_and_asks_for_a_conclusion()
    {
        // Naar werk: 10 services once, 10 twice: 30 / 20 = 1,5 on average, at most 2. Praktijkassessment: all 20 once, by e-mail only.
        var naarWerk = Below(Perceel.NaarWerk, 20, 5) with { AttemptsPerService = [new AttemptCount(1, 10), new AttemptCount(2, 10)] };
        var assessment = Below(Perceel.Praktijkassessment, 20, 5) with
        {
            AttemptsByMode = new ContactAttempts(Email: 20, Letter: 0, Phone: 0), AttemptsPerService = [new AttemptCount(1, 20)],
        };

        var check = Check(UwvCheckIds.MinimumResponse, Input(naarWerk, assessment));

        Assert.Equal((UwvCheckStatus.Pending, "Minimale respons van 30% niet gehaald in: Naar werk (25%), Praktijkassessment (25%). " +
            "Benaderd: Naar werk: via e-mail en brief, gemiddeld 1,5 keer (hoogstens 2); Praktijkassessment: via e-mail, gemiddeld 1 keer (hoogstens 1). " +
            "Het onderzoeksbureau moet nog een conclusie schrijven over de inspanningen om de respons te halen."), (check.Status, check.Explanation));
    }

    [Fact]
    public void A_report_signed_without_a_conclusion_under_the_minimum_says_so()
    {
        var check = Check(UwvCheckIds.MinimumResponse, Signed(Input(Below(Perceel.NaarWerk, 20, 5))));

        Assert.Equal((UwvCheckStatus.Failed, "Minimale respons van 30% niet gehaald in: Naar werk (25%). " +
            "Het rapport is ondertekend zonder conclusie van het onderzoeksbureau over de inspanningen."), (check.Status, check.Explanation));
    }
}
