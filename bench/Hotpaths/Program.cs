using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Hotpaths -- --filter '*'   (results in BenchmarkDotNet.Artifacts/results)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
