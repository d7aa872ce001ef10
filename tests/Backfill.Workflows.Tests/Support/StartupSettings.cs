using Backfill.Workflows.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Tests.Support;

/// <summary>The settings checks a host runs when it starts, on a service collection built from in-memory settings.</summary>
internal static class StartupSettings
{
    // Every host needs storage; a test of another setting starts from a valid connection so only its own setting fails.
    private static readonly Dictionary<string, string?> Storage = new() { [StorageSettings.ConnectionStringKey] = "UseDevelopmentStorage=true" };

    /// <summary>Runs the checks registered with <c>ValidateOnStart</c>, as the host does before it serves anything.</summary>
    /// <returns>The failure, or null when every setting is valid.</returns>
    public static OptionsValidationException? Validate(Dictionary<string, string?> values)
    {
        using var services = Build(values);
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return null;
        }
        catch (OptionsValidationException error)
        {
            return error;
        }
    }

    /// <summary>The bound value of <typeparamref name="T"/>.</summary>
    public static T Resolve<T>(Dictionary<string, string?> values) where T : class
    {
        using var services = Build(values);
        return services.GetRequiredService<IOptions<T>>().Value;
    }

    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Storage).AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddBackfillWorkflows(configuration).BuildServiceProvider();
    }
}
