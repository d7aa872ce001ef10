using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Backfill.Storage.Layout;
using Backfill.Workflows.Api;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Tests.Api;

/// <summary>Bad pointer and read requests are answered before any storage or engine call, naming the field.</summary>
public sealed class PointersHandlerTests
{
    // Clients are created without connecting; every request here is refused before one is used.
    private static readonly LakeReady Lake = new(new LakeStorage(
        new BlobServiceClient("UseDevelopmentStorage=true"), new TableServiceClient("UseDevelopmentStorage=true"), new LakeSettings(), TimeProvider.System));

    private static readonly PointersHandler Handler = new(Lake, Options.Create(new BackfillSettings()), NullLogger<PointersHandler>.Instance);

    private static HttpRequest Request(string? json, string query = "")
    {
        var context = new DefaultHttpContext();
        if (json is not null)
        {
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
            context.Request.ContentLength = context.Request.Body.Length;
        }

        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    private static void AssertNamesField(IResult result, string field)
    {
        var problem = Assert.IsType<ProblemHttpResult>(result);
        Assert.Equal(StatusCodes.Status400BadRequest, problem.StatusCode);
        var errors = Assert.IsType<HttpValidationProblemDetails>(problem.ProblemDetails).Errors;
        Assert.Equal([field], errors.Keys);
    }

    [Theory]
    [InlineData("""{"expectedCurrent":"features_v1"}""", "to")]
    [InlineData("""{"to":"features_v9","expectedCurrent":"features_v1"}""", "to")]
    [InlineData("""{"to":"features_v2"}""", "expectedCurrent")]
    [InlineData("""{"to":"features_v2","expectedCurrent":"features_v1","partitions":"2025-02-30"}""", "partitions")]
    [InlineData("""{"to":"features_v2","expectedCurrent":"features_v1","range":"2025-02-30"}""", "range")]
    [InlineData("""{"to":"features_v2","expectedCurrent":"features_v1","partitions":"2025-02-01","range":"2025-02-01"}""", "range")]
    [InlineData("""{"to":"features_v2","expectedCurrent":"features_v1","expectedSequence":-1}""", "expectedSequence")]
    [InlineData("""{"to":"features_v2","expectedCurrent":"features_v1","surprise":true}""", "surprise")]
    public async Task FlipAsync_BadField_Is400NamingIt(string json, string field)
    {
        AssertNamesField(await Handler.FlipAsync(Request(json), null!, "features"), field);
    }

    [Theory]
    [InlineData("partitions", null)]
    [InlineData("range", "@1796083200")]
    public async Task FlipAsync_DeprecatedRangeAlias_IsAnsweredWithADeprecationHeader(string field, string? deprecation)
    {
        var request = Request($$"""{"to":"features_v2","expectedCurrent":"features_v1","{{field}}":"2025-02-30"}""");

        AssertNamesField(await Handler.FlipAsync(request, null!, "features"), field);
        Assert.Equal(deprecation, request.HttpContext.Response.Headers["Deprecation"].SingleOrDefault());
    }

    [Fact]
    public async Task RollbackAsync_NegativeSequence_Is400NamingIt()
    {
        AssertNamesField(await Handler.RollbackAsync(Request("""{"expectedSequence":-2}"""), null!, "features"), "expectedSequence");
    }

    [Fact]
    public async Task PointerRoutes_UnknownPointer_Are404()
    {
        var results = new[]
        {
            await Handler.GetAsync(Request(null), null!, "features_v2"),
            await Handler.FlipAsync(Request("""{"to":"features_v2","expectedCurrent":"features_v1"}"""), null!, "labels"),
            await Handler.RollbackAsync(Request(null), null!, "labels"),
        };

        Assert.All(results, r => Assert.Equal(StatusCodes.Status404NotFound, Assert.IsType<ProblemHttpResult>(r).StatusCode));
    }

    [Theory]
    [InlineData("2025-02-30", "", "date")]
    [InlineData("2025-02-01", "?limit=-1", "limit")]
    [InlineData("2025-02-01", "?limit=lots", "limit")]
    [InlineData("2025-02-01", "?limit=10001", "limit")]
    public async Task ReadAsync_BadDateOrLimit_Is400NamingIt(string date, string query, string field)
    {
        AssertNamesField(await new ReadHandler(Lake).ReadAsync(Request(null, query), "features", date), field);
    }
}
