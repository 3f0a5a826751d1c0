using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace AiSecure.Analyzers.Knowledge
{
    /// <summary>Sanitizers the AISEC001 fix can call: a static <c>string M(string)</c> reachable from the project.</summary>
    internal static class PromptSanitizers
    {
        /// <summary>
        /// The project's own <c>[PromptSanitizer]</c> method that the sanitize fix can call, if any. Called by the
        /// fix, never during analysis: it walks every member of the compilation.
        /// </summary>
        public static string? Discover(Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (var symbol in compilation.GetSymbolsWithName(static _ => true, SymbolFilter.Member, cancellationToken))
            {
                if (symbol is IMethodSymbol method && IsUsable(method))
                {
                    foreach (var attribute in method.GetAttributes())
                    {
                        if (attribute.AttributeClass?.Name is "PromptSanitizer" or "PromptSanitizerAttribute")
                        {
                            return QualifiedName(method);
                        }
                    }
                }
            }

            return null;
        }

        public static bool IsUsable(IMethodSymbol method)
            => method.IsStatic && method.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal
               && method.ReturnType.SpecialType == SpecialType.System_String
               && method.Parameters.Length >= 1 && method.Parameters[0].Type.SpecialType == SpecialType.System_String
               && method.Parameters.Skip(1).All(p => p.IsOptional)
               && method.ContainingType is { } type && !type.IsGenericType && IsAccessibleType(type);

        private static bool IsAccessibleType(INamedTypeSymbol type)
        {
            for (var current = type; current != null; current = current.ContainingType)
            {
                if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
                {
                    return false;
                }
            }

            return true;
        }

        public static string QualifiedName(IMethodSymbol method)
        {
            var names = new List<string> { method.Name };
            for (var type = method.ContainingType; type != null; type = type.ContainingType)
            {
                names.Add(type.Name);
            }

            for (var ns = method.ContainingType?.ContainingNamespace; ns != null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            {
                names.Add(ns.Name);
            }

            names.Reverse();
            return "global::" + string.Join(".", names);
        }
    }
}
