namespace Backfill.EndToEnd.Tests;

/// <summary>One <see cref="DashboardFixture"/> for the API and browser tests: two would backfill the same days at once.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardGroup : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
