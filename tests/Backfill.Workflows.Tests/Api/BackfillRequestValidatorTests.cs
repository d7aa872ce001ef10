using System.Text;
using Backfill.Core.Layers;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;
using Backfill.Core.Scheduling;
using Backfill.Storage.Commits;
using Backfill.Workflows.Api;
using Backfill.Workflows.Hosting;
using Microsoft.AspNetCore.Http;

namespace Backfill.Workflows.Tests.Api;

public sealed class BackfillRequestValidatorTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 2, 0, 0, TimeSpan.Zero);

    private static async Task<(BackfillBody? Body, IResult? Problem)> ReadAsync(string json)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return await JsonBody.ReadAsync<BackfillBody>(context.Request);
    }

    /// <summary>Each bad request names the field it is about, in the spelling the request used.</summary>
    [Theory]
    [InlineData("""{"target":"features_v2"}""", "partitions")]
    [InlineData("""{"partitions":"2025-01-01","start":"2025-01-01","end":"2025-01-02","target":"features_v2"}""", "partitions")]
    [InlineData("""{"start":"2025-01-01","target":"features_v2"}""", "end")]
    [InlineData("""{"end":"2025-01-01","target":"features_v2"}""", "start")]
    [InlineData("""{"partitions":"2025-02-30","target":"features_v2"}""", "partitions")]
    [InlineData("""{"partitions":"2025-02-01..2025-01-01","target":"features_v2"}""", "partitions")]
    [InlineData("""{"partitions":"yesterday","target":"features_v2"}""", "partitions")]
    [InlineData("""{"partitions":"2000-01-01..2025-01-01","target":"features_v2"}""", "partitions")]
    [InlineData("""{"partitions":"2025-01-01,!2025-01-01","target":"features_v2"}""", "partitions")]
    [InlineData("""{"start":"2025-13-01","end":"2025-12-01","target":"features_v2"}""", "start")]
    [InlineData("""{"partitions":"2025-01-01"}""", "target")]
    [InlineData("""{"partitions":"2025-01-01","target":"../etc"}""", "target")]
    [InlineData("""{"partitions":"2025-01-01","target":"Features_V2"}""", "target")]
    [InlineData("""{"partitions":"2025-01-01","target":"features_v9"}""", "target")]
    [InlineData("""{"partitions":"2025-01-01","target":"features_v2","maxParallel":0}""", "maxParallel")]
    [InlineData("""{"partitions":"2025-01-01","target":"features_v2","maxParallel":65}""", "maxParallel")]
    [InlineData("""{"partitions":"2025-01-01","target":"features_v2","writeMode":"upsert"}""", "writeMode")]
    [InlineData("""{"partitions":"2025-01-01","target":"features_v2","writeMode":"Overwrite"}""", "writeMode")]
    [InlineData("""{"partitions":"2025-01-01","target":"features_v2","order":"random"}""", "order")]
    [InlineData("""{"partitions":"2025-01-01","target":"features_v2","layers":["gold"]}""", "layers")]
    [InlineData("""{"partitions":"2025-01-01","target":"features_v2","layers":[]}""", "layers")]
    [InlineData("""{"partitions":"2025-01-01","target":"features_v2","retries":11}""", "retries")]
    [InlineData("""{"partitions":"2025-01-01","target":"features_v2","retries":-1}""", "retries")]
    [InlineData("""{"partitions":"2025-01-01","target":"features_v2","idempotencyKey":"a/b"}""", "idempotencyKey")]
    [InlineData("""{"partitions":"2025-01-01","target":"features_v2","layers":["raw","staging"],"flipOnSuccess":true}""", "flipOnSuccess")]
    [InlineData("""{"partitions":"2025-01-01","target":"features_v2","onConflict":"queue"}""", "onConflict")]
    [InlineData("""{"partitions":"2025-01-01","target":"features_v2","reprocess":"dirty"}""", "reprocess")]
    [InlineData("""{"partitions":"2025-01-01","target":"features_v2","reprocess":"Stale"}""", "reprocess")]
    public async Task Validate_BadField_NamesThatField(string json, string field)
    {
        var (body, problem) = await ReadAsync(json);
        Assert.Null(problem);

        var (spec, errors) = BackfillRequestValidator.Validate(body!, new BackfillSettings(), Now);

        Assert.Null(spec);
        Assert.Equal([field], errors.Keys);
        Assert.False(string.IsNullOrWhiteSpace(errors[field].Single()));
    }

    [Theory]
    [InlineData(MaxParallelBounds.Min - 1)]
    [InlineData(MaxParallelBounds.Max + 1)]
    public async Task Validate_MaxParallelOutsideTheBounds_StatesTheBounds(int maxParallel)
    {
        var (body, _) = await ReadAsync($$"""{"partitions":"2025-01-01","target":"features_v2","maxParallel":{{maxParallel}}}""");

        var (_, errors) = BackfillRequestValidator.Validate(body!, new BackfillSettings(), Now);

        Assert.Equal($"maxParallel must be between {MaxParallelBounds.Min} and {MaxParallelBounds.Max}; got {maxParallel}.", errors["maxParallel"].Single());
    }

    [Theory]
    [InlineData(MaxParallelBounds.Min)]
    [InlineData(MaxParallelBounds.Max)]
    public async Task Validate_MaxParallelAtABound_IsAccepted(int maxParallel)
    {
        var (body, _) = await ReadAsync($$"""{"partitions":"2025-01-01","target":"features_v2","maxParallel":{{maxParallel}}}""");

        var (spec, errors) = BackfillRequestValidator.Validate(body!, new BackfillSettings(), Now);

        Assert.Empty(errors);
        Assert.Equal(maxParallel, spec!.MaxParallel);
    }

    [Theory]
    [InlineData("""{"partitions":"2025-01-01","target":"features_v2","maxParallel":"three"}""")]
    [InlineData("""{"partitions":"2025-01-01","target":"features_v2","surprise":1}""")]
    [InlineData("""{"partitions":"2025-01-01",""")]
    [InlineData("""[]""")]
    public async Task Read_MalformedOrUnknownJson_IsAProblem(string json)
    {
        var (body, problem) = await ReadAsync(json);

        Assert.Null(body);
        Assert.NotNull(problem);
    }

    [Fact]
    public async Task Validate_GoodRequest_PinsCanonicalSpecWithDefaults()
    {
        var (body, _) = await ReadAsync("""{"partitions":"last:3,2025-01-01","target":"features_v2","layers":["features","staging"],"writeMode":"merge","order":"descending"}""");

        var (spec, errors) = BackfillRequestValidator.Validate(body!, new BackfillSettings(), Now);

        Assert.Empty(errors);
        Assert.Equal("2025-01-01,2025-03-08..2025-03-10", spec!.Partitions);
        Assert.Equal([Layer.Staging, Layer.Features], spec.Layers);
        Assert.Equal(WriteMode.Merge, spec.WriteMode);
        Assert.Equal(PartitionOrder.Descending, spec.Order);
        Assert.Equal(3, spec.MaxParallel);
        Assert.Equal(2, spec.Retries);
        Assert.Equal(28, spec.FeatureWindowDays);
        Assert.Equal(Now, spec.SubmittedAt);
        Assert.False(spec.FlipOnSuccess);
    }

    [Fact]
    public async Task Validate_FlipOnSuccess_IsPinnedInTheSpec()
    {
        var (body, _) = await ReadAsync("""{"partitions":"2025-01-01","target":"features_v2","flipOnSuccess":true}""");

        var (spec, errors) = BackfillRequestValidator.Validate(body!, new BackfillSettings(), Now);

        Assert.Empty(errors);
        Assert.True(spec!.FlipOnSuccess);
        Assert.True(BackfillRequestView.Of(spec).FlipOnSuccess);
    }

    [Theory]
    [InlineData("""{"partitions":"2025-01-01","target":"features_v2","onConflict":"wait"}""", true, "wait")]
    [InlineData("""{"partitions":"2025-01-01","target":"features_v2","onConflict":"reject"}""", false, "reject")]
    [InlineData("""{"partitions":"2025-01-01","target":"features_v2"}""", false, "reject")]
    public async Task Validate_OnConflict_IsPinnedInTheSpec(string json, bool wait, string shown)
    {
        var (body, _) = await ReadAsync(json);

        var (spec, errors) = BackfillRequestValidator.Validate(body!, new BackfillSettings(), Now);

        Assert.Empty(errors);
        Assert.Equal(wait, spec!.WaitOnConflict);
        Assert.Equal(shown, BackfillRequestView.Of(spec).OnConflict);
    }

    [Theory]
    [InlineData("""{"partitions":"2025-01-01","target":"features_v2","reprocess":"stale"}""", ReprocessMode.Stale)]
    [InlineData("""{"partitions":"2025-01-01","target":"features_v2","reprocess":"all"}""", ReprocessMode.All)]
    [InlineData("""{"partitions":"2025-01-01","target":"features_v2"}""", ReprocessMode.Changed)]
    public async Task Validate_Reprocess_IsPinnedInTheSpec(string json, ReprocessMode mode)
    {
        var (body, _) = await ReadAsync(json);

        var (spec, errors) = BackfillRequestValidator.Validate(body!, new BackfillSettings(), Now);

        Assert.Empty(errors);
        Assert.Equal(mode, spec!.Reprocess);
        Assert.Equal(mode.ToString().ToLowerInvariant(), BackfillRequestView.Of(spec).Reprocess);
    }
}
