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
            for (var run = 0; run <= Math.Max(options.Runs, 3); run++)
            {
                var copy = compilation.Clone();
                copy.GetDiagnostics();
                jit.Reset();
                var withAnalyzers = copy.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
                var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                var milliseconds = analyzers.Sum(a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);
                if (run == 0)
                {
                    Thread.Sleep(500); // events arrive on a background thread
                    Console.WriteLine($"First analysis ({options.Files} files, {diagnostics.Length} diagnostics): {milliseconds:0.0} ms; package methods compiled by the runtime: {jit.Methods}, {jit.IlBytes / 1024.0:0.0} KB of IL");
                }
                else
                {
                    times.Add(milliseconds);
                }
            }

            times.Sort();
            Console.WriteLine($"Later analyses ({times.Count}): best {times[0]:0.0} ms, median {times[times.Count / 2]:0.0} ms (tiering: {(Environment.GetEnvironmentVariable("DOTNET_TC_CallCounting") == "0" ? "first tier only" : "default")})");
            return 0;
        }

        /// <summary>Counts the runtime's JIT events for methods of the package (and generic code instantiated over its types).</summary>
        private sealed class PackageJitListener : EventListener
        {
            private int _methods;
            private long _ilBytes;

            public int Methods => _methods;

            public long IlBytes => Interlocked.Read(ref _ilBytes);

            public void Reset()
            {
                Interlocked.Exchange(ref _methods, 0);
                Interlocked.Exchange(ref _ilBytes, 0);
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
                if (eventData.EventName is not ("MethodJittingStarted" or "MethodJittingStarted_V1") || eventData.Payload == null || eventData.PayloadNames == null)
                {
                    return;
                }

                var ns = eventData.Payload[eventData.PayloadNames.IndexOf("MethodNamespace")] as string;
                if (ns == null || ns.IndexOf("AiSecure.Analyzers.", StringComparison.Ordinal) < 0 || ns.IndexOf("Benchmarks", StringComparison.Ordinal) >= 0)
                {
                    return;
                }

                Interlocked.Increment(ref _methods);
                Interlocked.Add(ref _ilBytes, Convert.ToInt64(eventData.Payload[eventData.PayloadNames.IndexOf("MethodILSize")], System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}
