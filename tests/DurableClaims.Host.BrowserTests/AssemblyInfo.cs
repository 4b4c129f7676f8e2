// Each test class starts its own host and Chromium; running them one after another keeps a
// 2-core CI machine from timing out while the other test projects run.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
