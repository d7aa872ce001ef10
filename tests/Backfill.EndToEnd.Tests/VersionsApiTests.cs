using System.Net;
using System.Text.Json;
using Backfill.Core.Features;
using Backfill.Core.Partitions;
using Backfill.Storage.Layout;
using Backfill.Testing;
using Backfill.Workflows.Api;
using Backfill.Workflows.Json;

namespace Backfill.EndToEnd.Tests;

/// <summary>The version lifecycle API and CLI of a real local host: a backfill makes a candidate, versions list, retire.</summary>
public sealed class VersionsApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private LocalHostProcess? _host;

    private LocalHostProcess Host => _host!;

    public async ValueTask InitializeAsync()
    {
        var settings = LocalHostProcess.OwnLake(azurite.ConnectionString, "ver");
        settings["Backfill:RetryDelaySeconds"] = "1";
        var options = new LakeSettings { ContainerName = settings["Lake:ContainerName"], LineageTableName = settings["Lake:LineageTableName"] };
        await BackfillApi.SeedLandingAsync(azurite.ConnectionString, Day.Parse("2025-05-01"), 4, eventsPerDay: 200, options: options);
        _host = await LocalHostProcess.StartAsync(settings);
    }

    public async ValueTask DisposeAsync() => await _host!.DisposeAsync();

    [Fact]
    public async Task Versions_BackfillOfANonLiveVersion_MakesACandidateListedWithItsGapsAndRetireRefusesTheLiveOne()
    {
        var (status, text) = await BackfillApi.PostBackfillAsync(Host, new { partitions = "2025-05-01..2025-05-02,2025-05-04", target = "features_v2" });
        Assert.True(status == HttpStatusCode.Accepted, text);
        var accepted = JsonSerializer.Deserialize<BackfillAccepted>(text, ApiJson.Options)!;
        Assert.Equal("candidate", accepted.VersionState);
        Assert.Equal(Workflows.Models.BackfillStatus.Completed, (await BackfillApi.WaitAsync(Host, accepted.Id)).Status);

        var versions = await Host.ReadJsonAsync<VersionsView>("api/versions");
        Assert.Equal("features_v1", versions.Live);
        Assert.Equal(
            [
                new VersionView("features_v1", "live", null, null, null, null, null, null, FeatureVersions.V1.InputWindowDays),
                new VersionView("features_v2", "candidate", null, null, null, "2025-05-01", "2025-05-04", "2025-05-03", FeatureVersions.V2.InputWindowDays),
            ],
            versions.Versions);

        using var live = await Host.Http.PostAsync("api/versions/features_v1/retire", null, TestContext.Current.CancellationToken);
        var problem = JsonDocument.Parse(await live.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(HttpStatusCode.Conflict, live.StatusCode);
        Assert.Contains("features_v1 is live", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var unknown = await Host.Http.PostAsync("api/versions/features_v9/retire", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var retire = await CliRun.RunAsync("versions", "retire", "features_v2", "--api", Host.BaseAddress.ToString());
        var list = await CliRun.RunAsync("versions", "--api", Host.BaseAddress.ToString(), "--json");

        Assert.Equal(0, retire.ExitCode);
        Assert.Contains("retired", retire.Output, StringComparison.Ordinal);
        Assert.Equal(0, list.ExitCode);
        var listed = JsonSerializer.Deserialize<VersionsView>(list.Output, ApiJson.Options)!;
        Assert.Equal(["live", "retired"], listed.Versions.Select(v => v.State));
        Assert.Equal("2025-05-04", listed.Versions[1].LastCommittedDay);
    }
}
