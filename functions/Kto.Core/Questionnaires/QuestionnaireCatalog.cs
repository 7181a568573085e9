using System.Reflection;

namespace Kto.Core.Questionnaires;

/// <summary>All questionnaire versions shipped in this assembly, and the one new invitations use.</summary>
public sealed class QuestionnaireCatalog
{
    private const string ResourcePrefix = "Kto.Core.Questionnaires.Versions.";
    private readonly IReadOnlyDictionary<string, Questionnaire> _versions;

    public QuestionnaireCatalog(QuestionnaireSettings settings)
        : this(settings, LoadEmbedded())
    {
    }

    internal QuestionnaireCatalog(QuestionnaireSettings settings, IEnumerable<Questionnaire> versions)
    {
        _versions = versions.ToDictionary(v => v.Version, StringComparer.Ordinal);
        // Fail at start-up, not when the first client opens a link.
        Current = Get(settings.CurrentVersion)
            ?? throw new InvalidOperationException(
                $"Questionnaire version '{settings.CurrentVersion}' (setting {QuestionnaireSettings.Section}:{nameof(QuestionnaireSettings.CurrentVersion)}) " +
                $"does not exist. Known versions: {string.Join(", ", Versions)}.");
        Opdrachtgever = Get(settings.OpdrachtgeverVersion)
            ?? throw new InvalidOperationException(
                $"Questionnaire version '{settings.OpdrachtgeverVersion}' (setting {QuestionnaireSettings.Section}:{nameof(QuestionnaireSettings.OpdrachtgeverVersion)}) " +
                $"does not exist. Known versions: {string.Join(", ", Versions)}.");
    }

    public Questionnaire Current { get; }

    /// <summary>The version new opdrachtgever answers use (Blik op Werk).</summary>
    public Questionnaire Opdrachtgever { get; }

    /// <summary>The questionnaire an audience answers now.</summary>
    public Questionnaire For(Survey.SurveyAudience audience) => audience == Survey.SurveyAudience.Opdrachtgever ? Opdrachtgever : Current;

    public IReadOnlyList<string> Versions => _versions.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>The version answers were given to; null when unknown.</summary>
    public Questionnaire? Get(string version) => _versions.GetValueOrDefault(version);

    /// <summary>Every embedded version; the file name must equal the version id inside, so files cannot be mixed up.</summary>
    public static IReadOnlyList<Questionnaire> LoadEmbedded()
    {
        var assembly = typeof(QuestionnaireCatalog).Assembly;
        var result = new List<Questionnaire>();
        foreach (var name in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            var questionnaire = Questionnaire.Parse(ReadResource(assembly, name));
            var fileVersion = name[ResourcePrefix.Length..^".json".Length];
            if (!string.Equals(fileVersion, questionnaire.Version, StringComparison.Ordinal))
                throw new InvalidDataException($"Questionnaire file '{fileVersion}.json' declares version '{questionnaire.Version}'.");
            result.Add(questionnaire);
        }
        return result;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
