using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace AiSecure.Analyzers.Knowledge
{
    internal static class SymbolExtensions
    {
        /// <summary>True when <paramref name="type"/> is <paramref name="baseType"/> or derives from it.</summary>
        public static bool InheritsFromOrEquals(this ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            if (baseType == null)
            {
                return false;
            }

            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when the property is named <paramref name="name"/> and is declared on <paramref name="baseType"/> or a type derived from it.</summary>
        public static bool IsProperty(this IPropertySymbol? property, INamedTypeSymbol? baseType, string name)
            => property != null && property.Name == name && property.ContainingType.InheritsFromOrEquals(baseType);

        public static bool IsString(this ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;

        /// <summary>
        /// The name of a type's namespace <paramref name="depth"/> levels inside the outermost one (0: <c>System</c>, 1: <c>Net</c>
        /// for <c>System.Net.Http.HttpClient</c>), read from the symbols rather than from a display string; null past its depth.
        /// </summary>
        public static string? NamespaceName(this ITypeSymbol? type, int depth)
        {
            var levels = 0;
            for (var ns = type?.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                levels++;
            }

            if (depth >= levels)
            {
                return null;
            }

            var current = type!.ContainingNamespace;
            for (var steps = levels - 1 - depth; steps > 0; steps--)
            {
                current = current.ContainingNamespace;
            }

            return current.Name;
        }

        /// <summary>The type's namespace is exactly <paramref name="parts"/>, outermost first (<c>"System", "Text", "Json"</c>).</summary>
        public static bool IsInNamespace(this ITypeSymbol type, params string[] parts)
        {
            var ns = type.ContainingNamespace;
            for (var i = parts.Length - 1; i >= 0; i--)
            {
                if (ns == null || ns.Name != parts[i])
                {
                    return false;
                }

                ns = ns.ContainingNamespace;
            }

            return ns != null && ns.IsGlobalNamespace;
        }

        /// <summary>
        /// The method (its original definition) and the interface members and base methods it implements or overrides: every
        /// method a call can name to run it.
        /// </summary>
        public static List<IMethodSymbol> WithImplementedMembers(this IMethodSymbol method)
        {
            var definition = method.OriginalDefinition;
            var targets = new List<IMethodSymbol> { definition };
            foreach (var explicitImplementation in definition.ExplicitInterfaceImplementations)
            {
                targets.Add(explicitImplementation.OriginalDefinition);
            }

            if (definition.ContainingType is { } type)
            {
                foreach (var candidate in type.AllInterfaces)
                {
                    foreach (var member in candidate.GetMembers(definition.Name))
                    {
                        if (member is IMethodSymbol interfaceMethod
                            && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceMethod)?.OriginalDefinition, definition))
                        {
                            targets.Add(interfaceMethod.OriginalDefinition);
                        }
                    }
                }
            }

            for (var overridden = definition.OverriddenMethod; overridden != null; overridden = overridden.OverriddenMethod)
            {
                targets.Add(overridden.OriginalDefinition);
            }

            return targets;
        }

        /// <summary>A method of <c>System.Linq.Enumerable</c> (LINQ to objects) named <paramref name="name"/>.</summary>
        public static bool IsEnumerableMethod(this IMethodSymbol method, string name)
            => method.Name == name
               && method.ContainingType is { Name: "Enumerable", ContainingNamespace: { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
    }
}
