using Backfill.Azurite;

namespace Backfill.Testing;

/// <summary>
/// One Azurite per test assembly (register with <c>[assembly: AssemblyFixture(typeof(AzuriteFixture))]</c>), on its own
/// free ports so test assemblies running in parallel never share an emulator. It is a <see cref="SplitAzurite"/>: the
/// local host and end-to-end assemblies run for over ten minutes, past which an all-in-memory Azurite stalls (found
/// in the orchestration bench), the likeliest cause of two CI failures: a daily run that waited past its 6-minute
/// bound, and a request past its 8 s.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>
    /// The <c>Storage:ApiCallTimeout</c> of hosts under test: on a loaded CI machine (test projects side by side on
    /// 2 cores) the emulator can take longer than the 8 s default to answer one call, and the API would answer a false
    /// 503. Tests of that bound set it themselves.
    /// </summary>
    public const string SlowCallTimeout = "00:01:00";

    private SplitAzurite? _server;

    /// <summary>The running emulators' ports.</summary>
    public AzuriteEndpoints Endpoints => Server.Endpoints;

    /// <summary>Connection string with explicit endpoints.</summary>
    public string ConnectionString => Server.ConnectionString;

    private SplitAzurite Server => _server ?? throw new InvalidOperationException("Azurite has not started.");

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => _server = await SplitAzurite.StartAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
