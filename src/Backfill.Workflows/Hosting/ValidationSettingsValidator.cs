using System.ComponentModel.DataAnnotations;
using Backfill.Core.Features;
using Backfill.Storage.Building;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Hosting;

/// <summary>
/// Fails the host at start, naming the setting, when a validation threshold is out of range — not the first
/// partition validated at 3 a.m.
/// </summary>
internal sealed class ValidationSettingsValidator : IValidateOptions<ValidationSettings>
{
    public ValidateOptionsResult Validate(string? name, ValidationSettings options)
    {
        var failures = new List<string>();
        Check(options.Defaults, $"{ValidationSettings.Section}:Defaults", failures);
        foreach (var (dataset, overrides) in options.Datasets)
        {
            Check(overrides, $"{ValidationSettings.Section}:Datasets:{dataset}", failures);
        }

        foreach (var dataset in options.Datasets.Keys.Concat([Datasets.Raw, Datasets.Staging]).Concat(FeatureVersions.All.Select(v => v.Name)))
        {
            try
            {
                options.ThresholdsFor(dataset);
            }
            catch (ArgumentOutOfRangeException ex)
            {
                failures.Add($"{ValidationSettings.Section}:Datasets:{dataset}:{ex.ParamName}: {ex.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(DatasetValidationSettings settings, string path, List<string> failures)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(result => $"{path}:{string.Join(",", result.MemberNames)}: {result.ErrorMessage}"));
        }
    }
}
