using System;
using Microsoft.CodeAnalysis;

namespace AiSecure.Analyzers.Knowledge
{
    /// <summary>
    /// The platform types every flow rule needs, resolved once per compilation: which types carry text and which do
    /// not (parsing into a number sanitizes, docs/rules/AISEC001.md), the text builders, and the serializers, parsers and
    /// encoders whose output is their input in another shape.
    /// </summary>
    internal sealed class TextTypes
    {
        private TextTypes(Compilation compilation)
        {
            StringBuilder = TypeResolver.Get(compilation, "System.Text.StringBuilder");
            TextWriter = TypeResolver.Get(compilation, "System.IO.TextWriter");
            Encoding = TypeResolver.Get(compilation, "System.Text.Encoding");
            JsonSerializer = TypeResolver.Get(compilation, "System.Text.Json.JsonSerializer");
            Convert = TypeResolver.Get(compilation, "System.Convert");
            FormattableString = TypeResolver.Get(compilation, "System.FormattableString");
            BinaryData = TypeResolver.Get(compilation, "System.BinaryData");
            BinaryContent = TypeResolver.Get(compilation, "System.ClientModel.BinaryContent");
            Regex = TypeResolver.Get(compilation, "System.Text.RegularExpressions.Regex");
            RegexOptions = TypeResolver.Get(compilation, "System.Text.RegularExpressions.RegexOptions");
            GeneratedRegexAttribute = TypeResolver.Get(compilation, "System.Text.RegularExpressions.GeneratedRegexAttribute");
            Guid = TypeResolver.Get(compilation, "System.Guid");
            TimeSpan = TypeResolver.Get(compilation, "System.TimeSpan");
            DateTimeOffset = TypeResolver.Get(compilation, "System.DateTimeOffset");
            DateOnly = TypeResolver.Get(compilation, "System.DateOnly");
            TimeOnly = TypeResolver.Get(compilation, "System.TimeOnly");
            CancellationToken = TypeResolver.Get(compilation, "System.Threading.CancellationToken");
        }

        public static TextTypes Create(Compilation compilation) => new(compilation);

        public readonly INamedTypeSymbol? StringBuilder;

        public readonly INamedTypeSymbol? TextWriter;

        public readonly INamedTypeSymbol? Encoding;

        public readonly INamedTypeSymbol? JsonSerializer;

        public readonly INamedTypeSymbol? Convert;

        /// <summary><c>System.FormattableString</c>: <c>Invariant($"…")</c> is the interpolation, formatted.</summary>
        public readonly INamedTypeSymbol? FormattableString;

        public readonly INamedTypeSymbol? BinaryData;

        public readonly INamedTypeSymbol? BinaryContent;

        /// <summary><c>System.Text.RegularExpressions.Regex</c>: the only regex whose anchored pattern validates.</summary>
        public readonly INamedTypeSymbol? Regex;

        public readonly INamedTypeSymbol? RegexOptions;

        public readonly INamedTypeSymbol? GeneratedRegexAttribute;

        public readonly INamedTypeSymbol? Guid;

        public readonly INamedTypeSymbol? TimeSpan;

        public readonly INamedTypeSymbol? DateTimeOffset;

        public readonly INamedTypeSymbol? DateOnly;

        public readonly INamedTypeSymbol? TimeOnly;

        public readonly INamedTypeSymbol? CancellationToken;

        /// <summary>False for values that cannot carry text: numbers, bool, char, enums, delegates, Guid, dates and times, cancellation tokens.</summary>
        public bool CanCarryText(ITypeSymbol? type)
        {
            if (type == null)
            {
                return true;
            }

            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean:
                case SpecialType.System_Char:
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Decimal:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_IntPtr:
                case SpecialType.System_UIntPtr:
                case SpecialType.System_DateTime:
                case SpecialType.System_Void:
                    return false;
            }

            if (type.TypeKind == TypeKind.Enum || type.TypeKind == TypeKind.Delegate)
            {
                return false;
            }

            if (Is(type, Guid) || Is(type, TimeSpan) || Is(type, DateTimeOffset) || Is(type, DateOnly) || Is(type, TimeOnly) || Is(type, CancellationToken))
            {
                return false;
            }

