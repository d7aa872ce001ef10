using Backfill.Core.Reports;

namespace Backfill.Core.Tests.Reports;

public sealed class UntouchedProofTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, 500, TimeSpan.Zero);

    private static ManifestEvidence Evidence(DateTimeOffset lastModified, DateTimeOffset publishedAt) =>
        new("c1", "\"0x1\"", lastModified, publishedAt, "bf-old");

    [Fact]
    public void Judge_NoManifest_IsMissing()
    {
        Assert.Equal(UntouchedVerdict.Missing, UntouchedProof.Judge(null, Start));
    }

    [Fact]
    public void Judge_LastModifiedInAnEarlierSecond_IsUnchanged()
    {
        var written = Start.AddSeconds(-1);

        Assert.Equal(UntouchedVerdict.Unchanged, UntouchedProof.Judge(Evidence(Truncated(written), written), Start));
    }

    [Fact]
    public void Judge_LastModifiedAfterTheStart_IsChangedSinceStart()
    {
        var written = Start.AddSeconds(3);

        Assert.Equal(UntouchedVerdict.ChangedSinceStart, UntouchedProof.Judge(Evidence(Truncated(written), written), Start));
    }

    [Theory]
    [InlineData(-200, UntouchedVerdict.Unchanged)]
    [InlineData(200, UntouchedVerdict.ChangedSinceStart)]
    public void Judge_WrittenInTheStartsSecond_TheManifestsOwnPublishTimeDecides(int millisecondsFromStart, UntouchedVerdict expected)
    {
        // Last-Modified has 1 s resolution: both writes show the start's second, so only the finer publish time tells them apart.
        var written = Start.AddMilliseconds(millisecondsFromStart);

        Assert.Equal(expected, UntouchedProof.Judge(Evidence(Truncated(written), written), Start));
    }

    private static DateTimeOffset Truncated(DateTimeOffset time) => new(time.Year, time.Month, time.Day, time.Hour, time.Minute, time.Second, TimeSpan.Zero);
}
