// Each fixture has its own database and its own host, so fixtures run side by side; the tests of one fixture share
// them and run one after another. Fixtures that watch something process-wide are marked [NonParallelizable].
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]
