using Kto.Core.Survey;

namespace Kto.Core.Tests.Survey;

/// <summary>The survey's names at the edges: the page language a request gets and how an answer came in, as stored.</summary>
public sealed class SurveyNamesTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("EN", "en")]
    [InlineData("nl", "nl")]
    [InlineData("de", "nl")]
    [InlineData("", "nl")]
    [InlineData(null, "nl")]
    public void Survey_pages_are_dutch_unless_english_is_asked_for(string? requested, string language)
    {
        Assert.Equal(language, SurveyRequest.LanguageOf(requested));
    }

    [Fact]
    public void Every_response_mode_round_trips_through_its_stored_name_and_nothing_else_parses()
    {
        foreach (var mode in Enum.GetValues<ResponseMode>())
            Assert.Equal(mode, ResponseModes.Parse(ResponseModes.Name(mode)));
        Assert.Equal(["web", "phone", "paper"], ResponseModes.All);
        Assert.Equal("paper", ResponseModes.Name(ResponseMode.Paper));
        Assert.Null(ResponseModes.Parse("Web"));
        Assert.Null(ResponseModes.Parse("fax"));
        Assert.Null(ResponseModes.Parse(null));
    }
}
