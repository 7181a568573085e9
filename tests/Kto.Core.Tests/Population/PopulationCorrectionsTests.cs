using Kto.Core.Deliveries;
using Kto.Core.Population;
using Kto.Core.Reports;
using Kto.Core.Survey;

namespace Kto.Core.Tests.Population;

/// <summary>The one rule for how corrections change the population, and what the method section counts of them.</summary>
public class PopulationCorrectionsTests
{
    private static readonly DateOnly March = new(2026, 3, 15);
    private static readonly DateTimeOffset At = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private static ServiceCorrection C(string id, int seq, CorrectionKind kind, CorrectionReason reason, Perceel before,
        Perceel? newPerceel = null, DateOnly? newEinddatum = null, string? correctedId = null) =>
        new(new ServiceRef("acme", 2026, id), seq, kind, reason, null, before, March, newPerceel, newEinddatum, correctedId, "bureau-key", At);

    [Fact]
    public void No_corrections_leave_the_service_as_delivered()
    {
        Assert.Equal(new CorrectedService(false, Perceel.NaarWerk, March), PopulationCorrections.Apply(Perceel.NaarWerk, March, []));
    }

    [Fact]
    public void Corrections_apply_in_sequence_order_whatever_order_they_are_read_in()
    {
        var list = new[]
        {
            C("s1", 2, CorrectionKind.Perceel, CorrectionReason.DeliveryError, Perceel.Praktijkassessment, newPerceel: Perceel.WerkfitMaken),
            C("s1", 1, CorrectionKind.Perceel, CorrectionReason.DeliveryError, Perceel.NaarWerk, newPerceel: Perceel.Praktijkassessment),
            C("s1", 3, CorrectionKind.Einddatum, CorrectionReason.UwvRecord, Perceel.WerkfitMaken, newEinddatum: new DateOnly(2026, 4, 1)),
        };
        Assert.Equal(new CorrectedService(false, Perceel.WerkfitMaken, new DateOnly(2026, 4, 1)), PopulationCorrections.Apply(Perceel.NaarWerk, March, list));
    }

    [Fact]
    public void A_withdrawal_takes_the_service_out_whatever_came_before()
    {
        var list = new[]
        {
            C("s1", 1, CorrectionKind.Perceel, CorrectionReason.DeliveryError, Perceel.NaarWerk, newPerceel: Perceel.Praktijkassessment),
            C("s1", 2, CorrectionKind.Withdrawn, CorrectionReason.WrongCompany, Perceel.Praktijkassessment),
        };
        Assert.True(PopulationCorrections.Apply(Perceel.NaarWerk, March, list).Withdrawn);
    }

    [Fact]
    public void Changes_count_per_perceel_and_reason_a_perceel_correction_in_both_percelen()
    {
        var list = new[]
        {
            C("s1", 1, CorrectionKind.Withdrawn, CorrectionReason.WrongCompany, Perceel.NaarWerk),
            C("s2", 1, CorrectionKind.Withdrawn, CorrectionReason.WrongCompany, Perceel.NaarWerk),
            C("s3", 1, CorrectionKind.Withdrawn, CorrectionReason.NotEnded, Perceel.NaarWerk),
            C("s4", 1, CorrectionKind.Perceel, CorrectionReason.DeliveryError, Perceel.NaarWerk, newPerceel: Perceel.Praktijkassessment),
            C("s5", 1, CorrectionKind.Einddatum, CorrectionReason.ClientStatement, Perceel.Praktijkassessment, newEinddatum: new DateOnly(2026, 5, 1)),
        };

        Assert.Equal(
            [
                new PopulationChange(PopulationChange.Withdrawn, CorrectionReasons.WrongCompany, 2),
                new PopulationChange(PopulationChange.Withdrawn, CorrectionReasons.NotEnded, 1),
                new PopulationChange(PopulationChange.PerceelOut, CorrectionReasons.DeliveryError, 1),
            ],
            PopulationCorrections.Changes(Perceel.NaarWerk, list));
        Assert.Equal(
            [
                new PopulationChange(PopulationChange.PerceelIn, CorrectionReasons.DeliveryError, 1),
                new PopulationChange(PopulationChange.Einddatum, CorrectionReasons.ClientStatement, 1),
            ],
            PopulationCorrections.Changes(Perceel.Praktijkassessment, list));
        Assert.Empty(PopulationCorrections.Changes(Perceel.WerkfitMaken, list));
    }

    [Fact]
    public void Corrected_ids_name_the_service_they_stand_for_and_withdrawals_give_none()
    {
        var corrected = new ServiceKey("K1", Perceel.Praktijkassessment, March).Id();
        var list = new[]
        {
            C("s1", 1, CorrectionKind.Perceel, CorrectionReason.DeliveryError, Perceel.NaarWerk, newPerceel: Perceel.Praktijkassessment, correctedId: corrected),
            C("s2", 1, CorrectionKind.Withdrawn, CorrectionReason.WrongCompany, Perceel.NaarWerk),
        };
        Assert.Equal([new KeyValuePair<string, string>(corrected, "s1")], PopulationCorrections.CorrectedIds(list));
    }

    [Fact]
    public void Every_reason_has_a_name_that_parses_back_and_a_Dutch_label()
    {
        foreach (var reason in Enum.GetValues<CorrectionReason>())
        {
            Assert.Equal(reason, CorrectionReasons.Parse(CorrectionReasons.Name(reason)));
            Assert.False(string.IsNullOrWhiteSpace(CorrectionReasons.DutchLabel(reason)));
        }
        Assert.Null(CorrectionReasons.Parse("because"));
        Assert.Equal([CorrectionReason.WrongCompany, CorrectionReason.WrongPerceel, CorrectionReason.NotEnded],
            CorrectionReasons.AllowedFor(CorrectionKind.Withdrawn));
        Assert.DoesNotContain(CorrectionReason.WrongCompany, CorrectionReasons.AllowedFor(CorrectionKind.Perceel));
    }
}
