namespace Kto.Core.Survey;

/// <summary>How an answer reached us; <see cref="ResponseModes"/> has the names stored and shown on the API.</summary>
public enum ResponseMode { Web, Phone, Paper }

public static class ResponseModes
{
    /// <summary>The client filled in the questionnaire on the web page (every response stored before modes existed).</summary>
    public const string Web = "web";
    /// <summary>An interviewer read the questions aloud on the phone and entered the answers.</summary>
    public const string Phone = "phone";
    /// <summary>The client sent back the paper questionnaire; a typist entered it.</summary>
    public const string Paper = "paper";

    public static IReadOnlyList<string> All { get; } = [Web, Phone, Paper];

    public static string Name(ResponseMode mode) => All[(int)mode];

    /// <summary>The mode a stored or posted name stands for; null when it is none.</summary>
    public static ResponseMode? Parse(string? name)
    {
        for (var i = 0; i < All.Count; i++)
            if (string.Equals(All[i], name, StringComparison.Ordinal)) return (ResponseMode)i;
        return null;
    }
}
