using Backfill.Azurite;

namespace Backfill.Testing;

/// <summary>
/// One in-memory Azurite per test assembly (register with <c>[assembly: AssemblyFixture(typeof(AzuriteFixture))]</c>),
/// on its own free ports so test assemblies running in parallel never share an emulator.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>
    /// The <c>Storage:ApiCallTimeout</c> of hosts under test: on a loaded CI machine (test projects side by side on
    /// 2 cores) the emulator can take longer than the 8 s default to answer one call, and the API would answer a false
    /// 503. Tests of that bound set it themselves.
    /// </summary>
    public const string SlowCallTimeout = "00:01:00";

    private AzuriteServer? _server;

    /// <summary>The running emulator.</summary>
    public AzuriteServer Server => _server ?? throw new InvalidOperationException("Azurite has not started.");

    /// <summary>Connection string with explicit endpoints.</summary>
    public string ConnectionString => Server.ConnectionString;

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => _server = await AzuriteServer.StartAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
