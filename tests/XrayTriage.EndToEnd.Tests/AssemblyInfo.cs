using Xunit;

// Each test starts serve processes that use both cores for inference (and one stops its PostgreSQL): one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
