using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using AiSecure.Analyzers.Benchmarks.Corpus;
using AiSecure.Analyzers.Tests.Robustness;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiSecure.Analyzers.Benchmarks.Micro
{
    /// <summary><c>micro</c>: BenchmarkDotNet over <see cref="AnalyzerBenchmarks"/>; extra arguments go to BenchmarkDotNet (e.g. <c>--filter</c>).</summary>
    public static class MicroCommand
    {
        public static int Run(string[] args)
        {
            // In-process: no second project build on a 2-core machine; a short job is enough to rank analyzers.
            var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5);
            var config = DefaultConfig.Instance.AddJob(job).AddDiagnoser(MemoryDiagnoser.Default).WithOptions(ConfigOptions.JoinSummary)
                .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(48));
            if (!args.Contains("--telemetry-only"))
            {
                BenchmarkSwitcher.FromTypes(new[] { typeof(AnalyzerBenchmarks) }).Run(args.Length == 0 ? new[] { "--filter", "*" } : args, config);
            }

            // Wall-clock benchmarks of one analyzer include the binding every build pays anyway; the driver's own
            // per-analyzer clock (what -p:ReportAnalyzer=true prints) isolates the analyzer's callbacks.
            AnalyzerTelemetry.RunAsync().GetAwaiter().GetResult();
            return 0;
        }
    }

    /// <summary>Every analyzer together, as in a build, 5 times per corpus; the median of the driver's per-analyzer execution time.</summary>
    public static class AnalyzerTelemetry
    {
        public static async Task RunAsync()
        {
            var files = int.TryParse(Environment.GetEnvironmentVariable("AISECURE_MICRO_FILES"), out var n) ? n : 60;
            var analyzers = AnalyzerCatalog.AnalyzerTypes().Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();
            Console.WriteLine();
            Console.WriteLine($"## Analyzer execution time (driver telemetry, all analyzers together, {files} files, median of 5 runs)");
            Console.WriteLine();
            Console.WriteLine("| analyzer | corpus | time (ms) | per file (µs) | diagnostics |");
            Console.WriteLine("|---|---|---:|---:|---:|");
            foreach (var flawed in new[] { false, true })
            {
                var compilation = await CorpusCompilation.CreateAsync(files, flawed).ConfigureAwait(false);
                var times = analyzers.ToDictionary(a => a, _ => new List<double>());
                var counts = analyzers.ToDictionary(a => a, _ => 0);
                for (var run = 0; run < 5; run++)
                {
                    var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
                    var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
                    foreach (var analyzer in analyzers)
                    {
                        var info = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
                        times[analyzer].Add(info.ExecutionTime.TotalMilliseconds);
                        var ids = analyzer.SupportedDiagnostics.Select(d => d.Id).ToHashSet();
                        counts[analyzer] = diagnostics.Count(d => ids.Contains(d.Id));
                    }
                }

                foreach (var analyzer in analyzers)
                {
                    var median = times[analyzer].OrderBy(t => t).ElementAt(2);
                    Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"| {analyzer.GetType().Name} | {(flawed ? "flawed" : "clean")} | {median:0.0} | {median * 1000 / files:0} | {counts[analyzer]} |"));
                }
            }
        }
    }

    /// <summary>
    /// Each analyzer of the package (found by reflection) alone over a generated compilation, clean and with flaws,
    /// against two baselines: an analyzer that registers nothing, and one that registers an empty operation action
    /// (the operation-tree walk every build already pays for the SDK's own analyzers).
    /// </summary>
    [MemoryDiagnoser]
    public class AnalyzerBenchmarks
    {
        public const string EmptyBaseline = "(empty)";
        public const string EmptyOperationBaseline = "(empty operation action)";

        private Compilation _compilation = null!;
        private DiagnosticAnalyzer _analyzer = null!;
        private AnalyzerOptions _options = null!;

        [ParamsSource(nameof(AnalyzerNames))]
        public string Analyzer { get; set; } = EmptyBaseline;

        [Params("clean", "flawed")]
        public string Corpus { get; set; } = "clean";

        public static IEnumerable<string> AnalyzerNames()
            => new[] { EmptyBaseline, EmptyOperationBaseline }.Concat(AnalyzerCatalog.AnalyzerTypes().Select(t => t.Name));

        [GlobalSetup]
        public void Setup()
        {
            var files = int.TryParse(Environment.GetEnvironmentVariable("AISECURE_MICRO_FILES"), out var n) ? n : 60;
            _compilation = CorpusCompilation.CreateAsync(files, flaws: Corpus == "flawed").GetAwaiter().GetResult();
            _analyzer = Analyzer switch
            {
                EmptyBaseline => new EmptyAnalyzer(),
                EmptyOperationBaseline => new EmptyOperationAnalyzer(),
                _ => (DiagnosticAnalyzer)Activator.CreateInstance(AnalyzerCatalog.AnalyzerTypes().Single(t => t.Name == Analyzer))!,
            };
            _options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        }

        [Benchmark]
        public async Task<int> Analyze()
        {
            var withAnalyzers = _compilation.WithAnalyzers(ImmutableArray.Create(_analyzer), _options);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
            return diagnostics.Length;
        }
    }

    /// <summary>The analyzers and fixers of the package, found by reflection so new rules are measured without edits here.</summary>
    public static class AnalyzerCatalog
    {
        public static IReadOnlyList<Type> AnalyzerTypes()
            => typeof(AiSecure.Analyzers.Rules.CleartextEndpointAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null && t.GetConstructor(Type.EmptyTypes) != null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .ToList();
    }

    /// <summary>A generated corpus as one in-memory compilation over the reference sets the tests use.</summary>
    public static class CorpusCompilation
    {
        public static async Task<Compilation> CreateAsync(int files, bool flaws, int seed = 20261126)
        {
            var references = await HarnessReferences.GetAsync().ConfigureAwait(false);
            var parse = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = new CorpusGenerator(seed).Generate(files, flaws)
                .Select(f => CSharpSyntaxTree.ParseText(f.Text, parse, path: "/corpus/" + f.Path))
                .Prepend(CSharpSyntaxTree.ParseText(CorpusGenerator.GlobalUsings, parse, path: "/corpus/GlobalUsings.g.cs"));
            var compilation = CSharpCompilation.Create(
                "Contoso.Platform",
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
            if (errors.Count > 0)
            {
                // Seen when the reference resolver cannot provide an SDK (HarnessReferences falls back per package):
                // the analyzers still run, over partly unbound code, so say so next to the figures.
                Console.WriteLine($"warning: the generated corpus has compile errors ({await HarnessReferences.GetNoteAsync().ConfigureAwait(false)}):" + Environment.NewLine + string.Join(Environment.NewLine, errors));
            }

            return compilation;
        }
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class EmptyAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("BENCH000", "Empty", "Empty", "Benchmark", DiagnosticSeverity.Hidden, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(_ => { });
        }
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class EmptyOperationAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("BENCH001", "Empty", "Empty", "Benchmark", DiagnosticSeverity.Hidden, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => { }, OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment);
        }
    }
}
