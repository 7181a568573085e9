namespace Kto.Cli;

/// <summary>What the commands need from ./kto's environment: where the stack answers, the key, how long to wait.</summary>
public sealed record CliSettings(Uri BaseUrl, string Key, TimeSpan? Wait = null)
{
    /// <summary>The stack's storage for backup and restore (a connection string: KTO_STORAGE, which ./kto sets to its Azurite).</summary>
    public string? Storage { get; init; }

    /// <summary>KTO_DATA (.kto/): where ./kto up keeps its keys.</summary>
    public string DataFolder { get; init; } = Path.Combine(Environment.CurrentDirectory, ".kto");

    /// <summary>The API's address as ./kto prints it (http://127.0.0.1:PORT/api).</summary>
    public string Api => BaseUrl.GetLeftPart(UriPartial.Authority) + "/api";

    /// <summary>
    /// KTO_PORT (7071); the key from KTO_KEY (e.g. a company key), else KTO_BUREAU_KEY, else KTO_DATA/bureau.key
    /// (./kto makes that file before it starts this); KTO_WAIT in seconds.
    /// </summary>
    public static CliSettings FromEnvironment()
    {
        var port = Variable("KTO_PORT") ?? "7071";
        var key = Variable("KTO_KEY") ?? Variable("KTO_BUREAU_KEY") ?? ReadBureauKeyFile();
        var wait = int.TryParse(Variable("KTO_WAIT"), out var seconds) ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        return new CliSettings(new Uri($"http://127.0.0.1:{port}"), key, wait)
        {
            Storage = Variable("KTO_STORAGE"),
            DataFolder = Variable("KTO_DATA") ?? Path.Combine(Environment.CurrentDirectory, ".kto"),
        };
    }

    private static string ReadBureauKeyFile()
    {
        var data = Variable("KTO_DATA") ?? Path.Combine(Environment.CurrentDirectory, ".kto");
        var file = Path.Combine(data, "bureau.key");
        return File.Exists(file) ? File.ReadAllText(file).Trim() : "";
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
