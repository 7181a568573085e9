using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Kto.Functions.Tests.Support;

/// <summary>
/// Keeps every log line the local host writes, at the levels Kto.Local's appsettings.json uses (our code at every
/// level, Microsoft.* and Azure.* from Warning), so tests can check that no line carries a token or personal data.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public static void AddTo(ILoggingBuilder logging, CapturedLogs logs)
    {
        logging.AddProvider(logs);
        logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
        logging.AddFilter<CapturedLogs>("Microsoft", LogLevel.Warning);
        logging.AddFilter<CapturedLogs>("Azure", LogLevel.Warning);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
