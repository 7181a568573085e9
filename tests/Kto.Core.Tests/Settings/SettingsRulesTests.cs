using Kto.Core.Settings;

namespace Kto.Core.Tests.Settings;

/// <summary>The few rules inside the settings: which address people are given, when test-only features are refused, the size message.</summary>
public class SettingsRulesTests
{
    [Fact]
    public void Questions_go_to_the_questions_address_or_else_the_privacy_address()
    {
        Assert.Equal("privacy@bureau.nl", new BureauSettings { ContactEmail = "privacy@bureau.nl" }.QuestionsAddress);
        Assert.Equal("privacy@bureau.nl", new BureauSettings { ContactEmail = "privacy@bureau.nl", QuestionsEmail = "  " }.QuestionsAddress);
        Assert.Equal("vragen@bureau.nl",
            new BureauSettings { ContactEmail = "privacy@bureau.nl", QuestionsEmail = " vragen@bureau.nl " }.QuestionsAddress);
    }

    [Fact]
    public void Paper_forms_return_to_the_return_address_or_else_the_postal_address_or_nowhere_printed()
    {
        Assert.Null(new BureauSettings().FormReturnAddress);
        Assert.Null(new BureauSettings { ReturnAddress = " ", PostalAddress = "" }.FormReturnAddress);
        Assert.Equal("Postbus 1, 1000 AA Amsterdam", new BureauSettings { PostalAddress = " Postbus 1, 1000 AA Amsterdam " }.FormReturnAddress);
        Assert.Equal("Antwoordnummer 1, 1000 VB Amsterdam",
            new BureauSettings { PostalAddress = "Postbus 1, 1000 AA Amsterdam", ReturnAddress = "Antwoordnummer 1, 1000 VB Amsterdam " }.FormReturnAddress);
    }

    [Theory]
    [InlineData("Production", true)]
    [InlineData("production", true)]
    [InlineData("Development", false)]
    [InlineData("Productie", false)]
    [InlineData("", false)]
    public void Only_the_production_environment_refuses_test_only_features(string environment, bool production) =>
        Assert.Equal(production, new KtoSettings { Environment = environment }.IsProduction);

    [Fact]
    public void The_file_too_large_message_states_the_configured_limit_in_megabytes()
    {
        Assert.Equal("Het bestand is groter dan 50 MB. Lever het in delen aan.", new DeliverySettings().FileTooLargeMessage);
        Assert.Contains("groter dan 8 MB", new DeliverySettings { MaxFileBytes = 8L * 1024 * 1024 }.FileTooLargeMessage);
    }

    [Fact]
    public void By_default_no_mail_goes_out_at_night_or_on_sunday_and_reminders_follow_after_7_and_14_days()
    {
        var fieldwork = new FieldworkSettings();
        Assert.True(fieldwork.NoMailOnSunday);
        Assert.True(fieldwork.NoCallsOnSunday);
        Assert.Equal((8, 21), (fieldwork.QuietUntilHour, fieldwork.QuietFromHour));
        Assert.Equal([7, 14], fieldwork.ReminderDayList());
        Assert.Equal((1, 31), (fieldwork.ClosesMonth, fieldwork.ClosesDay));
    }
}
