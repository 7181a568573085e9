using Kto.Core.Fieldwork;

namespace Kto.Core.Tests.Fieldwork;

/// <summary>Modes and outcomes are enums in the core; their stored and API names are these, and only these.</summary>
public class AttemptNamesTests
{
    [Fact]
    public void Every_outcome_round_trips_through_its_stored_name()
    {
        foreach (var outcome in Enum.GetValues<AttemptOutcome>())
            Assert.Equal(outcome, AttemptOutcomes.Parse(AttemptOutcomes.Name(outcome)));
        Assert.Equal(AttemptOutcomes.NoAnswer, AttemptOutcomes.Name(AttemptOutcome.NoAnswer));
        Assert.Null(AttemptOutcomes.Parse("No-Answer"));
        Assert.Null(AttemptOutcomes.Parse(null));
    }

    [Fact]
    public void Every_mode_round_trips_through_its_stored_name()
    {
        foreach (var mode in Enum.GetValues<ContactMode>())
            Assert.Equal(mode, ContactModes.Parse(ContactModes.Name(mode)));
        Assert.Equal(ContactModes.Phone, ContactModes.Name(ContactMode.Phone));
        Assert.Null(ContactModes.Parse("fax"));
    }

    [Fact]
    public void A_letter_is_sent_or_fails_and_a_call_reaches_goes_unanswered_or_fails()
    {
        Assert.Equal([AttemptOutcome.Sent, AttemptOutcome.Failed], ManualAttemptService.AllowedOutcomes(ContactMode.Letter));
        Assert.Equal([AttemptOutcome.Reached, AttemptOutcome.NoAnswer, AttemptOutcome.Voicemail, AttemptOutcome.Refused, AttemptOutcome.WrongNumber, AttemptOutcome.CallBack, AttemptOutcome.Failed], ManualAttemptService.AllowedOutcomes(ContactMode.Phone));
    }
}
