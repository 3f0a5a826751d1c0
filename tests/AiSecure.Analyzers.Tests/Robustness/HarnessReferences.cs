using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace AiSecure.Analyzers.Tests.Robustness
{
    /// <summary>
    /// <see cref="ReferenceCatalog.All"/> plus the AWS stand-ins. Where the package resolver cannot solve the whole
    /// set at once (on this machine's mirror it reports a Microsoft.Extensions.AI.Abstractions conflict), the
    /// catalog's packages are resolved one at a time over <see cref="ReferenceCatalog.Web"/> and merged, first
    /// assembly of a name wins, so SDK-dependent code paths still run. Shared with the benchmarks (linked source).
    /// </summary>
    public static class HarnessReferences
    {
        private static readonly Lazy<Task<(ImmutableArray<MetadataReference> References, string Note)>> Resolved = new(ResolveAsync, LazyThreadSafetyMode.ExecutionAndPublication);

        public static async Task<ImmutableArray<MetadataReference>> GetAsync() => (await Resolved.Value.ConfigureAwait(false)).References;

        /// <summary>How the references were found: "ReferenceCatalog.All", or the per-package fallback and why.</summary>
        public static async Task<string> GetNoteAsync() => (await Resolved.Value.ConfigureAwait(false)).Note;

        private static async Task<(ImmutableArray<MetadataReference>, string)> ResolveAsync()
        {
            var stubs = await ReferenceCatalog.GetAwsStubsAsync().ConfigureAwait(false);
            try
            {
                await ReferenceCatalog.EnsureResolvedAsync(ReferenceCatalog.All, CancellationToken.None).ConfigureAwait(false);
                var all = await ReferenceCatalog.All.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false);
                return (all.AddRange(stubs), "ReferenceCatalog.All");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var merged = new Dictionary<string, MetadataReference>(StringComparer.OrdinalIgnoreCase);
                var failed = new List<string>();
                var sets = new List<(string Name, ReferenceAssemblies Set)> { ("Aws", ReferenceCatalog.Aws) };
                foreach (var package in new[] { ReferenceCatalog.OpenAI, ReferenceCatalog.AzureOpenAI, ReferenceCatalog.ExtensionsAI, ReferenceCatalog.SemanticKernel, ReferenceCatalog.Anthropic, ReferenceCatalog.Ollama })
                {
                    sets.Add((package.Id, ReferenceCatalog.Web.AddPackages(ImmutableArray.Create(package))));
                }

                foreach (var (name, set) in sets)
                {
                    try
                    {
                        await ReferenceCatalog.EnsureResolvedAsync(set, CancellationToken.None).ConfigureAwait(false);
                        foreach (var reference in await set.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false))
                        {
                            var key = Path.GetFileName((reference as PortableExecutableReference)?.FilePath ?? reference.Display ?? Guid.NewGuid().ToString());
                            if (!merged.TryGetValue(key, out var existing) || VersionOf(reference) > VersionOf(existing))
                            {
                                // Like the package resolver: a package's newer assembly replaces the reference pack's.
                                merged[key] = reference;
                            }
                        }
                    }
                    catch (Exception inner) when (inner is not OperationCanceledException)
                    {
                        failed.Add(name);
                    }
                }

                var note = $"per-package fallback ({ex.GetType().Name} on ReferenceCatalog.All)" + (failed.Count > 0 ? "; unresolved: " + string.Join(", ", failed) : string.Empty);
                return (ImmutableArray.CreateRange(merged.Values).AddRange(stubs), note);
            }
        }

        private static Version VersionOf(MetadataReference reference)
        {
            try
            {
                return reference is PortableExecutableReference { FilePath: { } path } && File.Exists(path)
                    ? System.Reflection.AssemblyName.GetAssemblyName(path).Version ?? new Version(0, 0)
                    : new Version(0, 0);
            }
            catch (Exception ex) when (ex is BadImageFormatException or IOException)
            {
                return new Version(0, 0);
            }
        }
    }
}
