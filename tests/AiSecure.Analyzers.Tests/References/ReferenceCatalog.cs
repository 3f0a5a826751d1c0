using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace AiSecure.Analyzers.Tests.References
{
    /// <summary>
    /// The one place that says what test code compiles against: .NET reference assemblies plus the real
    /// SDK packages served here, and the SageMaker / Bedrock Runtime stand-ins compiled from Stubs/.
    /// </summary>
    public static class ReferenceCatalog
    {
        public static readonly PackageIdentity AwsCore = new("AWSSDK.Core", "4.1.0");
        public static readonly PackageIdentity AwsS3 = new("AWSSDK.S3", "4.1.0");
        public static readonly PackageIdentity OpenAI = new("OpenAI", "2.15.0");
        public static readonly PackageIdentity AzureOpenAI = new("Azure.AI.OpenAI", "2.9.0-beta.1");
        public static readonly PackageIdentity ExtensionsAI = new("Microsoft.Extensions.AI.Abstractions", "10.11.0");
        public static readonly PackageIdentity SemanticKernel = new("Microsoft.SemanticKernel", "1.82.0");
        public static readonly PackageIdentity Anthropic = new("Anthropic", "13.14.0");
        public static readonly PackageIdentity Ollama = new("OllamaSharp", "5.5.2");
        public static readonly PackageIdentity AspNetCore = new("Microsoft.AspNetCore.App.Ref", "8.0.0");

        /// <summary>The .NET 8 reference assemblies alone: code that references no SDK.</summary>
        public static ReferenceAssemblies Net { get; } = ReferenceAssemblies.Net.Net80;

        /// <summary>.NET plus ASP.NET Core.</summary>
        public static ReferenceAssemblies Web { get; } = Net.AddPackages(ImmutableArray.Create(AspNetCore));

        /// <summary>.NET plus ASP.NET Core and the AWS SDK (Core, S3).</summary>
        public static ReferenceAssemblies Aws { get; } = Web.AddPackages(ImmutableArray.Create(AwsCore, AwsS3));

        /// <summary>.NET plus ASP.NET Core and every LLM SDK.</summary>
        public static ReferenceAssemblies Llm { get; } = Web.AddPackages(ImmutableArray.Create(OpenAI, AzureOpenAI, ExtensionsAI, SemanticKernel, Anthropic, Ollama));

        /// <summary>Everything served.</summary>
        public static ReferenceAssemblies All { get; } = Web.AddPackages(ImmutableArray.Create(AwsCore, AwsS3, OpenAI, AzureOpenAI, ExtensionsAI, SemanticKernel, Anthropic, Ollama));

        private static readonly SemaphoreSlim ResolveGate = new(1, 1);
        private static readonly System.Collections.Generic.HashSet<ReferenceAssemblies> Resolved = new();

        /// <summary>
        /// Resolves (downloads on a new machine) one reference set at a time: parallel tests that resolve
        /// the same packages at once race in the testing library's package cache.
        /// </summary>
        public static async Task EnsureResolvedAsync(ReferenceAssemblies references, CancellationToken cancellationToken)
        {
            await ResolveGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (Resolved.Add(references))
                {
                    await references.ResolveAsync(LanguageNames.CSharp, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                ResolveGate.Release();
            }
        }

        private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> StubReferences = new(BuildStubsAsync, LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>AWSSDK.SageMaker and AWSSDK.BedrockRuntime stand-ins, compiled once per test run.</summary>
        public static Task<ImmutableArray<MetadataReference>> GetAwsStubsAsync() => StubReferences.Value;

        private static async Task<ImmutableArray<MetadataReference>> BuildStubsAsync()
        {
            await EnsureResolvedAsync(Aws, CancellationToken.None).ConfigureAwait(false);
            var baseReferences = await Aws.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false);
            var assembly = typeof(ReferenceCatalog).Assembly;
            var builder = ImmutableArray.CreateBuilder<MetadataReference>();
            foreach (var (resource, assemblyName) in new[] { ("Stubs.SageMakerStubs.cs", "AWSSDK.SageMaker"), ("Stubs.BedrockRuntimeStubs.cs", "AWSSDK.BedrockRuntime") })
            {
                using var stream = assembly.GetManifestResourceStream(resource);
                if (stream == null)
                {
                    continue;
                }

                using var reader = new StreamReader(stream);
                var tree = CSharpSyntaxTree.ParseText(await reader.ReadToEndAsync().ConfigureAwait(false), new CSharpParseOptions(LanguageVersion.Latest), path: resource);
                var compilation = CSharpCompilation.Create(
                    assemblyName,
                    new[] { tree },
                    baseReferences,
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
                using var image = new MemoryStream();
                var result = compilation.Emit(image);
                if (!result.Success)
                {
                    var errors = string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
                    throw new InvalidOperationException($"The {assemblyName} stub does not compile:{Environment.NewLine}{errors}");
                }

                builder.Add(MetadataReference.CreateFromImage(image.ToArray()));
            }

            return builder.ToImmutable();
        }
    }
}
