using Xunit;

// One serve process (and its PostgreSQL) is shared by every test class; tests run one at a time against it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
