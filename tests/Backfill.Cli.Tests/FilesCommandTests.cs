using System.Text.Json;
using Backfill.Testing;

namespace Backfill.Cli.Tests;

/// <summary>
/// <c>backfill files</c> against a real loopback HTTP server that plays the API: the request, the table, the
/// <c>--paths</c> lines a script feeds to DuckDB, <c>--json</c>, missing days (named on stderr, exit 1) and a
/// refusal's exit code.
/// </summary>
public sealed class FilesCommandTests
{
    private const string NoneMissing = """
        {"dataset":"features","resolvedDataset":"features_v2","from":"2025-01-01","to":"2025-01-01","container":"lake","fileCount":1,"rowCount":300,"days":[
          {"date":"2025-01-01","commitId":"c1","rowCount":300,"files":[{"name":"features.parquet","path":"features_v2/date=2025-01-01/commit=c1/features.parquet","url":"http://h/lake/x","rowCount":300,"bytes":10,"sha256":"s1"}]}],
         "missing":[]}
        """;

    private const string Files = """
        {"dataset":"features","resolvedDataset":"features_v2","from":"2025-01-01","to":"2025-01-03","container":"lake","fileCount":2,"rowCount":700,"days":[
          {"date":"2025-01-01","commitId":"c1","rowCount":300,"files":[{"name":"features.parquet","path":"features_v2/date=2025-01-01/commit=c1/features.parquet","url":"http://h/lake/x","rowCount":300,"bytes":10,"sha256":"s1"}]},
          {"date":"2025-01-03","commitId":"c3","rowCount":400,"files":[{"name":"features.parquet","path":"features_v2/date=2025-01-03/commit=c3/features.parquet","url":"http://h/lake/y","rowCount":400,"bytes":12,"sha256":"s3"}]}],
         "missing":["2025-01-02"]}
        """;

    [Fact]
    public async Task Files_EveryDayLive_ShowsEachFileAndSucceeds()
    {
        using var api = ApiStandIn.Start(new ApiStandInAnswer(200, NoneMissing));

        var run = await CliRun.RunAsync("files", "--from", "2025-01-01", "--to", "2025-01-01", "--api", api.Url);
        await api.Served;

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output + run.Errors);
        Assert.Equal(("GET", "/api/files/features?from=2025-01-01&to=2025-01-01"), (Assert.Single(api.Requests).Method, api.Requests[0].PathAndQuery));
        var said = string.Join(' ', run.Output.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("features → features_v2 2025-01-01..2025-01-01: 1 file(s), 300 rows, in container lake", said, StringComparison.Ordinal);
        Assert.Contains("c1", said, StringComparison.Ordinal);
        Assert.Empty(run.Errors);
    }

    [Fact]
    public async Task Files_MissingDay_ListsTheRestNamesItOnStderrAndExits1()
    {
        using var api = ApiStandIn.Start(new ApiStandInAnswer(200, Files));

        var run = await CliRun.RunAsync("files", "--from", "2025-01-01", "--to", "2025-01-03", "--api", api.Url);
        await api.Served;

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("c3", run.Output, StringComparison.Ordinal);
        Assert.Contains("no live commit of features_v2 for 1 day(s): 2025-01-02", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_Paths_PrintsOneAzPathPerLineAndNothingElse()
    {
        using var api = ApiStandIn.Start(new ApiStandInAnswer(200, Files));

        var run = await CliRun.RunAsync("files", "--dataset", "features_v2", "--from", "2025-01-01", "--to", "2025-01-03", "--paths", "--api", api.Url);
        await api.Served;

        // The missing day goes to stderr, so the lines stay only paths, and the exit code stops a script.
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("/api/files/features_v2?from=2025-01-01&to=2025-01-03", Assert.Single(api.Requests).PathAndQuery);
        Assert.Equal(
            ["az://lake/features_v2/date=2025-01-01/commit=c1/features.parquet", "az://lake/features_v2/date=2025-01-03/commit=c3/features.parquet"],
            run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("2025-01-02", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_Json_PrintsTheApisAnswer()
    {
        using var api = ApiStandIn.Start(new ApiStandInAnswer(200, Files));

        var run = await CliRun.RunAsync("files", "--from", "2025-01-01", "--to", "2025-01-03", "--json", "--api", api.Url);
        await api.Served;

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal(["c1", "c3"], JsonDocument.Parse(run.Output).RootElement.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("commitId").GetString()));
    }

    [Fact]
    public async Task Files_MissingTo_IsAUsageErrorNamingIt()
    {
        var run = await CliRun.RunAsync("files", "--from", "2025-01-01", "--api", "http://127.0.0.1:9");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--to", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_Refused_ExitsWithItsCodeAndSaysWhy()
    {
        const string Detail = "to (2025-01-01) is before from (2025-01-03).";
        using var api = ApiStandIn.Start(new ApiStandInAnswer(400, JsonSerializer.Serialize(new { title = "The request is invalid.", status = 400, detail = Detail })));

        var run = await CliRun.RunAsync("files", "--from", "2025-01-03", "--to", "2025-01-01", "--api", api.Url);
        await api.Served;

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(Detail, string.Join(' ', run.Errors.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }
}
