namespace Backfill.Azurite;

/// <summary>The loopback ports one Azurite process listens on, and the connection string for them.</summary>
public sealed record AzuriteEndpoints(int BlobPort, int QueuePort, int TablePort)
{
    /// <summary>Azurite's fixed development account.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's published development key (not a secret).</summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>
    /// Explicit endpoints: <c>UseDevelopmentStorage=true</c> only works on the default ports, and
    /// these ports are picked free per run so parallel runs never collide.
    /// </summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={Url(BlobPort)};QueueEndpoint={Url(QueuePort)};TableEndpoint={Url(TablePort)};";

    /// <summary>All three service URLs, for readiness checks and logs.</summary>
    public IReadOnlyList<Uri> ServiceUris => [new(Url(BlobPort)), new(Url(QueuePort)), new(Url(TablePort))];

    private static string Url(int port) => $"http://127.0.0.1:{port}/{AccountName}";
}
