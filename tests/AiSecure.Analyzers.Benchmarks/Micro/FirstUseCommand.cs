using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Tracing;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiSecure.Analyzers.Benchmarks.Micro
{
    /// <summary>
    /// <c>firstuse</c>: what a cold build pays before any analysis, apart from the analysis. Every analyzer together on
    /// the generated corpus in this process: the methods of the package the runtime compiles during the first analysis
    /// (a deterministic count, unlike a timing on a shared machine), then the driver's time for the package on later
    /// analyses of fresh copies of the compilation (best and median). Run with <c>DOTNET_TC_CallCounting=0</c> to keep
    /// the code at the runtime's first tier, the code quality of a cold build.
    /// </summary>
    public static class FirstUseCommand
    {
        public static int Run(CommandLine options)
        {
            var compilation = CorpusCompilation.CreateAsync(options.Files, flaws: true).GetAwaiter().GetResult();
            var analyzers = AnalyzerCatalog.AnalyzerTypes().Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();
            using var jit = new PackageJitListener();
            var times = new List<double>();
            var allocated = new List<double>();
            var perAnalyzer = analyzers.ToDictionary(a => a.GetType().Name, _ => new List<double>());
            var firstPerAnalyzer = new Dictionary<string, double>();
            for (var run = 0; run <= Math.Max(options.Runs, 3); run++)
            {
                var copy = compilation.Clone();
                copy.GetDiagnostics();
                jit.Reset();
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var withAnalyzers = copy.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
                var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                if (run > 0)
                {
                    allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0);
                }
                var milliseconds = 0.0;
                foreach (var analyzer in analyzers)
                {
                    var ms = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds;
                    milliseconds += ms;
                    if (run == 0)
                    {
                        firstPerAnalyzer[analyzer.GetType().Name] = ms;
                    }
                    else
                    {
                        perAnalyzer[analyzer.GetType().Name].Add(ms);
                    }
                }

                if (run == 0)
                {
                    Thread.Sleep(500); // events arrive on a background thread
                    Console.WriteLine($"First analysis ({options.Files} files, {diagnostics.Length} diagnostics): {milliseconds:0.0} ms; package methods compiled by the runtime: {jit.Methods}, {jit.IlBytes / 1024.0:0.0} KB of IL, {jit.JitMilliseconds:0.0} ms from the start to the end of their compilation; every method compiled: {jit.AllMethods}, {jit.AllIlBytes / 1024.0:0.0} KB of IL");
                    if (options.Output != null)
                    {
                        System.IO.File.WriteAllLines(options.Output, jit.Compiled.OrderByDescending(m => m.IlSize).Select(m => $"{m.IlSize}\t{m.JitMilliseconds:0.000}\t{m.Name}"));
                        Console.WriteLine($"The compiled methods, largest first: {options.Output}");
                    }
                }
                else
                {
                    times.Add(milliseconds);
                }
            }

            times.Sort();
            allocated.Sort();
            Console.WriteLine($"Allocated during a later analysis (the driver's and the compiler's work for the package included): median {allocated[allocated.Count / 2]:0.0} MB");
            Console.WriteLine($"Later analyses ({times.Count}): best {times[0]:0.0} ms, median {times[times.Count / 2]:0.0} ms (tiering: {(Environment.GetEnvironmentVariable("DOTNET_TC_CallCounting") == "0" ? "first tier only" : "default")})");
            foreach (var pair in perAnalyzer.OrderByDescending(p => firstPerAnalyzer[p.Key]))
            {
                pair.Value.Sort();
                Console.WriteLine($"  {pair.Key}: first {firstPerAnalyzer[pair.Key]:0.0} ms, later best {pair.Value[0]:0.0} ms, median {pair.Value[pair.Value.Count / 2]:0.0} ms");
            }

            // Bytes allocated by each analyzer alone, less what the driver allocates for a no-op analyzer of the same
            // reach (the operation trees): a figure that, unlike a time, does not move with the machine's load, and
            // what the analyzers allocate is what makes the compiler's garbage collections stop every thread.
            var baseline = AllocatedAlone(compilation, new EmptyOperationAnalyzer());
            Console.WriteLine($"Allocated by each analyzer alone, beyond a no-op operation analyzer ({baseline / 1048576.0:0.0} MB):");
            foreach (var analyzer in analyzers.OrderBy(a => a.GetType().Name, StringComparer.Ordinal))
            {
                Console.WriteLine($"  {analyzer.GetType().Name}: {(AllocatedAlone(compilation, analyzer) - baseline) / 1048576.0:0.00} MB");
            }

            return 0;
        }

        private static long AllocatedAlone(Compilation compilation, DiagnosticAnalyzer analyzer)
        {
            var best = long.MaxValue;
            for (var run = 0; run < 3; run++)
            {
                var copy = compilation.Clone();
                copy.GetDiagnostics();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                copy.WithAnalyzers(ImmutableArray.Create(analyzer), new CompilationWithAnalyzersOptions(
                        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
                    .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                best = Math.Min(best, GC.GetTotalAllocatedBytes(precise: true) - before);
            }

            return best;
        }

        /// <summary>Counts the runtime's JIT events for methods of the package (and generic code instantiated over its types).</summary>
        private sealed class PackageJitListener : EventListener
        {
            private readonly List<(string Name, long IlSize)> _compiled = new();
            private readonly Dictionary<long, (DateTime Start, int Index)> _started = new();
            private readonly List<double> _durations = new();
            private long _jitTicks;
            private int _methods;
            private long _ilBytes;
            private int _allMethods;
            private long _allIlBytes;

            public double JitMilliseconds
            {
                get
                {
                    lock (_compiled)
                    {
                        return TimeSpan.FromTicks(_jitTicks).TotalMilliseconds;
                    }
                }
            }

            public List<(string Name, long IlSize, double JitMilliseconds)> Compiled
            {
                get
                {
                    lock (_compiled)
                    {
                        return _compiled.Select((m, i) => (m.Name, m.IlSize, _durations[i])).ToList();
                    }
                }
            }

            public int Methods => _methods;

            public long IlBytes => Interlocked.Read(ref _ilBytes);

            /// <summary>Every method the runtime compiled, the package's and the others' (generic instantiations of the
            /// platform's and the compiler's code over value types, code whose precompiled form the runtime rejected).</summary>
            public int AllMethods => _allMethods;

            public long AllIlBytes => Interlocked.Read(ref _allIlBytes);

            public void Reset()
            {
                Interlocked.Exchange(ref _methods, 0);
                Interlocked.Exchange(ref _ilBytes, 0);
                Interlocked.Exchange(ref _allMethods, 0);
                Interlocked.Exchange(ref _allIlBytes, 0);
                lock (_compiled)
                {
                    _compiled.Clear();
                    _started.Clear();
                    _durations.Clear();
                    _jitTicks = 0;
                }
            }

            protected override void OnEventSourceCreated(EventSource eventSource)
            {
                if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
                {
                    EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x10); // JIT
                }
            }

            protected override void OnEventWritten(EventWrittenEventArgs eventData)
            {
                if (eventData.Payload == null || eventData.PayloadNames == null)
                {
                    return;
                }

                if (eventData.EventName is "MethodLoadVerbose" or "MethodLoadVerbose_V1" or "MethodLoadVerbose_V2")
                {
                    var loaded = Convert.ToInt64(eventData.Payload[eventData.PayloadNames.IndexOf("MethodID")], System.Globalization.CultureInfo.InvariantCulture);
                    lock (_compiled)
                    {
                        if (_started.Remove(loaded, out var start))
                        {
                            _jitTicks += (eventData.TimeStamp - start.Start).Ticks;
                            _durations[start.Index] = (eventData.TimeStamp - start.Start).TotalMilliseconds;
                        }
                    }

                    return;
                }

                if (eventData.EventName is not ("MethodJittingStarted" or "MethodJittingStarted_V1"))
                {
                    return;
                }

                var ns = eventData.Payload[eventData.PayloadNames.IndexOf("MethodNamespace")] as string;
                var ilSize = Convert.ToInt64(eventData.Payload[eventData.PayloadNames.IndexOf("MethodILSize")], System.Globalization.CultureInfo.InvariantCulture);
                if (ns == null || ns.IndexOf("Benchmarks", StringComparison.Ordinal) < 0)
                {
                    Interlocked.Increment(ref _allMethods);
                    Interlocked.Add(ref _allIlBytes, ilSize);
                }

                if (ns == null || ns.IndexOf("AiSecure.Analyzers.", StringComparison.Ordinal) < 0 || ns.IndexOf("Benchmarks", StringComparison.Ordinal) >= 0)
                {
                    return;
                }

                Interlocked.Increment(ref _methods);
                Interlocked.Add(ref _ilBytes, ilSize);
                lock (_compiled)
                {
                    _compiled.Add((ns + "::" + eventData.Payload[eventData.PayloadNames.IndexOf("MethodName")], ilSize));
                    _started[Convert.ToInt64(eventData.Payload[eventData.PayloadNames.IndexOf("MethodID")], System.Globalization.CultureInfo.InvariantCulture)] = (eventData.TimeStamp, _compiled.Count - 1);
                    _durations.Add(0);
                }
            }
        }
    }
}
