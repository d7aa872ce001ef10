using Backfill.Infra.Tests.Support;

[assembly: AssemblyFixture(typeof(CompiledMainTemplate))]
