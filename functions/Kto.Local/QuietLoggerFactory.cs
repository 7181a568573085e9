namespace Kto.Local;

/// <summary>
/// The in-process Durable host runs its own gRPC server and logs every internal call at Information, ignoring the
/// app's log filters. This factory drops those categories below Warning; everything else goes to the app's loggers.
/// </summary>
public sealed class QuietLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private static readonly string[] Noisy = ["Microsoft.AspNetCore", "Grpc", "Microsoft.DurableTask.Sidecar"];

    public ILogger CreateLogger(string categoryName) =>
        Noisy.Any(p => categoryName.StartsWith(p, StringComparison.Ordinal))
            ? new WarningsOnly(inner.CreateLogger(categoryName))
            : inner.CreateLogger(categoryName);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() { }

    private sealed class WarningsOnly(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
