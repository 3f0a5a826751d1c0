using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AiSecure.Analyzers.Tests.Robustness
{
    /// <summary>One source file given to the harness: a name that says where it came from, and its text.</summary>
    public sealed record Source(string Name, string Text);

    /// <summary>What one harness run saw: diagnostics of our analyzers, and every exception of an analyzer or a fixer.</summary>
    public sealed class HarnessResult
    {
        public List<Diagnostic> Diagnostics { get; } = new();

        public ConcurrentQueue<string> Failures { get; } = new();

        public int FixesRegistered { get; set; }

        public int FixesApplied { get; set; }

        public int FixAllApplied { get; set; }
    }

    /// <summary>
    /// Runs every analyzer and every fixer of the package (found by reflection, so new rules are covered
    /// without edits here) over sources, the way a compiler and an IDE would, and records every exception.
    /// </summary>
    public static class RobustnessHarness
    {
        private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);


        /// <summary>Fresh instances of every analyzer in the analyzer assembly.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers()
            => typeof(AiSecure.Analyzers.Rules.CleartextEndpointAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        /// <summary>Fresh instances of every exported fixer in the code-fix assembly.</summary>
        public static ImmutableArray<CodeFixProvider> CreateFixers()
            => typeof(AiSecure.Analyzers.CodeFixes.Rules.CleartextEndpointFixer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() != null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        public static System.Threading.Tasks.Task<ImmutableArray<MetadataReference>> GetReferencesAsync() => HarnessReferences.GetAsync();

        /// <summary>
        /// Analyzes <paramref name="sources"/> as one project with every analyzer; then, up to
        /// <paramref name="fixBudget"/> diagnostics, runs every fixer that claims the id, applies each code action,
        /// and runs Fix All once per document and equivalence key.
        /// </summary>
        public static async System.Threading.Tasks.Task<HarnessResult> RunAsync(
            IReadOnlyList<Source> sources,
            AnalyzerConfigOptionsProvider? options = null,
            string? editorConfig = null,
            bool concurrent = true,
            int fixBudget = 0,
            CancellationToken cancellationToken = default,
            ImmutableArray<DiagnosticAnalyzer> extraAnalyzers = default,
            ImmutableArray<CodeFixProvider> extraFixers = default)
        {
            var result = new HarnessResult();
            using var workspace = new AdhocWorkspace();
            var project = await CreateProjectAsync(workspace, sources, editorConfig).ConfigureAwait(false);
            var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            var analyzers = extraAnalyzers.IsDefault ? CreateAnalyzers() : CreateAnalyzers().AddRange(extraAnalyzers);
            var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, options ?? EmptyOptionsProvider.Instance);
            var withAnalyzers = compilation.WithAnalyzers(
                analyzers,
                new CompilationWithAnalyzersOptions(
                    analyzerOptions,
                    onAnalyzerException: (exception, analyzer, _) => result.Failures.Enqueue($"analyzer {analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message}\n{exception.StackTrace}"),
                    concurrentAnalysis: concurrent,
                    logAnalyzerExecutionTime: false,
                    reportSuppressedDiagnostics: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Id is "AD0001" or "AD0002")
                {
                    result.Failures.Enqueue($"{diagnostic.Id}: {diagnostic.GetMessage()}");
                }
                else
                {
                    result.Diagnostics.Add(diagnostic);
                }
            }

            if (fixBudget > 0)
            {
                var fixers = extraFixers.IsDefault ? CreateFixers() : CreateFixers().AddRange(extraFixers);
                await ApplyFixesAsync(project, fixers, result, fixBudget, cancellationToken).ConfigureAwait(false);
            }

            return result;
        }

        private static async System.Threading.Tasks.Task<Project> CreateProjectAsync(AdhocWorkspace workspace, IReadOnlyList<Source> sources, string? editorConfig)
        {
            var projectId = ProjectId.CreateNewId();
            var documents = sources.Select((s, i) => DocumentInfo.Create(
                DocumentId.CreateNewId(projectId),
                name: $"File{i}.cs",
                loader: TextLoader.From(TextAndVersion.Create(SourceText.From(s.Text, Encoding.UTF8), VersionStamp.Create())),
                filePath: $"/robustness/File{i}.cs"));
            var analyzerConfigs = editorConfig == null
                ? Array.Empty<DocumentInfo>()
                : new[]
                {
                    DocumentInfo.Create(
                        DocumentId.CreateNewId(projectId),
                        ".editorconfig",
                        loader: TextLoader.From(TextAndVersion.Create(SourceText.From("root = true\n\n[*.cs]\n" + editorConfig + "\n"), VersionStamp.Create())),
                        filePath: "/robustness/.editorconfig"),
                };
            var info = ProjectInfo.Create(projectId, VersionStamp.Create(), "Robustness", "Robustness", LanguageNames.CSharp,
                    filePath: "/robustness/Robustness.csproj",
                    compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                    parseOptions: ParseOptions,
                    documents: documents,
                    metadataReferences: await GetReferencesAsync().ConfigureAwait(false))
                .WithAnalyzerConfigDocuments(analyzerConfigs);
            var solution = workspace.CurrentSolution.AddProject(info);
            if (!workspace.TryApplyChanges(solution))
            {
                throw new InvalidOperationException("The ad hoc workspace refused the project.");
            }

            return workspace.CurrentSolution.GetProject(projectId)!;
        }

        private static async System.Threading.Tasks.Task ApplyFixesAsync(Project project, ImmutableArray<CodeFixProvider> fixers, HarnessResult result, int budget, CancellationToken cancellationToken)
        {
            var provider = new FixedDiagnosticProvider(result.Diagnostics);
            var fixAllDone = new HashSet<(DocumentId, string, string)>();

            // Spread the budget over the whole list, so every rule's diagnostics get fixed, not just the first file's.
            var candidates = result.Diagnostics.Where(d => d.Location.IsInSource).ToList();
            var step = Math.Max(1, candidates.Count / Math.Max(1, budget));
            for (var index = 0; index < candidates.Count; index += step)
            {
                var diagnostic = candidates[index];
                var document = project.GetDocument(diagnostic.Location.SourceTree);
                if (document == null)
                {
                    continue;
                }

                foreach (var fixer in fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    var actions = new List<CodeAction>();
                    var where = $"fixer {fixer.GetType().Name} on {diagnostic.Id} at {diagnostic.Location.GetLineSpan()}";
                    try
                    {
                        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
                        await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        result.Failures.Enqueue($"{where}: RegisterCodeFixesAsync threw {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
                        continue;
                    }

                    result.FixesRegistered += actions.Count;
                    foreach (var action in actions)
                    {
                        await ApplyAsync(action, document, result, $"{where}, action '{action.Title}'", cancellationToken).ConfigureAwait(false);
                        result.FixesApplied++;

                        var fixAll = fixer.GetFixAllProvider();
                        if (fixAll == null || action.EquivalenceKey == null || !fixAllDone.Add((document.Id, fixer.GetType().Name, action.EquivalenceKey)))
                        {
                            continue;
                        }

                        try
                        {
                            var fixAllContext = new FixAllContext(document, fixer, FixAllScope.Document, action.EquivalenceKey, fixer.FixableDiagnosticIds, provider, cancellationToken);
                            var fixAllAction = await fixAll.GetFixAsync(fixAllContext).ConfigureAwait(false);
                            if (fixAllAction != null)
                            {
                                await ApplyAsync(fixAllAction, document, result, $"{where}, Fix All '{action.EquivalenceKey}'", cancellationToken).ConfigureAwait(false);
                                result.FixAllApplied++;
                            }
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            result.Failures.Enqueue($"{where}, Fix All '{action.EquivalenceKey}' threw {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
                        }
                    }
                }
            }
        }

        private static async System.Threading.Tasks.Task ApplyAsync(CodeAction action, Document document, HarnessResult result, string where, CancellationToken cancellationToken)
        {
            try
            {
                var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
                foreach (var operation in operations.OfType<ApplyChangesOperation>())
                {
                    var changed = operation.ChangedSolution.GetDocument(document.Id);
                    if (changed != null)
                    {
                        _ = await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                result.Failures.Enqueue($"{where} threw {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
            }
        }

        // ------------------------------------------------------------------ inputs

        private static readonly Regex Markup = new(@"\{\|[^:{}|\r\n]*:|\|\}|\[\||\|\]", RegexOptions.Compiled);

        /// <summary>
        /// The C# snippets of the rule tests: every raw string literal of the test sources copied next to the test
        /// assembly, markup removed, that looks like C# (editorconfig text and messages are skipped), without duplicates.
        /// </summary>
        public static IReadOnlyList<Source> TestSnippets()
        {
            var root = Path.Combine(AppContext.BaseDirectory, "robustness-inputs");
            var snippets = new List<Source>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), ParseOptions);
                var index = 0;
                foreach (var token in tree.GetRoot().DescendantTokens())
                {
                    if (!token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
                    {
                        continue;
                    }

                    var text = Markup.Replace(token.ValueText, string.Empty);
                    if (text.Length < 30 || !(text.Contains("class ") || text.Contains("namespace ") || text.Contains("record ")) || !seen.Add(text))
                    {
                        continue;
                    }

                    snippets.Add(new Source($"{Path.GetFileNameWithoutExtension(file)}#{index++}", text));
                }
            }

            return snippets;
        }

        /// <summary>
        /// <paramref name="count"/> broken variants of <paramref name="source"/>, the same for the same seed: truncated
        /// files, deleted tokens and token runs, deleted lines, dropped closing braces and stray opening braces or
        /// parentheses, swapped tokens.
        /// </summary>
        public static IEnumerable<Source> Mutate(Source source, int count, int seed)
        {
            var random = new Random(seed);
            var text = source.Text;
            var tokens = CSharpSyntaxTree.ParseText(text, ParseOptions).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
            if (tokens.Count == 0)
            {
                yield break;
            }

            for (var i = 0; i < count; i++)
            {
                var kind = i % 7;
                var token = tokens[random.Next(tokens.Count)];
                string mutated;
                string label;
                switch (kind)
                {
                    case 0:
                        var cut = random.Next(text.Length);
                        mutated = text.Substring(0, cut);
                        label = $"truncated@{cut}";
                        break;
                    case 1:
                        mutated = text.Remove(token.SpanStart, token.Span.Length);
                        label = $"token '{token.Text}' deleted@{token.SpanStart}";
                        break;
                    case 2:
                        var first = random.Next(tokens.Count);
                        var last = Math.Min(tokens.Count - 1, first + 1 + random.Next(5));
                        mutated = text.Remove(tokens[first].SpanStart, tokens[last].Span.End - tokens[first].SpanStart);
                        label = $"tokens {first}..{last} deleted@{tokens[first].SpanStart}";
                        break;
                    case 3:
                        var closers = tokens.Where(t => t.IsKind(SyntaxKind.CloseBraceToken)).ToList();
                        var closer = closers.Count > 0 ? closers[random.Next(closers.Count)] : token;
                        mutated = text.Remove(closer.SpanStart, closer.Span.Length);
                        label = $"'{closer.Text}' dropped@{closer.SpanStart}";
                        break;
                    case 4:
                        var stray = random.Next(2) == 0 ? "{" : "(";
                        mutated = text.Insert(token.SpanStart, stray);
                        label = $"'{stray}' inserted@{token.SpanStart}";
                        break;
                    case 5:
                        var lines = text.Split('\n').ToList();
                        var line = random.Next(lines.Count);
                        lines.RemoveAt(line);
                        mutated = string.Join("\n", lines);
                        label = $"line {line + 1} deleted";
                        break;
                    default:
                        var at = tokens.IndexOf(token);
                        if (at + 1 >= tokens.Count)
                        {
                            mutated = text + "\n}";
                            label = "'}' appended";
                            break;
                        }

                        var next = tokens[at + 1];
                        mutated = text.Substring(0, token.SpanStart) + next.Text + text.Substring(token.Span.End, next.SpanStart - token.Span.End) + token.Text + text.Substring(next.Span.End);
                        label = $"tokens '{token.Text}' and '{next.Text}' swapped@{token.SpanStart}";
                        break;
                }

                yield return new Source($"{source.Name} [{label}]", mutated);
            }
        }

        /// <summary>A stable hash for seeds (string.GetHashCode is randomized per process).</summary>
        public static int StableHash(string value)
        {
            unchecked
            {
                var hash = (int)2166136261;
                foreach (var c in value)
                {
                    hash = (hash ^ c) * 16777619;
                }

                return hash & 0x7fffffff;
            }
        }

        /// <summary>A diagnostic as text, for comparing runs.</summary>
        public static string Describe(Diagnostic diagnostic)
        {
            var properties = string.Join(";", diagnostic.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
            var additional = string.Join(";", diagnostic.AdditionalLocations.Select(l => l.SourceSpan.ToString()));
            return $"{diagnostic.Location.SourceTree?.FilePath}{diagnostic.Location.SourceSpan} {diagnostic.Id} {diagnostic.Severity} {diagnostic.GetMessage()} [{properties}] [{additional}]";
        }

        private sealed class FixedDiagnosticProvider : FixAllContext.DiagnosticProvider
        {
            private readonly IReadOnlyList<Diagnostic> _diagnostics;

            public FixedDiagnosticProvider(IReadOnlyList<Diagnostic> diagnostics) => _diagnostics = diagnostics;

            public override async System.Threading.Tasks.Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
                return _diagnostics.Where(d => d.Location.SourceTree == tree).ToList();
            }

            public override System.Threading.Tasks.Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => System.Threading.Tasks.Task.FromResult<IEnumerable<Diagnostic>>(Array.Empty<Diagnostic>());

            public override System.Threading.Tasks.Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => System.Threading.Tasks.Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
        }
    }

    /// <summary>Options from a dictionary, the same for every file, and as global options.</summary>
    public sealed class DictionaryOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions _options;

        public DictionaryOptionsProvider(IReadOnlyDictionary<string, string> values) => _options = new DictionaryOptions(values);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class DictionaryOptions : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public DictionaryOptions(IReadOnlyDictionary<string, string> values)
                => _values = values.ToDictionary(p => p.Key, p => p.Value, KeyComparer);

            public override bool TryGetValue(string key, out string value)
            {
                if (_values.TryGetValue(key, out var found))
                {
                    value = found;
                    return true;
                }

                value = null!;
                return false;
            }

            public override IEnumerable<string> Keys => _values.Keys;
        }
    }

    /// <summary>No options at all.</summary>
    public sealed class EmptyOptionsProvider : AnalyzerConfigOptionsProvider
    {
        public static readonly EmptyOptionsProvider Instance = new();

        private static readonly DictionaryOptionsProvider Empty = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions => Empty.GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty.GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty.GlobalOptions;
    }
}
