using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using AiSecure.Analyzers.Benchmarks.Corpus;
using AiSecure.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace AiSecure.Analyzers.Tests.Robustness
{
    /// <summary>
    /// The package never breaks a build: every analyzer and fixer (found by reflection) over broken test snippets,
    /// a generated code base, junk option values, and concurrent runs. A failure names the rule, the input
    /// (test file, snippet number and mutation) and the exception.
    /// </summary>
    public class RobustnessTests
    {
        /// <summary>At most this many mutated variants in all: bounded so the test stays fast on 2 cores.</summary>
        private const int MutationBudget = 900;

        private const int BatchSize = 30;

        private readonly ITestOutputHelper _output;

        public RobustnessTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task EveryAnalyzerAndFixerIsFoundByReflection()
        {
            var analyzers = RobustnessHarness.CreateAnalyzers();
            var fixers = RobustnessHarness.CreateFixers();
            Assert.Contains(analyzers, a => a.GetType().Name == "CleartextEndpointAnalyzer");
            Assert.Contains(analyzers, a => a.GetType().Name == "CertificateValidationAnalyzer");
            Assert.Contains(fixers, f => f.GetType().Name == "CleartextEndpointFixer");
            var supported = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
            foreach (var fixer in fixers)
            {
                Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, supported));
            }

            _output.WriteLine("References: " + await HarnessReferences.GetNoteAsync());
            _output.WriteLine($"{analyzers.Length} analyzers: {string.Join(", ", analyzers.Select(a => a.GetType().Name))}");
            _output.WriteLine($"{fixers.Length} fixers: {string.Join(", ", fixers.Select(f => f.GetType().Name))}");
        }

        [Fact]
        public void TestSnippetsAreFound()
        {
            var snippets = RobustnessHarness.TestSnippets();
            Assert.True(snippets.Count >= 20, $"Only {snippets.Count} C# snippets were found in the rule tests' raw string literals.");
            Assert.DoesNotContain(snippets, s => s.Text.Contains("[|", StringComparison.Ordinal) || s.Text.Contains("|]", StringComparison.Ordinal));
        }

        [Fact]
        public async Task MutatedTestSnippetsNeverCrashAnalyzersOrFixers()
        {
            var snippets = RobustnessHarness.TestSnippets();
            var perSnippet = Math.Clamp(MutationBudget / Math.Max(1, snippets.Count), 3, 14);
            var variants = snippets
                .SelectMany(s => RobustnessHarness.Mutate(s, perSnippet, RobustnessHarness.StableHash(s.Name)).Prepend(s))
                .ToList();

            var failures = new List<string>();
            int diagnostics = 0, fixes = 0, fixAlls = 0;
            foreach (var batch in variants.Chunk(BatchSize))
            {
                var result = await RunBoundedAsync(batch, fixBudget: 4);
                diagnostics += result.Diagnostics.Count;
                fixes += result.FixesApplied;
                fixAlls += result.FixAllApplied;
                if (!result.Failures.IsEmpty)
                {
                    failures.AddRange(await PinpointAsync(batch, fixBudget: 4));
                }
            }

            _output.WriteLine($"{snippets.Count} snippets, {variants.Count} variants ({perSnippet} mutations each), {diagnostics} diagnostics, {fixes} code actions and {fixAlls} Fix All applied.");
            Assert.True(failures.Count == 0, Report(failures));
        }

        [Fact]
        public async Task GeneratedCodeBaseNeverCrashesAnalyzersOrFixers()
        {
            var sources = GeneratedSources(80, flawRate: 0.5);
            var lines = sources.Sum(s => s.Text.Split('\n').Length);
            var result = await RobustnessHarness.RunAsync(sources, fixBudget: 60);

            _output.WriteLine($"{sources.Count} generated files, {lines} lines, {result.Diagnostics.Count} diagnostics ({string.Join(", ", result.Diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key} x{g.Count()}"))}), {result.FixesApplied} code actions and {result.FixAllApplied} Fix All applied.");
            Assert.True(lines >= 3000, $"The generated code base has only {lines} lines.");
            Assert.True(result.Failures.IsEmpty, Report(result.Failures));
            Assert.NotEmpty(result.Diagnostics);

            // The benchmark corpus must compile, or the end-to-end figures measure error recovery.
            var errors = await CompilerErrorsAsync(sources);
            Assert.True(errors.Count == 0, "The generated corpus does not compile:\n" + string.Join("\n", errors.Take(10)));
        }

        [Fact]
        public async Task JunkOptionValuesNeverThrow()
        {
            var keys = typeof(OptionKeys).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (string)f.GetRawConstantValue()!)
                .ToList();
            Assert.NotEmpty(keys);

            var junk = new[]
            {
                "", "   ", "\0\u0001\u001f", "M:", "M:Foo(", "#", "#param", "M:System.Net.Http.HttpClient.GetAsync(System.String)#",
                "P:", "T:System.String#requestUri", "F:System.String.Empty", ",,,;;;", " , ; ,", "true;false", "TRUE ", "1", "-1", "yes",
                "all", "public", "entry_points", "null", "default!", "Environment.GetEnvironmentVariable(", "\"unterminated", "\"\"\"",
                "x => x", "throw null", new string('a', 10_000), "🔑🔑", "M:" + new string('(', 500), "Configuration[\"Aws:KmsKeyArn\"]",
                "localhost, 127.0.0.1, *.contoso.internal, http://x, [::1], ",
                "M:Contoso.Platform.Text9.TextTools9.Slug(System.String)#title, P:Contoso.Platform.Chat0.AskRequest.Question",
                "M:System.Console.ReadLine, M:OpenAI.Chat.ChatClient.CompleteChatAsync(OpenAI.Chat.ChatMessage[])#messages",
                "@", "M:System.Net.Http.HttpClient.GetAsync(System.String)@", "M:Ns.Type..ctor(", "M:System.Uri..ctor(System.String)@uriString@x",
                "M:System.Net.Http.HttpClient.GetAsync(System.String)@requestUri, T:, P:System.Net.Http.HttpClient.BaseAddress",
            };

            var sources = GeneratedSources(8, flawRate: 0.6).Concat(RobustnessHarness.TestSnippets().Take(5)).ToList();
            var failures = new List<string>();
            for (var set = 0; set < junk.Length; set++)
            {
                // Each set gives each key a different junk value; over all sets every key sees every value.
                var values = keys.Select((key, j) => (key, value: junk[(set + j) % junk.Length])).ToDictionary(p => p.key, p => p.value);
                var editorConfig = string.Join("\n", values.Where(p => p.Value.IndexOfAny(new[] { '\n', '\r', '\0' }) < 0).Select(p => $"{p.Key} = {p.Value}"));
                var result = await RobustnessHarness.RunAsync(sources, new DictionaryOptionsProvider(values), editorConfig, fixBudget: set % 4 == 0 ? 3 : 0);
                failures.AddRange(result.Failures.Select(f => $"option set {set} ({string.Join("; ", values.Select(p => $"{p.Key}='{Shorten(p.Value)}'"))}): {f}"));
            }

            _output.WriteLine($"{keys.Count} keys x {junk.Length} junk values over {sources.Count} files.");
            Assert.True(failures.Count == 0, Report(failures));
        }

        [Fact]
        public async Task ConcurrentRunsGiveIdenticalDiagnostics()
        {
            var sources = GeneratedSources(60, flawRate: 0.5).Concat(RobustnessHarness.TestSnippets()).ToList();
            var first = await RobustnessHarness.RunAsync(sources, concurrent: true);
            var second = await RobustnessHarness.RunAsync(sources, concurrent: true);
            var sequential = await RobustnessHarness.RunAsync(sources, concurrent: false);

            Assert.True(first.Failures.IsEmpty, Report(first.Failures));
            var a = first.Diagnostics.Select(RobustnessHarness.Describe).OrderBy(s => s, StringComparer.Ordinal).ToList();
            var b = second.Diagnostics.Select(RobustnessHarness.Describe).OrderBy(s => s, StringComparer.Ordinal).ToList();
            var c = sequential.Diagnostics.Select(RobustnessHarness.Describe).OrderBy(s => s, StringComparer.Ordinal).ToList();
            _output.WriteLine($"{sources.Count} files, {a.Count} diagnostics per run.");
            Assert.NotEmpty(a);
            Assert.Equal(a, b);
            Assert.Equal(a, c);
        }

        /// <summary>
        /// Analysis must be bounded: a batch that takes longer than this (an analyzer looping on broken code) is a
        /// failure that names the batch, not a hung test run.
        /// </summary>
        private static async Task<HarnessResult> RunBoundedAsync(IReadOnlyList<Source> batch, int fixBudget)
        {
            using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                return await RobustnessHarness.RunAsync(batch, fixBudget: fixBudget, cancellationToken: timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                var result = new HarnessResult();
                result.Failures.Enqueue($"analysis and fixes of {batch.Count} inputs ({batch[0].Name} .. {batch[batch.Count - 1].Name}) took more than 90 s");
                return result;
            }
        }

        private static List<Source> GeneratedSources(int files, double flawRate)
            => new CorpusGenerator(seed: 7, flawRate: flawRate).Generate(files)
                .Select(f => new Source(f.Path, f.Text))
                .Prepend(new Source("GlobalUsings.g.cs", CorpusGenerator.GlobalUsings))
                .ToList();

        private static async Task<List<string>> CompilerErrorsAsync(IReadOnlyList<Source> sources)
        {
            var references = await RobustnessHarness.GetReferencesAsync();
            var parse = new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest);
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                "Corpus",
                sources.Select(s => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(s.Text, parse, path: s.Name)),
                references,
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        }

        /// <summary>Runs each source of a failing batch alone, so the report names the input that breaks.</summary>
        private static async Task<List<string>> PinpointAsync(IReadOnlyList<Source> batch, int fixBudget)
        {
            var failures = new List<string>();
            foreach (var source in batch)
            {
                var result = await RunBoundedAsync(new[] { source }, fixBudget: fixBudget * 4);
                failures.AddRange(result.Failures.Select(f => $"input {source.Name}: {f}\n--- input text ---\n{source.Text}\n---"));
            }

            if (failures.Count == 0)
            {
                // Only the batch fails (an interaction between files): report it whole.
                var result = await RunBoundedAsync(batch, fixBudget: fixBudget);
                failures.AddRange(result.Failures.Select(f => $"batch {batch[0].Name} .. {batch[batch.Count - 1].Name}: {f}"));
            }

            return failures;
        }

        private static string Report(IEnumerable<string> failures)
        {
            var list = failures.ToList();
            var builder = new StringBuilder($"{list.Count} failure(s):\n");
            foreach (var failure in list.Take(8))
            {
                builder.AppendLine(failure.Length > 4000 ? failure.Substring(0, 4000) + " …" : failure).AppendLine();
            }

            return builder.ToString();
        }

        private static string Shorten(string value)
            => value.Length > 40 ? value.Substring(0, 40) + "…" : value.Replace("\0", "\\0", StringComparison.Ordinal);
    }
}