            // ids.Split(',').Select(int.Parse), int[] ids: a sequence of values that cannot carry text carries none either
            // (characters and bytes are text).
            if (type is IArrayTypeSymbol array)
            {
                return IsTextUnit(array.ElementType) || CanCarryText(array.ElementType);
            }

            return !(type is INamedTypeSymbol { IsGenericType: true } generic && IsSequenceNamespace(generic.ContainingNamespace) && !AnyCarriesText(generic.TypeArguments));
        }

        private bool AnyCarriesText(System.Collections.Immutable.ImmutableArray<ITypeSymbol> types)
        {
            foreach (var argument in types)
            {
                if (IsTextUnit(argument) || CanCarryText(argument))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Characters and bytes: a sequence of them is text (encoded text, for bytes).</summary>
        private static bool IsTextUnit(ITypeSymbol type) => type.SpecialType is SpecialType.System_Char or SpecialType.System_Byte or SpecialType.System_SByte;

        /// <summary>System.Collections.Generic, System.Collections.Immutable, System.Collections.Frozen, System.Linq and System.Threading.Tasks (a <c>Task&lt;int&gt;</c>).</summary>
        private static bool IsSequenceNamespace(INamespaceSymbol? ns)
        {
            if (ns == null)
            {
                return false;
            }

            switch (ns.Name)
            {
                case "Generic" or "Immutable" or "Frozen":
                    return ns.ContainingNamespace is { Name: "Collections", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
                case "Linq":
                    return ns.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };
                case "Tasks":
                    return ns.ContainingNamespace is { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
                default:
                    return false;
            }
        }

        /// <summary>A <c>StringBuilder</c> or <c>TextWriter</c>: appending to it builds text.</summary>
        public bool IsTextBuilder(ITypeSymbol? type)
            => type != null && (type.InheritsFromOrEquals(StringBuilder) || type.InheritsFromOrEquals(TextWriter));

        /// <summary>
        /// A static or instance method whose result is its arguments in another shape: serializers and parsers
        /// (System.Text.Json), encodings, Base64, culture-invariant formatting, regular-expression matches and replacements, <c>BinaryData</c> and <c>BinaryContent</c>.
        /// </summary>
        public bool IsPassThrough(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type == null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type, JsonSerializer))
            {
                return method.Name.StartsWith("Serialize", StringComparison.Ordinal) || method.Name.StartsWith("Deserialize", StringComparison.Ordinal);
            }

            if (Encoding != null && type.InheritsFromOrEquals(Encoding))
            {
                return method.Name is "GetBytes" or "GetString";
            }

            if (SymbolEqualityComparer.Default.Equals(type, Convert))
            {
                return method.Name is "ToBase64String" or "FromBase64String" or "ToString";
            }

            if (SymbolEqualityComparer.Default.Equals(type, FormattableString))
            {
                // FormattableString.Invariant($"…{note}") and CurrentCulture: the interpolation they are given, as text.
                return method.IsStatic && method.Name is "Invariant" or "CurrentCulture";
            }

            if (method.IsStatic && method.Name.StartsWith("Parse", StringComparison.Ordinal) && IsSystemTextJson(type))
            {
                // JsonDocument.Parse(Async), JsonNode.Parse, JsonElement.Parse: the document is the text it was parsed from.
                return true;
            }

            if (SymbolEqualityComparer.Default.Equals(type, Regex))
            {
                // Regex.Match(text, "```sql(.*)```").Groups[1].Value, Regex.Replace, Split: pieces of the input.
                return method.Name is "Match" or "Matches" or "Replace" or "Split" or "EnumerateMatches" or "EnumerateSplits";
            }

            return SymbolEqualityComparer.Default.Equals(type, BinaryData) || type.InheritsFromOrEquals(BinaryContent);
        }

        private static bool IsSystemTextJson(INamedTypeSymbol type)
        {
            var ns = type.ContainingNamespace;
            if (ns?.Name == "Nodes")
            {
                ns = ns.ContainingNamespace;
            }

            return ns is { Name: "Json", ContainingNamespace: { Name: "Text", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
        }

        private static bool Is(ITypeSymbol type, INamedTypeSymbol? candidate)
            => candidate != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, candidate);
    }
}
