namespace Kto.Cli;

/// <summary>Ends a command with exit code 1; a message, when given, goes to stderr as "kto: message" (as the bash script's die).</summary>
public sealed class CliFailure(string? message = null) : Exception(message ?? "")
{
    public bool Silent => string.IsNullOrEmpty(Message);
}
