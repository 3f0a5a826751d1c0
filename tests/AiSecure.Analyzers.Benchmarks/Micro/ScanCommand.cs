using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using AiSecure.Analyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AiSecure.Analyzers.Benchmarks.Micro
{
    /// <summary>
    /// <c>scan --dir DIR</c>: what the analyzers say about real code that cannot be restored here (a public sample whose
    /// package versions the mirror lacks). Each folder under DIR that holds a project file becomes one in-memory
    /// compilation of its C# files (bin/ and obj/ left out) over the reference sets the tests use, with the Web SDK's
    /// implicit usings and the project's appsettings*.json / launchSettings.json as additional files. Prints each
    /// project's compile-error count (API drift between the sample's SDK versions and ours leaves some code unbound)
    /// and every AISEC diagnostic with its file, line and message: the findings to read for misses and false alarms.
    /// With AISEC_SCAN_ERRORS=1 in the environment it also prints the first 20 compile errors of each project.
    /// </summary>
    public static class ScanCommand
    {
        public static int Run(CommandLine options)
        {
            if (options.Directory == null || !Directory.Exists(options.Directory))
            {
                Console.WriteLine("usage: scan --dir DIR");
                return 2;
            }

            var references = HarnessReferences.GetAsync().GetAwaiter().GetResult();
            var analyzers = AnalyzerCatalog.AnalyzerTypes().Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();
            var parse = new CSharpParseOptions(LanguageVersion.Latest);
            var projects = Directory.EnumerateFiles(options.Directory, "*.csproj", SearchOption.AllDirectories)
                .Select(Path.GetDirectoryName)
                .Where(d => d != null && !IsBuildOutput(d))
                .Distinct()
                .OrderBy(d => d, StringComparer.Ordinal)
                .ToList();
            var total = 0;
            foreach (var project in projects)
            {
                var files = Directory.EnumerateFiles(project!, "*.cs", SearchOption.AllDirectories)
                    .Where(f => !IsBuildOutput(f) && OwningProject(f, projects) == project)
                    .ToList();
                if (files.Count == 0)
                {
                    continue;
                }

                var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, path: f))
                    .Prepend(CSharpSyntaxTree.ParseText(Corpus.CorpusGenerator.GlobalUsings, parse, path: Path.Combine(project!, "GlobalUsings.g.cs")));
                var compilation = CSharpCompilation.Create(
                    Path.GetFileName(project),
                    trees,
                    references,
                    new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
                var additional = Directory.EnumerateFiles(project!, "*.json", SearchOption.AllDirectories)
                    .Where(f => !IsBuildOutput(f) && (Path.GetFileName(f).StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) || Path.GetFileName(f) == "launchSettings.json"))
                    .Select(f => (AdditionalText)new FileText(f))
                    .ToImmutableArray();
                var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
                var diagnostics = compilation.WithAnalyzers(analyzers, new AnalyzerOptions(additional))
                    .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult()
                    .Where(d => d.Id.StartsWith("AISEC", StringComparison.Ordinal) || d.Id == "AD0001")
                    .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
                    .ThenBy(d => d.Location.GetLineSpan().StartLinePosition.Line)
                    .ToList();
                Console.WriteLine($"== {Path.GetRelativePath(options.Directory, project!)}: {files.Count} files, {errors} compile errors, {diagnostics.Count} findings");
                if (Environment.GetEnvironmentVariable("AISEC_SCAN_ERRORS") == "1")
                {
                    foreach (var error in compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(20))
                    {
                        Console.WriteLine($"  error {error}");
                    }
                }

                foreach (var diagnostic in diagnostics)
                {
                    var span = diagnostic.Location.GetLineSpan();
                    Console.WriteLine($"  {diagnostic.Id} {Path.GetRelativePath(options.Directory, span.Path)}:{span.StartLinePosition.Line + 1}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
                }

                total += diagnostics.Count;
            }

            Console.WriteLine($"{projects.Count} projects, {total} findings");
            return 0;
        }

        private static bool IsBuildOutput(string path)
            => path.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or "node_modules");

        /// <summary>The innermost project folder that holds <paramref name="file"/>: a file belongs to one project.</summary>
        private static string? OwningProject(string file, List<string?> projects)
            => projects.Where(p => file.StartsWith(p + Path.DirectorySeparatorChar, StringComparison.Ordinal)).OrderByDescending(p => p!.Length).FirstOrDefault();

        private sealed class FileText : AdditionalText
        {
            public FileText(string path) => Path = path;

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
        }
    }
}
