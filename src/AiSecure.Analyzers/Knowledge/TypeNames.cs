using System;
using Microsoft.CodeAnalysis;

namespace AiSecure.Analyzers.Knowledge
{
    internal static class TypeNames
    {
        private static readonly char[] Separators = { '.', '+' };

        /// <summary>The last part of a metadata name: <c>Reply`1</c> of <c>OpenAI.Chat.Reply`1</c>, <c>Options</c> of <c>A.B+Options</c>.</summary>
        public static string SimpleName(string metadataName) => metadataName.Substring(metadataName.LastIndexOfAny(Separators) + 1);

        /// <summary>
        /// Whether <paramref name="type"/>'s full metadata name (namespace, containing types joined by '+', arity
        /// suffix) is <paramref name="metadataName"/>. Read from the symbol's names, no lookup: a catalog type is looked
        /// up only once a candidate has its full name, so a type of the same simple name elsewhere (Anthropic's
        /// <c>MessageCreateParams</c> and its beta namesake) does not load the catalog type's namespace.
        /// </summary>
        public static bool HasMetadataName(ITypeSymbol type, string metadataName)
        {
            var end = metadataName.Length;
            var named = type as INamedTypeSymbol;
            while (named != null)
            {
                var name = named.MetadataName;
                var start = end - name.Length;
                if (start < 0 || string.CompareOrdinal(metadataName, start, name, 0, name.Length) != 0)
                {
                    return false;
                }

                if (named.ContainingType is { } outer)
                {
                    if (start == 0 || metadataName[start - 1] != '+')
                    {
                        return false;
                    }

                    end = start - 1;
                    named = outer;
                    continue;
                }

                end = start;
                for (var ns = named.ContainingNamespace; ns != null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
                {
                    var part = ns.Name;
                    var partStart = end - 1 - part.Length;
                    if (partStart < 0 || metadataName[end - 1] != '.' || string.CompareOrdinal(metadataName, partStart, part, 0, part.Length) != 0)
                    {
                        return false;
                    }

                    end = partStart;
                }

                return end == 0;
            }

            return false;
        }
    }
}
