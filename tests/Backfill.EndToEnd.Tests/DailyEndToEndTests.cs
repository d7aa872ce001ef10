using System.Net;
using System.Text.Json;

namespace Backfill.EndToEnd.Tests;

/// <summary>The daily run and late-data API of a real local host process, with time driven through asOf.</summary>
public sealed class DailyEndToEndTests(DailyHostFixture fixture) : IClassFixture<DailyHostFixture>
{
    private static readonly string[] LateDataFields = ["from", "to", "watermark", "rollingDays", "days"];

    private static readonly string[] LateDataDayFields =
    [
        "date", "onTime", "late0To24h", "late24To48h", "lateOver48h", "includedAtFirstProcessing", "pickedUpByRolling",
        "repairedAfterWindow", "beyondWatermarkPending", "duplicates", "malformed", "lastProcessedAt",
    ];

    private LocalHostProcess Host => fixture.Host;

    [Fact]
    public async Task DailyRun_TriggeredTwiceForOneDay_RunsOnceAndServesStatusWatermarkAndLateData()
    {
        var (status, body) = await BackfillApi.PostAsync(Host, "api/daily/run", new { asOf = "2026-06-06T02:00:00Z" });
        var (againStatus, againBody) = await BackfillApi.PostAsync(Host, "api/daily/run", new { asOf = "2026-06-06T09:30:00Z" });

        Assert.Equal(HttpStatusCode.Accepted, status);
        var accepted = JsonDocument.Parse(body).RootElement;
        Assert.Equal("daily-2026-06-06", accepted.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, againStatus);
        var again = JsonDocument.Parse(againBody).RootElement;
        Assert.Equal("daily-2026-06-06", again.GetProperty("id").GetString());
        Assert.False(again.GetProperty("created").GetBoolean());

        var statusUri = accepted.GetProperty("statusUri").GetString()!;
        var run = await WaitAsync(statusUri);
        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal("2026-06-04", run.GetProperty("watermark").GetString());
        var day = run.GetProperty("days").EnumerateArray().Single(d => d.GetProperty("date").GetString() == "2026-06-04");
        Assert.Equal("daily", day.GetProperty("role").GetString());
        Assert.True(day.GetProperty("committed").GetBoolean());
        Assert.Equal(["raw", "staging", "features"], day.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("layer").GetString()));
        Assert.Equal(3, run.GetProperty("days").EnumerateArray().Count(d => d.GetProperty("role").GetString() == "rolling"));

        var watermark = await Host.ReadJsonAsync<JsonElement>("api/daily/watermark");
        Assert.Equal("2026-06-04", watermark.GetProperty("watermark").GetString());

        var late = await Host.ReadJsonAsync<JsonElement>("api/late-data?from=2026-06-01&to=2026-06-05");
        Assert.Equal(LateDataFields, late.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-06-04", late.GetProperty("watermark").GetString());
        Assert.Equal(3, late.GetProperty("rollingDays").GetInt32());
        var days = late.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(["2026-06-01", "2026-06-02", "2026-06-03", "2026-06-04", "2026-06-05"], days.Select(d => d.GetProperty("date").GetString()));
        Assert.All(days, d => Assert.Equal(LateDataDayFields, d.EnumerateObject().Select(p => p.Name)));
        var built = days[3];
        Assert.True(built.GetProperty("onTime").GetInt64() > 0);
        Assert.Equal(
            built.GetProperty("onTime").GetInt64() + built.GetProperty("late0To24h").GetInt64() + built.GetProperty("late24To48h").GetInt64()
                + built.GetProperty("lateOver48h").GetInt64(),
            built.GetProperty("includedAtFirstProcessing").GetInt64());
        // A day no build has read yet: every count 0, and no processing time.
        Assert.All(days[4].EnumerateObject().Where(p => p.Name is not ("date" or "lastProcessedAt")), p => Assert.Equal(0, p.Value.GetInt64()));
        Assert.Equal(JsonValueKind.Null, days[4].GetProperty("lastProcessedAt").ValueKind);

        // Without a range: the 30 days up to the committed watermark.
        var recent = await Host.ReadJsonAsync<JsonElement>("api/late-data");
        Assert.Equal(("2026-05-06", "2026-06-04"), (recent.GetProperty("from").GetString(), recent.GetProperty("to").GetString()));
        Assert.Equal(30, recent.GetProperty("days").GetArrayLength());

        // A day's sub-orchestration shares the id prefix but is not a run.
        using var subInstance = await Host.Http.GetAsync("api/daily/daily-2026-06-06-2026-06-04", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, subInstance.StatusCode);
    }

    [Theory]
    [InlineData("api/daily/run", "{\"asOf\":\"yesterday\"}", "asOf")]
    [InlineData("api/daily/run", "not json", "body")]
    [InlineData("api/daily/run", "{\"when\":\"2026-06-06T02:00:00Z\"}", "when")]
    public async Task DailyRun_BadBody_Is400NamingTheField(string path, string json, string field)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await Host.Http.PostAsync(path, content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors name {field}");
    }

    [Theory]
    [InlineData("api/late-data?from=June&to=2026-06-05", "from")]
    [InlineData("api/late-data?from=2026-06-01&to=June", "to")]
    [InlineData("api/late-data?from=2026-06-05&to=2026-06-01", "to")]
    public async Task LateData_BadRange_Is400NamingTheField(string path, string field)
    {
        using var response = await Host.Http.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors name {field}");
    }

    [Fact]
    public async Task DailyGet_UnknownId_Is404()
    {
        using var response = await Host.Http.GetAsync("api/daily/daily-1999-01-01", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<JsonElement> WaitAsync(string statusUri) =>
        HostPoll.UntilAsync(
            () => Host,
            $"daily run {statusUri} ended",
            () => Host.ReadJsonAsync<JsonElement>(statusUri),
            run => run.GetProperty("runtimeStatus").GetString() is "completed" or "failed" or "terminated");
}
