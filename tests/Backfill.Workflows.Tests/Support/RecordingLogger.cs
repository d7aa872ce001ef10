using Microsoft.Extensions.Logging;

namespace Backfill.Workflows.Tests.Support;

/// <summary>A logger that keeps every event with its level and structured fields, so a test can read them.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, EventId Id, IReadOnlyDictionary<string, object?> Fields)> Events { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(pair => pair.Key, pair => pair.Value)
            : [];
        lock (Events)
        {
            Events.Add((logLevel, eventId, fields));
        }
    }
}
