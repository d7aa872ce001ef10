using System.Globalization;
using Backfill.Core.Buckets;

namespace Backfill.Bench;

/// <summary>The bucket benches' <c>--buckets B</c> (16 unless given), taken out of the arguments the settings parse.</summary>
internal static class BucketOption
{
    public static (BucketCount Buckets, string[] Others) Parse(string[] args)
    {
        var buckets = BucketCount.Of(16);
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--buckets" && i + 1 < args.Length)
            {
                buckets = BucketCount.Of(int.Parse(args[++i], CultureInfo.InvariantCulture));
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return (buckets, [.. rest]);
    }
}
