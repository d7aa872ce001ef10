using Backfill.Testing;

[assembly: AssemblyFixture(typeof(AzuriteFixture))]
