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

        /// <summary>A method of <c>System.Linq.Enumerable</c> (LINQ to objects) named <paramref name="name"/>.</summary>
        public static bool IsEnumerableMethod(this IMethodSymbol method, string name)
            => method.Name == name
               && method.ContainingType is { Name: "Enumerable", ContainingNamespace: { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
    }
}
