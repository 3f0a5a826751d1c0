using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiSecure.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// Shared by the AISEC010 and AISEC011 fixes: the key-id expression to write (option <c>aisecure.kms_key_id</c>, else a
    /// string in scope whose name contains "kms" and "key", else <c>Environment.GetEnvironmentVariable("AWS_KMS_KEY_ID")</c>)
    /// and initializer edits that keep the user's layout.
    /// </summary>
    internal static class KmsFixSupport
    {
        public const string EnvironmentFallback = "Environment.GetEnvironmentVariable(\"AWS_KMS_KEY_ID\")";

        /// <summary>The key expression for a write at <paramref name="position"/> into <paramref name="target"/> (for the <c>!</c> decision).</summary>
        public static ExpressionSyntax GetKeyExpression(SemanticModel model, int position, string? option, ITypeSymbol? target, out bool needsSystemUsing)
        {
            needsSystemUsing = false;
            var text = option ?? FindInScope(model, position);
            if (text == null)
            {
                text = EnvironmentFallback;
                needsSystemUsing = !IsSystemInScope(model, position);
            }

            var expression = SyntaxFactory.ParseExpression(text);
            if (NeedsSuppression(model, position, expression, target))
            {
                expression = SyntaxFactory.PostfixUnaryExpression(SyntaxKind.SuppressNullableWarningExpression, Parenthesize(expression));
            }

            return expression.WithoutTrivia();
        }

        private static ExpressionSyntax Parenthesize(ExpressionSyntax expression)
            => expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
                ? expression
                : SyntaxFactory.ParenthesizedExpression(expression);

        /// <summary>A <c>!</c> is needed when nullable warnings are on, the value may be null and the target is not nullable.</summary>
        private static bool NeedsSuppression(SemanticModel model, int position, ExpressionSyntax expression, ITypeSymbol? target)
        {
            if (target == null || target.NullableAnnotation != NullableAnnotation.NotAnnotated)
            {
                return false;
            }

            var context = model.GetNullableContext(position);
            if ((context & NullableContext.WarningsEnabled) == 0)
            {
                return false;
            }

            var info = model.GetSpeculativeTypeInfo(position, expression, SpeculativeBindingOption.BindAsExpression);
            return info.Nullability.FlowState == NullableFlowState.MaybeNull
                || info.Nullability.Annotation == NullableAnnotation.Annotated
                || info.Type?.NullableAnnotation == NullableAnnotation.Annotated;
        }

        private static bool IsSystemInScope(SemanticModel model, int position)
        {
            var info = model.GetSpeculativeSymbolInfo(position, SyntaxFactory.IdentifierName("Environment"), SpeculativeBindingOption.BindAsExpression);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
            return symbol is INamedTypeSymbol { Name: "Environment", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
        }

        /// <summary>
        /// A string local, parameter, field or property in scope whose name contains "kms" and "key"; else such a string
        /// property of an options object in scope (<c>_options.KmsKeyArn</c>, <c>_options.Value.KmsKeyId</c>).
        /// </summary>
        private static string? FindInScope(SemanticModel model, int position)
        {
            var isStatic = IsStaticContext(model, position);
            string? local = null;
            string? member = null;
            string? nested = null;
            foreach (var symbol in model.LookupSymbols(position))
            {
                if (symbol.IsImplicitlyDeclared || (isStatic && !symbol.IsStatic && symbol is IFieldSymbol or IPropertySymbol))
                {
                    continue;
                }

                var type = TypeOf(symbol);
                if (type == null)
                {
                    continue;
                }

                // Declared later, or being declared here: `var config = new X { KmsKeyId = config.… }` does not compile (CS0841).
                if (symbol is ILocalSymbol && symbol.DeclaringSyntaxReferences.FirstOrDefault() is { } reference
                    && (reference.Span.Start >= position || (reference.Span.Contains(position) && reference.GetSyntax() is VariableDeclaratorSyntax)))
                {
                    continue;
                }

                if (type.SpecialType == SpecialType.System_String)
                {
                    if (!IsKmsKeyName(symbol.Name))
                    {
                        continue;
                    }

                    if (symbol is ILocalSymbol or IParameterSymbol)
                    {
                        local ??= symbol.Name;
                    }
                    else
                    {
                        member ??= symbol.Name;
                    }

                    continue;
                }

                if (nested == null && symbol is ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol)
                {
                    nested = FindInOptions(symbol.Name, type);
                }
            }

            return local ?? member ?? nested;
        }

        private static string? FindInOptions(string name, ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { Name: "IOptions" or "IOptionsSnapshot" or "IOptionsMonitor", TypeArguments.Length: 1 } options)
            {
                var valueName = options.Name == "IOptionsMonitor" ? ".CurrentValue" : ".Value";
                var inner = FindInOptions(name + valueName, options.TypeArguments[0]);
                return inner;
            }

            if (type.TypeKind != TypeKind.Class || !type.Locations.Any(l => l.IsInSource) || IsAwsSdkType(type))
            {
                return null;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, Type.SpecialType: SpecialType.System_String } property
                    && IsKmsKeyName(property.Name))
                {
                    return name + "." + property.Name;
                }
            }

            return null;
        }

        /// <summary>An AWS SDK object (<c>Amazon.*</c>; source types where a project compiles SDK stand-ins): its own
        /// <c>KmsKeyId</c> is what is missing, not a key to copy.</summary>
        private static bool IsAwsSdkType(ITypeSymbol type)
        {
            var ns = type.ContainingNamespace;
            while (ns is { IsGlobalNamespace: false, ContainingNamespace.IsGlobalNamespace: false })
            {
                ns = ns.ContainingNamespace;
            }

            return ns is { IsGlobalNamespace: false, Name: "Amazon" };
        }

        private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            IFieldSymbol field => field.Type,
            IPropertySymbol { IsIndexer: false } property => property.Type,
            _ => null,
        };

        private static bool IsStaticContext(SemanticModel model, int position)
        {
            for (var symbol = model.GetEnclosingSymbol(position); symbol != null; symbol = symbol.ContainingSymbol)
            {
                if (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } function)
                {
                    if (function.IsStatic)
                    {
                        return true;
                    }

                    continue;
                }

                if (symbol is IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol)
                {
                    return symbol.IsStatic;
                }

                if (symbol is INamedTypeSymbol)
                {
                    return false;
                }
            }

            return false;
        }

        private static bool IsKmsKeyName(string name)
            => name.IndexOf("kms", StringComparison.OrdinalIgnoreCase) >= 0 && name.IndexOf("key", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>Adds <c>using System;</c> first when the file lacks it.</summary>
        public static SyntaxNode AddSystemUsing(SyntaxNode root)
        {
            if (root is not CompilationUnitSyntax unit || unit.Usings.Any(u => u.Alias == null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == "System"))
            {
                return root;
            }

            var directive = SyntaxFactory.UsingDirective(SyntaxFactory.IdentifierName("System")).WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed);
            if (unit.Usings.Count == 0)
            {
                var first = unit.GetLeadingTrivia();
                var newUnit = unit.WithoutLeadingTrivia();
                directive = directive.WithLeadingTrivia(first).WithTrailingTrivia(NewLine(unit), NewLine(unit));
                return newUnit.WithUsings(unit.Usings.Insert(0, directive));
            }

            var firstUsing = unit.Usings[0];
            directive = directive.WithLeadingTrivia(firstUsing.GetLeadingTrivia()).WithTrailingTrivia(NewLine(unit));
            var usings = unit.Usings.Replace(firstUsing, firstUsing.WithLeadingTrivia(SyntaxTriviaList.Empty)).Insert(0, directive);
            return unit.WithUsings(usings);
        }

        /// <summary>The file's end-of-line trivia.</summary>
        public static SyntaxTrivia NewLine(SyntaxNode node)
        {
            foreach (var trivia in node.DescendantTrivia())
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return trivia;
                }
            }

            return SyntaxFactory.CarriageReturnLineFeed;
        }

        /// <summary>The whitespace that starts the last line of a leading-trivia list (comments and blank lines dropped).</summary>
        public static SyntaxTriviaList IndentationOf(SyntaxTriviaList leading)
        {
            var result = SyntaxTriviaList.Empty;
            foreach (var trivia in leading)
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    result = SyntaxTriviaList.Empty;
                }
                else if (trivia.IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    result = result.Add(trivia);
                }
            }

            return result;
        }

        /// <summary>The name assigned by an initializer member, if it is a simple <c>Name = value</c>.</summary>
        public static string? AssignedName(ExpressionSyntax member)
            => member is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } ? name.Identifier.ValueText : null;

        /// <summary>Appends members to an object initializer, one per line when the initializer spans lines, keeping separators and trailing commas.</summary>
        public static InitializerExpressionSyntax AddMembers(InitializerExpressionSyntax initializer, IReadOnlyList<ExpressionSyntax> members, SyntaxTrivia newLine)
        {
            if (members.Count == 0)
            {
                return initializer;
            }

            var expressions = initializer.Expressions;
            var multiLine = IsMultiLine(initializer);
            var list = new List<SyntaxNodeOrToken>();
            var existing = expressions.GetWithSeparators();
            if (expressions.Count == 0)
            {
                if (multiLine)
                {
                    var indentation = Indentation(initializer.CloseBraceToken) + "    ";
                    for (var i = 0; i < members.Count; i++)
                    {
                        list.Add(members[i].WithLeadingTrivia(SyntaxFactory.Whitespace(indentation)));
                        list.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(newLine));
                    }

                    return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(list));
                }

                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0)
                    {
                        list.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
                    }

                    list.Add(i == members.Count - 1 ? members[i].WithoutTrivia().WithTrailingTrivia(SyntaxFactory.Space) : members[i].WithoutTrivia());
                }

                return initializer
                    .WithOpenBraceToken(initializer.OpenBraceToken.WithTrailingTrivia(SyntaxFactory.Space))
                    .WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(list))
                    .WithCloseBraceToken(initializer.CloseBraceToken.WithLeadingTrivia());
            }

            var hasTrailingSeparator = expressions.SeparatorCount == expressions.Count;
            var lastExpression = expressions[expressions.Count - 1];
            if (multiLine)
            {
                var indentation = IndentationOf(lastExpression.GetLeadingTrivia());
                list.AddRange(existing);
                if (!hasTrailingSeparator)
                {
                    // "B = 2⏎" → "B = 2,⏎": the line end moves behind the new comma.
                    var trailing = lastExpression.GetTrailingTrivia();
                    list[list.Count - 1] = lastExpression.WithTrailingTrivia();
                    list.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(trailing.Count > 0 ? trailing : SyntaxFactory.TriviaList(newLine)));
                }

                for (var i = 0; i < members.Count; i++)
                {
                    list.Add(members[i].WithLeadingTrivia(indentation));
                    var isLast = i == members.Count - 1;
                    if (!isLast || hasTrailingSeparator)
                    {
                        list.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(newLine));
                    }
                    else
                    {
                        list[list.Count - 1] = ((ExpressionSyntax)list[list.Count - 1].AsNode()!).WithTrailingTrivia(newLine);
                    }
                }

                return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(list));
            }

            // One line: "{ A = 1 }" → "{ A = 1, X = y }".
            var lastTrailing = lastExpression.GetTrailingTrivia();
            list.AddRange(existing);
            if (hasTrailingSeparator)
            {
                var separator = list[list.Count - 1].AsToken();
                lastTrailing = separator.TrailingTrivia;
                list[list.Count - 1] = separator.WithTrailingTrivia(SyntaxFactory.Space);
            }
            else
            {
                list[list.Count - 1] = lastExpression.WithTrailingTrivia();
                list.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
            }

            for (var i = 0; i < members.Count; i++)
            {
                if (i > 0)
                {
                    list.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
                }

                var member = members[i].WithoutTrivia();
                list.Add(i == members.Count - 1 ? member.WithTrailingTrivia(lastTrailing) : member);
            }

            return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(list));
        }

        /// <summary>Replaces the value of <c>Name = …</c> in the initializer, or appends <c>Name = value</c>.</summary>
        public static InitializerExpressionSyntax SetMember(InitializerExpressionSyntax initializer, string name, ExpressionSyntax value, SyntaxTrivia newLine)
        {
            foreach (var member in initializer.Expressions)
            {
                if (AssignedName(member) == name && member is AssignmentExpressionSyntax assignment)
                {
                    return initializer.ReplaceNode(assignment, assignment.WithRight(value.WithTriviaFrom(assignment.Right)));
                }
            }

            return AddMembers(initializer, new[] { Assign(name, value) }, newLine);
        }

        public static AssignmentExpressionSyntax Assign(string name, ExpressionSyntax value)
            => SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxFactory.IdentifierName(name),
                SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space),
                value.WithoutTrivia());

        /// <summary>The creation with an initializer (an empty one on a single line when it had none).</summary>
        public static BaseObjectCreationExpressionSyntax EnsureInitializer(BaseObjectCreationExpressionSyntax creation)
        {
            if (creation.Initializer != null)
            {
                return creation;
            }

            var initializer = SyntaxFactory.InitializerExpression(
                SyntaxKind.ObjectInitializerExpression,
                SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.SeparatedList<ExpressionSyntax>(),
                SyntaxFactory.Token(SyntaxKind.CloseBraceToken));
            var trailing = creation.GetTrailingTrivia();
            switch (creation)
            {
                case ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 0 } objectCreation:
                    return objectCreation
                        .WithArgumentList(null)
                        .WithType(objectCreation.Type.WithTrailingTrivia(SyntaxFactory.Space))
                        .WithInitializer(initializer.WithTrailingTrivia(trailing));
                default:
                    return creation.WithoutTrailingTrivia()
                        .WithInitializer(initializer.WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(trailing));
            }
        }

        private static bool IsMultiLine(InitializerExpressionSyntax initializer)
            => initializer.WithoutTrivia().ToString().IndexOf('\n') >= 0;

        /// <summary>The whitespace before the closing brace of a multi-line initializer: the indentation of its line.</summary>
        private static string Indentation(SyntaxToken closeBrace)
        {
            var whitespace = closeBrace.LeadingTrivia.LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
            return whitespace.IsKind(SyntaxKind.WhitespaceTrivia) ? whitespace.ToString() : string.Empty;
        }
    }
}
