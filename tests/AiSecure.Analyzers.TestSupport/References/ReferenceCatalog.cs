using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AiSecure.Analyzers.Tests.References
{
    /// <summary>A named set of metadata references that test code compiles against.</summary>
    public sealed class ReferenceSet
    {
        private readonly Func<ReferenceEntry, bool> _filter;
        private readonly Lazy<ImmutableArray<MetadataReference>> _references;

        internal ReferenceSet(string name, Func<ReferenceEntry, bool> filter)
        {
            Name = name;
            _filter = filter;
            _references = new Lazy<ImmutableArray<MetadataReference>>(
                () => ReferenceCatalog.Entries.Where(_filter).Select(e => ReferenceCatalog.GetReference(e.Path)).ToImmutableArray(),
                LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public string Name { get; }

        public ImmutableArray<MetadataReference> References => _references.Value;

        public override string ToString() => Name;
    }

    internal sealed record ReferenceEntry(string Path, string PackageId, string Framework);

    /// <summary>
    /// The one place that says what test code compiles against: the .NET 10 and ASP.NET Core reference
    /// assemblies and the real SDK packages served here, exactly as the test project itself restored and
    /// compiled them (the build writes the list to test-references.txt), plus the SageMaker / Bedrock Runtime
    /// stand-ins compiled from Stubs/.
    /// </summary>
    /// <remarks>
    /// The packages are restored by the project, not by the testing library's own NuGet resolver: that
    /// resolver refuses the mirror's graph for the LLM SDKs (it takes no substitute for a transitive version
    /// the mirror lacks, where a restore takes the next one with NU1603).
    /// </remarks>
    public static class ReferenceCatalog
    {
        private static readonly string[] ExcludedPackagePrefixes =
        {
            "Microsoft.CodeAnalysis", "xunit", "Microsoft.NET.Test.Sdk", "Microsoft.TestPlatform", "Microsoft.CodeCoverage",
            "NuGet.", "DiffPlex", "Humanizer", "Microsoft.VisualStudio", "System.Composition", "Microsoft.Build",
            "BenchmarkDotNet", "Perfolizer",
        };

        private static readonly Lazy<ImmutableArray<ReferenceEntry>> LazyEntries = new(LoadEntries, LazyThreadSafetyMode.ExecutionAndPublication);
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, MetadataReference> ReferenceCache = new(StringComparer.Ordinal);

        /// <summary>The .NET reference assemblies alone: code that references no SDK.</summary>
        public static ReferenceSet Net { get; } = new("Net", e => e.Framework == "Microsoft.NETCore.App");

        /// <summary>.NET plus ASP.NET Core.</summary>
        public static ReferenceSet Web { get; } = new("Web", e => e.Framework is "Microsoft.NETCore.App" or "Microsoft.AspNetCore.App");

        /// <summary>.NET, ASP.NET Core and the AWS SDK (Core, S3).</summary>
        public static ReferenceSet Aws { get; } = new("Aws", e => e.Framework.Length > 0 || e.PackageId.StartsWith("AWSSDK.", StringComparison.Ordinal));

        /// <summary>.NET, ASP.NET Core and every served SDK (the LLM SDKs with their dependencies, and AWS).</summary>
        public static ReferenceSet Llm { get; } = new("Llm", _ => true);

        /// <summary>Everything served.</summary>
        public static ReferenceSet All { get; } = new("All", _ => true);

        internal static ImmutableArray<ReferenceEntry> Entries => LazyEntries.Value;

        internal static MetadataReference GetReference(string path)
            => ReferenceCache.GetOrAdd(path, static p => MetadataReference.CreateFromFile(p));

        private static ImmutableArray<ReferenceEntry> LoadEntries()
        {
            var file = Path.Combine(AppContext.BaseDirectory, "test-references.txt");
            if (!File.Exists(file))
            {
                throw new InvalidOperationException($"{file} is missing: build the test project with 'dotnet build' (its WriteTestReferences target writes it).");
            }

            var builder = ImmutableArray.CreateBuilder<ReferenceEntry>();
            foreach (var line in File.ReadAllLines(file))
            {
                var parts = line.Split('|');
                if (parts.Length != 3 || !File.Exists(parts[0]))
                {
                    continue;
                }

                var entry = new ReferenceEntry(parts[0], parts[1], parts[2]);
                if (entry.Framework.Length == 0 && (entry.PackageId.Length == 0 || ExcludedPackagePrefixes.Any(p => entry.PackageId.StartsWith(p, StringComparison.OrdinalIgnoreCase))))
                {
                    continue;
                }

                builder.Add(entry);
            }

            return builder.ToImmutable();
        }

        private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> StubReferences = new(BuildStubsAsync, LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>AWSSDK.SageMaker and AWSSDK.BedrockRuntime stand-ins, compiled once per test run.</summary>
        public static Task<ImmutableArray<MetadataReference>> GetAwsStubsAsync() => StubReferences.Value;

        private static Task<ImmutableArray<MetadataReference>> BuildStubsAsync()
        {
            var baseReferences = Aws.References;
            var assembly = typeof(ReferenceCatalog).Assembly;
            var builder = ImmutableArray.CreateBuilder<MetadataReference>();
            foreach (var (resource, assemblyName) in new[] { ("Stubs.SageMakerStubs.cs", "AWSSDK.SageMaker"), ("Stubs.BedrockRuntimeStubs.cs", "AWSSDK.BedrockRuntime") })
            {
                using var stream = assembly.GetManifestResourceStream(resource)
                    ?? throw new InvalidOperationException($"The embedded stub {resource} is missing.");
                using var reader = new StreamReader(stream);
                var tree = CSharpSyntaxTree.ParseText(reader.ReadToEnd(), new CSharpParseOptions(LanguageVersion.Latest), path: resource);
                var compilation = CSharpCompilation.Create(
                    assemblyName,
                    new[] { tree },
                    baseReferences,
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
                using var image = new MemoryStream();
                var result = compilation.Emit(image);
                if (!result.Success)
                {
                    var errors = string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
                    throw new InvalidOperationException($"The {assemblyName} stub does not compile:{Environment.NewLine}{errors}");
                }

                builder.Add(MetadataReference.CreateFromImage(image.ToArray()));
            }

            return Task.FromResult(builder.ToImmutable());
        }
    }
}
