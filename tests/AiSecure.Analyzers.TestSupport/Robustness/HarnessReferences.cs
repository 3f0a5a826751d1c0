using System.Collections.Immutable;
using System.Threading.Tasks;
using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis;

namespace AiSecure.Analyzers.Tests.Robustness
{
    /// <summary>
    /// What the harness compiles against: <see cref="ReferenceCatalog.All"/> (every served SDK, as the project
    /// restored it) plus the SageMaker / Bedrock stand-ins, so SDK-dependent code paths run. Shared with the
    /// benchmarks (each project writes its own test-references.txt).
    /// </summary>
    public static class HarnessReferences
    {
        public static async Task<ImmutableArray<MetadataReference>> GetAsync()
            => ReferenceCatalog.All.References.AddRange(await ReferenceCatalog.GetAwsStubsAsync().ConfigureAwait(false));

        /// <summary>Where the references come from, for test output.</summary>
        public static Task<string> GetNoteAsync()
            => Task.FromResult($"ReferenceCatalog.All ({ReferenceCatalog.All.References.Length} assemblies) + AWS stand-ins");
    }
}
