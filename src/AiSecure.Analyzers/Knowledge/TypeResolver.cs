using Microsoft.CodeAnalysis;

namespace AiSecure.Analyzers.Knowledge
{
    /// <summary>
    /// The only place that looks types up by metadata name. Called from compilation-start actions,
    /// once per type and compilation; the rules keep the symbols they get.
    /// </summary>
    internal static class TypeResolver
    {
        public static INamedTypeSymbol? Get(Compilation compilation, string metadataName)
        {
#pragma warning disable RS0030 // The single sanctioned lookup.
            return compilation.GetTypeByMetadataName(metadataName);
#pragma warning restore RS0030
        }
    }
}
