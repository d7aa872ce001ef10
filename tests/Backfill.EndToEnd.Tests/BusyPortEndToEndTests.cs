using System.Net;
using System.Net.Sockets;
using Backfill.Testing;

namespace Backfill.EndToEnd.Tests;

/// <summary>A host given a port something else holds: one line naming the port and the setting, exit code 2, no stack trace.</summary>
public sealed class BusyPortEndToEndTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Host_PortInUse_PrintsOneLineNamingPortAndSettingAndExits2()
    {
        var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        try
        {
            var port = ((IPEndPoint)holder.LocalEndpoint).Port;
            await using var host = LocalHostProcess.Launch(LocalHostProcess.OwnLake(azurite.ConnectionString, "busy"), port);

            Assert.True(await host.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the host kept running on a busy port:" + Environment.NewLine + host.Output);

            Assert.Equal(2, host.ExitCode);
            var line = Assert.Single(host.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
            Assert.Contains("--urls", line, StringComparison.Ordinal);
        }
        finally
        {
            holder.Stop();
        }
    }
}
