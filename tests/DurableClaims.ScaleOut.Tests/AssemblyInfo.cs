// Each load test runs several host processes on two cores: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
