using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>
    /// A URL known at compile time, at least its start: from a literal, an interpolated string, a
    /// <c>const</c>, a local initialized once, a concatenation that starts with one of those, or a
    /// <c>new Uri(...)</c> of any of them.
    /// </summary>
    internal readonly struct UrlValue
    {
        private const int MaxDepth = 6;

        private UrlValue(string text, bool isComplete, Location? textLocation, int textOffset)
        {
            Text = text;
            IsComplete = isComplete;
            TextLocation = textLocation;
            TextOffset = textOffset;
        }

        /// <summary>The known text: all of the URL, or its leading constant part.</summary>
        public readonly string Text;

        /// <summary>False when only the start of the URL is known.</summary>
        public readonly bool IsComplete;

        /// <summary>The literal (or interpolated text part) that holds <see cref="Text"/>, when there is one in source.</summary>
        public readonly Location? TextLocation;

        /// <summary>Where <see cref="Text"/> starts inside the source text of <see cref="TextLocation"/>.</summary>
        public readonly int TextOffset;

        public bool IsKnown => Text != null;

        public static UrlValue Resolve(IOperation? value, CancellationToken cancellationToken)
            => Resolve(value, 0, cancellationToken);

        private static UrlValue Resolve(IOperation? value, int depth, CancellationToken cancellationToken)
        {
            if (value == null || depth > MaxDepth)
            {
                return default;
            }

            cancellationToken.ThrowIfCancellationRequested();
            value = value.WalkDownConversions();
            switch (value)
            {
                case ILiteralOperation literal when literal.ConstantValue.HasValue && literal.ConstantValue.Value is string text:
                    return FromLiteralSyntax(literal.Syntax, text);

                case IInterpolatedStringOperation interpolated:
                    if (interpolated.ConstantValue.HasValue && interpolated.ConstantValue.Value is string constantText)
                    {
                        // $"{BaseUrl}/v1/embed" with a const BaseUrl: the scheme sits at the const's declaration.
                        if (interpolated.Parts.FirstOrDefault() is IInterpolationOperation { Expression: { } first })
                        {
                            var head = Resolve(first, depth + 1, cancellationToken);
                            if (head.IsKnown && head.TextLocation != null && constantText.StartsWith(head.Text, StringComparison.Ordinal))
                            {
                                return new UrlValue(constantText, true, head.TextLocation, head.TextOffset);
                            }
                        }

                        return new UrlValue(constantText, true, null, 0);
                    }

                    foreach (var part in interpolated.Parts)
                    {
                        // $"{BaseUrl}/v1/models/{model}": the URL starts with what the first hole holds.
                        if (part is IInterpolationOperation { Expression: { } firstHole })
                        {
                            var head = Resolve(firstHole, depth + 1, cancellationToken);
                            return head.IsKnown && head.IsComplete ? new UrlValue(head.Text, false, head.TextLocation, head.TextOffset) : default;
                        }

                        if (part is IInterpolatedStringTextOperation textPart && textPart.Text.ConstantValue.Value is string partText && textPart.Syntax is InterpolatedStringTextSyntax textSyntax)
                        {
                            return new UrlValue(partText, false, textSyntax.GetLocation(), 0);
                        }

                        break;
                    }

                    return default;

                case IFieldReferenceOperation fieldReference when fieldReference.Field.HasConstantValue && fieldReference.Field.ConstantValue is string fieldText:
                    return FromDeclaration(fieldReference.Field, fieldText, cancellationToken);

                case IFieldReferenceOperation fieldReference when fieldReference.Field.IsReadOnly:
                    return FromDeclaredInitializer(fieldReference.Field, fieldReference.Field.Type, cancellationToken);

                case IPropertyReferenceOperation { Property.Name: "Uri", Instance: { } builder } when builder.WalkDownConversions() is IObjectCreationOperation { Type: { Name: "UriBuilder", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } creation:
                    return FromUriBuilder(creation, depth, cancellationToken);

                case IPropertyReferenceOperation propertyReference when propertyReference.Property.Parameters.Length == 0:
                    // An options class default: public string BaseUrl { get; set; } = "http://…"; what runs when nothing is bound.
                    return FromDeclaredInitializer(propertyReference.Property, propertyReference.Property.Type, cancellationToken);

                case IInvocationOperation { TargetMethod: { Name: "GetValue", ContainingType.Name: "ConfigurationBinder" } } getValue:
                    // configuration.GetValue("Llm:Url", "http://…"): the default is what runs when nothing is configured.
                    foreach (var argument in getValue.Arguments)
                    {
                        if (argument.Parameter?.Name == "defaultValue" && argument.ArgumentKind != ArgumentKind.DefaultValue)
                        {
                            return Resolve(argument.Value, depth + 1, cancellationToken);
                        }
                    }

                    return default;

                case ICoalesceOperation coalesce:
                    // configuration["Endpoint"] ?? "http://…": the fallback is what runs when nothing is configured.
                    return Resolve(coalesce.WhenNull, depth + 1, cancellationToken);

                case ILocalReferenceOperation localReference:
                    if (localReference.Local.HasConstantValue && localReference.Local.ConstantValue is string localText)
                    {
                        return FromDeclaration(localReference.Local, localText, cancellationToken);
                    }

                    return Resolve(localReference.Local.GetSingleInitializer(localReference), depth + 1, cancellationToken);

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type.IsStringType():
                    if (binary.ConstantValue.HasValue && binary.ConstantValue.Value is string folded)
                    {
                        var left = Resolve(binary.LeftOperand, depth + 1, cancellationToken);
                        return new UrlValue(folded, true, left.TextLocation, left.TextOffset);
                    }

                    var start = Resolve(binary.LeftOperand, depth + 1, cancellationToken);
                    return start.IsKnown ? new UrlValue(start.Text, false, start.TextLocation, start.TextOffset) : default;

                case IObjectCreationOperation creation when creation.Type is { Name: "Uri", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } && creation.Arguments.Length > 0:
                    return Resolve(creation.Arguments[0].Value, depth + 1, cancellationToken);

                default:
                    return default;
            }
        }

        /// <summary>
        /// <c>new UriBuilder("http", host, port).Uri</c>, <c>new UriBuilder { Scheme = "http", Host = … }.Uri</c>,
        /// <c>new UriBuilder("http://…") { Path = … }.Uri</c>: the scheme (and host and port, when constant) the builder ends
        /// with, its initializer's writes last. No source location: the scheme is not written as <c>http://</c>, so there is
        /// no text for the fix to rewrite. Unknown when the scheme is not known.
        /// </summary>
        private static UrlValue FromUriBuilder(IObjectCreationOperation creation, int depth, CancellationToken cancellationToken)
        {
            string? scheme = null;
            string? host = null;
            var port = string.Empty;
            UrlValue whole = default;
            foreach (var argument in creation.Arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "uri":
                        whole = Resolve(argument.Value, depth + 1, cancellationToken);
                        break;
                    case "schemeName" or "scheme":
                        scheme = SchemeText(argument.Value);
                        break;
                    case "hostName" or "host":
                        host = argument.Value.WalkDownConversions().ConstantValue.Value as string;
                        break;
                    case "portNumber" or "port" when argument.Value.ConstantValue.Value is int number && number >= 0:
                        port = ":" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        break;
                }
            }

            var hostKnown = host != null;
            foreach (var member in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: { } name } } assignment)
                {
                    switch (name)
                    {
                        case "Scheme":
                            scheme = SchemeText(assignment.Value);
                            whole = default;
                            break;
                        case "Host":
                            host = assignment.Value.WalkDownConversions().ConstantValue.Value as string;
                            hostKnown = host != null;
                            whole = whole.IsKnown ? new UrlValue(whole.Text!, false, null, 0) : default;
                            break;
                        case "Port":
                            port = assignment.Value.ConstantValue.Value is int number && number >= 0 ? ":" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
                            break;
                    }
                }
            }

            if (whole.IsKnown)
            {
                // Built from a URL: its scheme and host stand unless the initializer replaced them.
                return scheme == null ? new UrlValue(whole.Text!, whole.IsComplete, null, 0) : default;
            }

            if (scheme == null)
            {
                return default;
            }

            return hostKnown ? new UrlValue(scheme + "://" + host + port + "/", true, null, 0) : new UrlValue(scheme + "://", false, null, 0);
        }

        /// <summary>A constant scheme name, or <c>Uri.UriSchemeHttp</c> / <c>Uri.UriSchemeHttps</c> (static fields, not constants).</summary>
        private static string? SchemeText(IOperation value)
        {
            value = value.WalkDownConversions();
            return value switch
            {
                { ConstantValue: { HasValue: true, Value: string text } } => text,
                IFieldReferenceOperation { Field: { Name: "UriSchemeHttp", ContainingType.Name: "Uri" } } => "http",
                IFieldReferenceOperation { Field: { Name: "UriSchemeHttps", ContainingType.Name: "Uri" } } => "https",
                _ => null,
            };
        }

        private static UrlValue FromLiteralSyntax(SyntaxNode syntax, string text)
        {
            if (syntax is LiteralExpressionSyntax literalSyntax)
            {
                var tokenText = literalSyntax.Token.Text;
                var index = IndexOfValueStart(tokenText);
                return new UrlValue(text, true, literalSyntax.GetLocation(), index);
            }

            return new UrlValue(text, true, null, 0);
        }

        private static UrlValue FromDeclaration(ISymbol symbol, string text, CancellationToken cancellationToken)
        {
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax literal })
                {
                    return FromLiteralSyntax(literal, text);
                }
            }

            return new UrlValue(text, true, null, 0);
        }

        /// <summary>
        /// A <c>readonly</c> field or an auto-property of this compilation, read from its declaration's syntax: a string
        /// literal, <c>new Uri("…")</c> / <c>new("…")</c> of one, or the literal fallback of <c>configuration["…"] ?? "…"</c>
        /// (what runs when nothing is configured). A readonly field that one constructor assignment sets is read from that
        /// assignment (it replaces the initializer). Another member's operations are not available here, so only literal
        /// text counts.
        /// </summary>
        private static UrlValue FromDeclaredInitializer(ISymbol member, ITypeSymbol type, CancellationToken cancellationToken)
        {
            if (!type.IsStringType() && type.Name != "Uri")
            {
                return default;
            }

            ExpressionSyntax? value = null;
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                value = reference.GetSyntax(cancellationToken) switch
                {
                    VariableDeclaratorSyntax { Initializer.Value: { } initializer } => initializer,
                    PropertyDeclarationSyntax { Initializer.Value: { } initializer } => initializer,
                    _ => value,
                };
            }

            if (member is IFieldSymbol { IsReadOnly: true } field)
            {
                var constructors = field.IsStatic ? field.ContainingType.StaticConstructors : field.ContainingType.InstanceConstructors;
                var written = ConstructorWrite(field, constructors, cancellationToken, out var writes);
                if (writes > 1 || (writes == 1 && written == null))
                {
                    return default;
                }

                if (written != null)
                {
                    if (value != null && constructors.Length != 1)
                    {
                        // Another constructor leaves the initializer in place: not one value.
                        return default;
                    }

                    value = written;
                }
            }

            return FromExpressionSyntax(value);
        }

        private static UrlValue FromExpressionSyntax(ExpressionSyntax? value)
        {
            for (var depth = 0; value != null && depth < MaxDepth; depth++)
            {
                switch (value)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        value = parenthesized.Expression;
                        continue;
                    case BinaryExpressionSyntax coalesce when coalesce.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.CoalesceExpression):
                        value = coalesce.Right;
                        continue;
                    case BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments }:
                        value = arguments[0].Expression;
                        continue;
                    case LiteralExpressionSyntax literal when literal.Token.Value is string text:
                        return FromLiteralSyntax(literal, text);
                    default:
                        return default;
                }
            }

            return default;
        }

        /// <summary>
        /// The value the constructors assign to <paramref name="field"/> (<c>_url = …</c> or <c>this._url = …</c>), when
        /// exactly one assignment does; <paramref name="writes"/> counts every write found (compound ones included).
        /// </summary>
        private static ExpressionSyntax? ConstructorWrite(IFieldSymbol field, System.Collections.Immutable.ImmutableArray<IMethodSymbol> constructors, CancellationToken cancellationToken, out int writes)
        {
            writes = 0;
            ExpressionSyntax? written = null;
            foreach (var constructor in constructors)
            {
                foreach (var reference in constructor.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is not ConstructorDeclarationSyntax declaration)
                    {
                        continue;
                    }

                    foreach (var node in declaration.DescendantNodes())
                    {
                        if (node is not AssignmentExpressionSyntax assignment || !NamesField(assignment.Left, field, constructor))
                        {
                            continue;
                        }

                        writes++;
                        written = assignment.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression) ? assignment.Right : null;
                    }
                }
            }

            return writes == 1 ? written : null;
        }

        private static bool NamesField(ExpressionSyntax target, IFieldSymbol field, IMethodSymbol constructor)
        {
            switch (target)
            {
                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name.Identifier.ValueText: var name }:
                    return name == field.Name;
                case IdentifierNameSyntax { Identifier.ValueText: var name } when name == field.Name:
                    // A parameter of the same name would hide the field.
                    foreach (var parameter in constructor.Parameters)
                    {
                        if (parameter.Name == name)
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }

        /// <summary>The offset of the first value character in a string literal token: past @, $, and quotes.</summary>
        private static int IndexOfValueStart(string tokenText)
        {
            var index = 0;
            while (index < tokenText.Length && (tokenText[index] == '@' || tokenText[index] == '$'))
            {
                index++;
            }

            while (index < tokenText.Length && tokenText[index] == '"')
            {
                index++;
            }

            return index;
        }
    }

    internal static class TypeExtensions
    {
        public static bool IsStringType(this ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;
    }
}
