using System.Collections.Generic;
using System.Threading;
using AiSecure.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>
    /// Where a string value handed to a credential sink is written (AISEC040): the literal itself, or the literal that
    /// initializes the <c>const</c>, readonly field, get-only property, parameter default or local it reads.
    /// </summary>
    internal static class LiteralOrigins
    {
        private const int MaxDepth = 4;

        /// <summary>
        /// The string literals a value can be: the value itself, the fallback of <c>??</c> (<c>config["Key"] ?? "sk-…"</c>)
        /// and both branches of a conditional, each followed by <see cref="Resolve"/>.
        /// </summary>
        public static List<LiteralOrigin> ResolveAll(IOperation value, CancellationToken cancellationToken)
        {
            var results = new List<LiteralOrigin>();
            Collect(value, 0, results, cancellationToken);
            return results;
        }

        private static void Collect(IOperation? value, int depth, List<LiteralOrigin> results, CancellationToken cancellationToken)
        {
            if (value == null || depth > MaxDepth)
            {
                return;
            }

            value = value.WalkDownConversions();
            switch (value)
            {
                case ICoalesceOperation coalesce:
                    Collect(coalesce.WhenNull, depth + 1, results, cancellationToken);
                    break;
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    Collect(conditional.WhenTrue, depth + 1, results, cancellationToken);
                    Collect(whenFalse, depth + 1, results, cancellationToken);
                    break;
                case ILocalReferenceOperation { Local: { IsConst: false } local }:
                    var inner = new List<LiteralOrigin>();
                    Collect(local.GetSingleInitializer(value), depth + 1, inner, cancellationToken);
                    foreach (var initial in inner)
                    {
                        results.Add(ThroughLocal(initial, local, cancellationToken));
                    }

                    break;
                default:
                    if (Resolve(value, depth, cancellationToken) is { } found)
                    {
                        results.Add(found);
                    }

                    break;
            }
        }

        /// <summary>Follows a value back to the string literal that holds it, and says where a fix can put a call instead.</summary>
        private static LiteralOrigin? Resolve(IOperation? value, int depth, CancellationToken cancellationToken)
        {
            if (value == null || depth > MaxDepth)
            {
                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();
            value = value.WalkDownConversions();
            switch (value)
            {
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text }, Syntax: LiteralExpressionSyntax literal }:
                    return new LiteralOrigin(text, literal, literal, null);

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, ConstantValue: { HasValue: true, Value: string joined }, Syntax: BinaryExpressionSyntax concatenation }:
                    // "sk-proj-" + "…": a key split to get past secret scanners is still a constant key.
                    return new LiteralOrigin(joined, concatenation, concatenation, null);

                case IFieldReferenceOperation { Field: { } field }:
                    if (field.IsConst && field.ConstantValue is string constantText && DeclaredLiteral(field, cancellationToken) is { } constantLiteral)
                    {
                        // A const cannot hold a call: the fix replaces this use.
                        return new LiteralOrigin(constantText, constantLiteral, value.Syntax, null, isMember: true);
                    }

                    if (field.IsReadOnly && DeclaredLiteral(field, cancellationToken) is { } fieldLiteral && fieldLiteral.Token.Value is string fieldText)
                    {
                        return new LiteralOrigin(fieldText, fieldLiteral, fieldLiteral, field.Type, isMember: true);
                    }

                    return null;

                case IPropertyReferenceOperation { Property: { } property } when property.Parameters.IsEmpty:
                    return PropertyLiteral(property, cancellationToken) is { } propertyLiteral && propertyLiteral.Token.Value is string propertyText
                        ? new LiteralOrigin(propertyText, propertyLiteral, propertyLiteral, property.Type, isMember: true)
                        : null;

                case IParameterReferenceOperation { Parameter: { HasExplicitDefaultValue: true, ExplicitDefaultValue: string defaultText } parameter }:
                    // string apiKey = "sk-…": the default is a hard-coded key. A default value must stay a constant, so
                    // there is no automatic fix (null: no replacement).
                    // Reported from the declaration (AnalyzeDeclaredLiteral), where the diagnostic is local to the literal.
                    foreach (var reference in parameter.DeclaringSyntaxReferences)
                    {
                        if (reference.GetSyntax(cancellationToken) is ParameterSyntax { Default.Value: LiteralExpressionSyntax defaultLiteral })
                        {
                            return new LiteralOrigin(defaultText, defaultLiteral, null, null, isMember: true);
                        }
                    }

                    return null;

                case ILocalReferenceOperation { Local: { } local }:
                    if (local.IsConst && local.ConstantValue is string localText && DeclaredLiteral(local, cancellationToken) is { } localLiteral)
                    {
                        return new LiteralOrigin(localText, localLiteral, value.Syntax, null);
                    }

                    var inner = Resolve(local.GetSingleInitializer(value), depth + 1, cancellationToken);
                    return inner == null ? null : ThroughLocal(inner, local, cancellationToken);

                default:
                    return null;
            }
        }

        /// <summary>
        /// <c>string key = "…";</c>: the call lands in the initializer, typed by the declaration. A field reached through
        /// a local is reported from the use: the declaration side only sees direct uses.
        /// </summary>
        private static LiteralOrigin ThroughLocal(LiteralOrigin inner, ILocalSymbol local, CancellationToken cancellationToken)
        {
            var declaredType = inner.DeclaredType == null && !IsImplicitlyTyped(local, cancellationToken) ? local.Type : inner.DeclaredType;
            return new LiteralOrigin(inner.Text, inner.Literal, inner.Replace, declaredType, isMember: false);
        }

        public static LiteralExpressionSyntax? DeclaredLiteral(ISymbol symbol, CancellationToken cancellationToken)
        {
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax literal } && literal.Token.Value is string)
                {
                    return literal;
                }
            }

            return null;
        }

        /// <summary>
        /// <c>string Key { get; } = "…";</c> or <c>string Key => "…";</c>: a property that only ever returns the literal. A
        /// settable property's default counts only when it has a known key format (<c>public string ApiKey { get; set; } =
        /// "sk-proj-…";</c> in an options class): binding may overwrite it, but the key is in source (docs/rules/AISEC040.md).
        /// </summary>
        public static LiteralExpressionSyntax? PropertyLiteral(IPropertySymbol property, CancellationToken cancellationToken)
        {
            var settable = property.SetMethod is { IsInitOnly: false };

            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not PropertyDeclarationSyntax declaration)
                {
                    continue;
                }

                if (!settable && declaration.ExpressionBody?.Expression is LiteralExpressionSyntax bodyLiteral && bodyLiteral.Token.Value is string)
                {
                    return bodyLiteral;
                }

                if (declaration.Initializer?.Value is LiteralExpressionSyntax initializerLiteral && initializerLiteral.Token.Value is string initializerText
                    && (!settable || CredentialCatalog.KnownFormat(initializerText) != null))
                {
                    return initializerLiteral;
                }
            }

            return null;
        }

        private static bool IsImplicitlyTyped(ILocalSymbol local, CancellationToken cancellationToken)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken).Parent is VariableDeclarationSyntax { Type: IdentifierNameSyntax { IsVar: true } })
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>A string literal a value comes from, and what a fix may replace.</summary>
    internal sealed class LiteralOrigin
    {
        public LiteralOrigin(string text, ExpressionSyntax literal, SyntaxNode? replace, ITypeSymbol? declaredType, bool isMember = false)
        {
            Text = text;
            Literal = literal;
            Replace = replace;
            DeclaredType = declaredType;
            IsMember = isMember;
        }

        /// <summary>The literal initializes a field or property, not a local.</summary>
        public readonly bool IsMember;

        public readonly string Text;

        /// <summary>Where the diagnostic goes.</summary>
        public readonly ExpressionSyntax Literal;

        /// <summary>The expression the fix replaces: the literal, or the use of a constant; null when no fix can (a parameter default).</summary>
        public readonly SyntaxNode? Replace;

        /// <summary>The declared type the replacement must convert to, when it is not the sink's parameter or property.</summary>
        public readonly ITypeSymbol? DeclaredType;
    }
}
