using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Backfill.Storage.Tests.Support;

/// <summary>Records every request a storage client sends (one entry per try): how many calls a read really costs.</summary>
internal sealed class RequestLog : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<(string Method, string Path, string? IfMatch)> _sent = new();

    /// <summary>The requests sent so far: method, unescaped path, and the If-Match header when set.</summary>
    public IReadOnlyList<(string Method, string Path, string? IfMatch)> Sent => [.. _sent];

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Record(HttpMessage message) => _sent.Enqueue((
        message.Request.Method.Method,
        Uri.UnescapeDataString(message.Request.Uri.Path),
        message.Request.Headers.TryGetValue("If-Match", out var etag) ? etag : null));
}
