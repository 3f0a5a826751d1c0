using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace AiSecure.Analyzers.Knowledge
{
    /// <summary>
    /// The only place that looks types up by metadata name. Called from compilation-start actions; the rules
    /// keep the symbols they get.
    /// </summary>
    /// <remarks>
    /// <see cref="Compilation.GetTypeByMetadataName(string)"/> searches every referenced assembly, and the rules
    /// ask for a few hundred SDK types, most of them absent from any given project: measured, that was most of the
    /// package's cost on a build. So the answers are shared by every analyzer of the package for one compilation
    /// (a weak table keyed by the compilation, as Roslyn's own WellKnownTypeProvider does), and a type of a known
    /// SDK namespace is looked for only in the assemblies that SDK ships and in the compilation's own source.
    /// </remarks>
    internal static class TypeResolver
    {
        /// <summary>
        /// Namespace prefix (with its dot) → the package family's assembly-name prefix and the assemblies that
        /// usually declare it. Longest prefix wins. A family with no referenced assembly has none of its types.
        /// </summary>
        private static readonly SdkFamily[] SdkAssemblies =
        {
            new("Amazon.Runtime.", "AWSSDK.Core", new[] { "AWSSDK.Core" }),
            new("Amazon.S3.", "AWSSDK.S3", new[] { "AWSSDK.S3" }),
            new("Amazon.SQS.", "AWSSDK.SQS", new[] { "AWSSDK.SQS" }),
            new("Amazon.SageMaker.", "AWSSDK.SageMaker", new[] { "AWSSDK.SageMaker" }),
            new("Amazon.BedrockRuntime.", "AWSSDK.BedrockRuntime", new[] { "AWSSDK.BedrockRuntime" }),
            new("OpenAI.", "OpenAI", new[] { "OpenAI" }),
            // ApiKeyCredential and friends ship in their own package (OpenAI and Azure clients depend on it): absent
            // from most projects, so it must not fall back to a search of every reference.
            new("System.ClientModel.", "System.ClientModel", new[] { "System.ClientModel" }),
            new("Azure.", "Azure", new[] { "Azure.Core" }),
            new("Azure.AI.OpenAI.", "Azure.AI.OpenAI", new[] { "Azure.AI.OpenAI" }),
            new("Azure.AI.Inference.", "Azure.AI.Inference", new[] { "Azure.AI.Inference" }),
            new("Anthropic.SDK.", "Anthropic.SDK", new[] { "Anthropic.SDK" }),
            new("Anthropic.", "Anthropic", new[] { "Anthropic" }),
            new("OllamaSharp.", "OllamaSharp", new[] { "OllamaSharp" }),
            new("ModelContextProtocol.", "ModelContextProtocol", new[] { "ModelContextProtocol.Core", "ModelContextProtocol" }),
            new("Microsoft.Extensions.AI.", "Microsoft.Extensions.AI", new[] { "Microsoft.Extensions.AI.Abstractions", "Microsoft.Extensions.AI" }),
            new("Microsoft.SemanticKernel.", "Microsoft.SemanticKernel", new[] { "Microsoft.SemanticKernel.Abstractions", "Microsoft.SemanticKernel.Core", "Microsoft.SemanticKernel" }),
            new("Microsoft.Agents.AI.", "Microsoft.Agents.AI", new[] { "Microsoft.Agents.AI.Abstractions", "Microsoft.Agents.AI" }),
            new("Microsoft.KernelMemory.", "Microsoft.KernelMemory", new[] { "Microsoft.KernelMemory.Abstractions", "Microsoft.KernelMemory.Core" }),
            new("Dapper.", "Dapper", new[] { "Dapper" }),
            new("Microsoft.EntityFrameworkCore.", "Microsoft.EntityFrameworkCore", new[] { "Microsoft.EntityFrameworkCore.Relational", "Microsoft.EntityFrameworkCore" }),
            new("Npgsql.", "Npgsql", new[] { "Npgsql" }),

            // A platform type shipped only in its own package: absent unless that package is referenced.
            new("System.Net.Http.WinHttpHandler", "System.Net.Http.WinHttpHandler", new[] { "System.Net.Http.WinHttpHandler" }),
        };

        /// <summary>
        /// Platform types the rules ask for whose assembly is not named after their namespace (the reference packs of
        /// .NET and ASP.NET Core). Only a first place to look: a type not found there is looked up everywhere.
        /// </summary>
        private static readonly Dictionary<string, string[]> PlatformAssemblyOf = new(StringComparer.Ordinal)
        {
            ["Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions"] = new[] { "Microsoft.AspNetCore.Routing" },
            ["Microsoft.AspNetCore.Http.HttpRequestJsonExtensions"] = new[] { "Microsoft.AspNetCore.Http.Extensions" },
            ["Microsoft.AspNetCore.Http.IFormFile"] = new[] { "Microsoft.AspNetCore.Http.Features" },
            ["Microsoft.AspNetCore.Http.Results"] = new[] { "Microsoft.AspNetCore.Http.Results" },
            ["Microsoft.AspNetCore.Http.TypedResults"] = new[] { "Microsoft.AspNetCore.Http.Results" },
            ["Microsoft.AspNetCore.Mvc.Rendering.IHtmlHelper"] = new[] { "Microsoft.AspNetCore.Mvc.ViewFeatures" },
            ["System.BinaryData"] = new[] { "System.Memory.Data" },
            ["System.Data.IDbCommand"] = new[] { "System.Data.Common" },
            ["System.Net.HttpWebRequest"] = new[] { "System.Net.Requests" },
            ["System.Net.WebRequest"] = new[] { "System.Net.Requests" },
            ["System.Diagnostics.ProcessStartInfo"] = new[] { "System.Diagnostics.Process" },
            ["System.Net.ServicePointManager"] = new[] { "System.Net.ServicePoint", "System.Net.Requests" },
        };

        private static readonly ConditionalWeakTable<Compilation, Resolver> Resolvers = new();

        public static INamedTypeSymbol? Get(Compilation compilation, string metadataName)
            => Resolvers.GetValue(compilation, static c => new Resolver(c)).Get(metadataName);

        private sealed class Resolver
        {
            private readonly Compilation _compilation;
            // Sized for the few hundred names the rules ask for, so no analyzer waits on a resize at compilation start.
            private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _types = new(concurrencyLevel: 4, capacity: 512, StringComparer.Ordinal);
            private readonly Lazy<Dictionary<string, IAssemblySymbol>> _assemblies;

            // The file names of the references, read without binding them; null when a reference has no name to read.
            private readonly Lazy<List<string>?> _referenceNames;
            private readonly ConcurrentDictionary<SdkFamily, bool> _familyPresent = new();

            public Resolver(Compilation compilation)
            {
                _compilation = compilation;
                _assemblies = new Lazy<Dictionary<string, IAssemblySymbol>>(ReferencedAssemblies);
                _referenceNames = new Lazy<List<string>?>(ReferenceNames);
            }

            public INamedTypeSymbol? Get(string metadataName) => _types.GetOrAdd(metadataName, Resolve);

            private INamedTypeSymbol? Resolve(string metadataName)
            {
                var sdk = SdkOf(metadataName);
                if (sdk != null && !MayDeclare(sdk))
                {
                    return null;
                }

                var platform = sdk == null ? PlatformPrefix(metadataName) : null;
                if (sdk == null && platform == null)
                {
                    return FullLookup(metadataName);
                }

                // Source first, as the full lookup does: a project may compile stand-ins of its own.
                if (_compilation.Assembly.GetTypeByMetadataName(metadataName) is { } declared)
                {
                    return declared;
                }

                return sdk != null ? SdkLookup(metadataName, sdk) : PlatformLookup(metadataName, platform!) ?? FullLookup(metadataName);
            }

            private INamedTypeSymbol? SdkLookup(string metadataName, SdkFamily sdk)
            {
                foreach (var name in sdk.Assemblies)
                {
                    if (FindIn(name, metadataName) is { } type)
                    {
                        return type;
                    }
                }

                // A package of the family that is not in the table (a connector, a new split): search the family.
                foreach (var pair in _assemblies.Value)
                {
                    if (pair.Key.StartsWith(sdk.Family, StringComparison.OrdinalIgnoreCase)
                        && pair.Value.GetTypeByMetadataName(metadataName) is { } type)
                    {
                        return type;
                    }
                }

                return null;
            }

            private static string? PlatformPrefix(string metadataName)
                => metadataName.StartsWith("System.", StringComparison.Ordinal) ? "System"
                    : metadataName.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) ? "Microsoft.AspNetCore"
                    : metadataName.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) ? "Microsoft.Extensions"
                    : null;

            /// <summary>
            /// A platform type (<c>System.*</c>, <c>Microsoft.AspNetCore.*</c>, <c>Microsoft.Extensions.*</c>) is looked
            /// for first where the platform declares it: a known home, an assembly named after the type, or the assemblies
            /// named after its namespace (with <c>.Core</c> / <c>.Abstractions</c>): one or two assemblies instead of every
            /// reference. Not found there, the full lookup decides.
            /// </summary>
            private INamedTypeSymbol? PlatformLookup(string metadataName, string prefix)
            {
                if (PlatformAssemblyOf.TryGetValue(metadataName, out var homes))
                {
                    foreach (var home in homes)
                    {
                        if (FindIn(home, metadataName) is { } homed)
                        {
                            return homed;
                        }
                    }
                }

                // System.Console, System.Diagnostics.Process.
                if (FindIn(metadataName, metadataName) is { } named)
                {
                    return named;
                }

                // The longest assembly name that prefixes the type's namespace: System.Net.Http for
                // System.Net.Http.HttpClientHandler, Microsoft.AspNetCore.Mvc.Core for Microsoft.AspNetCore.Mvc.ControllerBase.
                var ns = metadataName.Substring(0, Math.Max(0, metadataName.LastIndexOf('.')));
                for (var candidate = ns; candidate.Length >= prefix.Length; candidate = candidate.Substring(0, Math.Max(0, candidate.LastIndexOf('.'))))
                {
                    if ((FindIn(candidate, metadataName) ?? FindIn(candidate + ".Core", metadataName) ?? FindIn(candidate + ".Abstractions", metadataName)) is { } type)
                    {
                        return type;
                    }

                    if (candidate.IndexOf('.') < 0)
                    {
                        break;
                    }
                }

                // Core types of the reference packs (String, Uri, StringBuilder, Convert, Guid…).
                return prefix == "System" ? FindIn("System.Runtime", metadataName) : null;
            }

            private INamedTypeSymbol? FindIn(string assemblyName, string metadataName)
                => _assemblies.Value.TryGetValue(assemblyName, out var assembly) ? assembly.GetTypeByMetadataName(metadataName) : null;

            private INamedTypeSymbol? FullLookup(string metadataName)
            {
#pragma warning disable RS0030 // The single sanctioned lookup.
                return _compilation.GetTypeByMetadataName(metadataName);
#pragma warning restore RS0030
            }

            private static SdkFamily? SdkOf(string metadataName)
            {
                SdkFamily? best = null;
                foreach (var family in SdkAssemblies)
                {
                    if ((best == null || family.Prefix.Length > best.Prefix.Length) && metadataName.StartsWith(family.Prefix, StringComparison.Ordinal))
                    {
                        best = family;
                    }
                }

                return best;
            }

            /// <summary>
            /// Whether a type of <paramref name="sdk"/> can exist here: a reference of the family, or a namespace of the
            /// family's name in source (a project's own stand-ins). Answered once per family from the references' file
            /// names and the compiler's index of declared names, so a project without the SDK binds no reference for it:
            /// in a project that uses no SDK, the rules' start-up lookups then cost next to nothing.
            /// </summary>
            private bool MayDeclare(SdkFamily sdk) => _familyPresent.GetOrAdd(sdk, FamilyPresent);

            private bool FamilyPresent(SdkFamily sdk)
            {
                if (_referenceNames.Value is not { } names)
                {
                    return true;
                }

                foreach (var name in names)
                {
                    if (name.StartsWith(sdk.Family, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                // "Amazon.SageMaker." → a namespace named SageMaker anywhere in source; a family that is one type
                // ("System.Net.Http.WinHttpHandler") → a type of that name.
                var isNamespace = sdk.Prefix.EndsWith(".", StringComparison.Ordinal);
                var prefix = sdk.Prefix.TrimEnd('.');
                return _compilation.ContainsSymbolsWithName(prefix.Substring(prefix.LastIndexOf('.') + 1), isNamespace ? SymbolFilter.Namespace : SymbolFilter.Type);
            }

            private List<string>? ReferenceNames()
            {
                var names = new List<string>();
                foreach (var reference in _compilation.ExternalReferences)
                {
                    var name = reference switch
                    {
                        PortableExecutableReference { FilePath: { } path } => Path.GetFileNameWithoutExtension(path),
                        CompilationReference { Compilation.AssemblyName: { } assemblyName } => assemblyName,
                        _ => null,
                    };

                    if (string.IsNullOrEmpty(name))
                    {
                        return null;
                    }

                    names.Add(name!);
                }

                return names;
            }

            private Dictionary<string, IAssemblySymbol> ReferencedAssemblies()
            {
                var result = new Dictionary<string, IAssemblySymbol>(StringComparer.OrdinalIgnoreCase);
                foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
                {
                    result[assembly.Identity.Name] = assembly;
                }

                return result;
            }
        }

        /// <summary>A namespace prefix, the assembly-name prefix of its package family and the assemblies that usually declare it.</summary>
        /// <remarks>A class, not a tuple: a tuple here is generic code the runtime compiles in every build.</remarks>
        private sealed class SdkFamily
        {
            public SdkFamily(string prefix, string family, string[] assemblies)
            {
                Prefix = prefix;
                Family = family;
                Assemblies = assemblies;
            }

            public readonly string Prefix;

            public readonly string Family;

            public readonly string[] Assemblies;
        }
    }
}
