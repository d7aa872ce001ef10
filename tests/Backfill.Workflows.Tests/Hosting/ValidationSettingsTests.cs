using Backfill.Workflows.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Tests.Hosting;

public sealed class ValidationSettingsTests
{
    private static T Resolve<T>(Dictionary<string, string?> values)
        where T : class
    {
        values["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var services = new ServiceCollection().AddBackfillWorkflows(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<T>>().Value;
    }

    [Fact]
    public void ThresholdsFor_NothingConfigured_AreTheSafeDefaults()
    {
        var settings = Resolve<ValidationSettings>([]);

        var raw = settings.ThresholdsFor("raw");
        Assert.Equal((1L, 7, 0.25, 0.5, 0.05, 0.1, 0.25), (raw.MinRows, raw.BaselinePartitions, raw.RowCountWarnDeviation, raw.RowCountFailDeviation, raw.NullRateFailIncrease, raw.PsiWarn, raw.PsiFail));
        Assert.Empty(settings.ThresholdsFor("features_v1").ExpectedToDrift);
        Assert.Equal(["amount_7d"], settings.ThresholdsFor("features_v2").ExpectedToDrift);
    }

    [Fact]
    public void ThresholdsFor_DefaultsThenDatasetOverrides_ApplyInThatOrder()
    {
        var settings = Resolve<ValidationSettings>(new()
        {
            ["Validation:Defaults:PsiFail"] = "0.4",
            ["Validation:Defaults:MinRows"] = "5",
            ["Validation:Datasets:raw:MinRows"] = "100",
            ["Validation:Datasets:features_v2:ExpectedToDrift:0"] = "purchases_7d",
        });

        Assert.Equal((100L, 0.4), (settings.ThresholdsFor("raw").MinRows, settings.ThresholdsFor("raw").PsiFail));
        Assert.Equal(5L, settings.ThresholdsFor("staging").MinRows);
        Assert.Equal(["purchases_7d"], settings.ThresholdsFor("features_v2").ExpectedToDrift);
    }

    [Theory]
    [InlineData("Validation:Defaults:NullRateFailIncrease", "2", "NullRateFailIncrease")]
    [InlineData("Validation:Datasets:staging:BaselinePartitions", "0", "staging")]
    [InlineData("Validation:Datasets:raw:PsiWarn", "-1", "PsiWarn")]
    public void Resolve_OutOfRangeThreshold_FailsNamingTheSetting(string key, string value, string named)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve<ValidationSettings>(new() { [key] = value }));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_WebhookUrlNotAUrl_Fails()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve<AlertSettings>(new() { ["Alerts:WebhookUrl"] = "not a url" }));

        Assert.Contains("WebhookUrl", failure.Message, StringComparison.Ordinal);
    }
}
