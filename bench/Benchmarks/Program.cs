using BenchmarkDotNet.Running;
using BilateralTrade.Dsl.Benchmarks;

if (args.Length > 0 && args[0] == "rounds") return RoundTimer.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(SpyGameBenchmarks).Assembly).Run(args);
return 0;
