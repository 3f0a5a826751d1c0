using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AiSecure.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace AiSecure.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// Applies the <see cref="InitializerEdit"/>s an analyzer put in a diagnostic: replaces a written value, or adds
    /// <c>Property = value</c> to an object initializer (creating the initializer and the missing nested objects).
    /// Keeps the initializer's layout: one member per line stays one member per line, trailing commas stay.
    /// </summary>
    internal static class InitializerEditApplier
    {
        public static bool HasEdits(Diagnostic diagnostic) => !InitializerEdit.Decode(diagnostic).IsEmpty;

        /// <summary>Registers one code action per diagnostic that carries edits.</summary>
        public static void Register(CodeFixContext context, string title, string equivalenceKey)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!HasEdits(diagnostic))
                {
                    continue;
                }

                var document = context.Document;
                context.RegisterCodeFix(CodeAction.Create(title, ct => ApplyAsync(document, new[] { diagnostic }, ct), equivalenceKey), diagnostic);
            }
        }

        /// <summary>
        /// Fix All: the edits of every diagnostic in a document whose code action has the invoked equivalence key
        /// (<paramref name="equivalenceKey"/> says which that is), in one pass.
        /// </summary>
        public static FixAllProvider CreateFixAll(System.Func<Diagnostic, string> equivalenceKey)
            => FixAllProvider.Create(async (context, document, diagnostics) =>
                await ApplyAsync(document, diagnostics.Where(d => context.CodeActionEquivalenceKey == null || equivalenceKey(d) == context.CodeActionEquivalenceKey), context.CancellationToken).ConfigureAwait(false));

        public static async Task<Document> ApplyAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var seen = new HashSet<string>();
            var changed = false;
            foreach (var edit in diagnostics.SelectMany(d => InitializerEdit.Decode(d)))
            {
                if (edit.Location.SourceTree != root.SyntaxTree
                    || !seen.Add(edit.Kind + "|" + edit.Location.SourceSpan + "|" + edit.Property + "|" + string.Join(".", edit.Path.Select(p => p.Name))))
                {
                    continue;
                }

                var node = root.FindNode(edit.Location.SourceSpan, getInnermostNodeForTie: true);
                while (node != null && node.Span != edit.Location.SourceSpan)
                {
                    node = node.Parent;
                }

                if (node == null)
                {
                    continue;
                }

                if (edit.Kind == InitializerEditKind.Replace && node is ExpressionSyntax expression)
                {
                    var value = edit.Path.IsEmpty ? ParseValue(edit.Value) : Creation(edit.Path, 0, edit.Property, edit.Value);
                    editor.ReplaceNode(expression, value.WithTriviaFrom(expression));
                    changed = true;
                }
                else if (edit.Kind == InitializerEditKind.Add && node is BaseObjectCreationExpressionSyntax or AssignmentExpressionSyntax { Right: InitializerExpressionSyntax })
                {
                    var assignment = edit.Path.IsEmpty
                        ? Assign(edit.Property, ParseValue(edit.Value))
                        : Assign(edit.Path[0].Name, Creation(edit.Path, 0, edit.Property, edit.Value));
                    editor.ReplaceNode(node, (current, _) => AddMember(current, assignment));
                    changed = true;
                }
            }

            if (!changed)
            {
                return document;
            }

            var result = editor.GetChangedDocument();
            result = await ImportAdder.AddImportsAsync(result, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Simplifier.ReduceAsync(result, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        private static ExpressionSyntax ParseValue(string value)
            => SyntaxFactory.ParseExpression(value).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

        /// <summary><c>new Path[index].Type { Path[index + 1].Name = new … { property = value } }</c>.</summary>
        private static ExpressionSyntax Creation(ImmutableArray<PathSegment> path, int index, string property, string value)
        {
            var member = index + 1 < path.Length
                ? Assign(path[index + 1].Name, Creation(path, index + 1, property, value))
                : Assign(property, ParseValue(value));
            var type = SyntaxFactory.ParseTypeName(path[index].TypeName)
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            return SyntaxFactory.ObjectCreationExpression(
                SyntaxFactory.Token(SyntaxKind.NewKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                type,
                null,
                SingleLineInitializer(member).WithLeadingTrivia());
        }

        private static AssignmentExpressionSyntax Assign(string name, ExpressionSyntax value)
            => SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxFactory.IdentifierName(name).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space),
                value.WithoutTrivia());

        private static InitializerExpressionSyntax SingleLineInitializer(ExpressionSyntax member)
            => SyntaxFactory.InitializerExpression(
                SyntaxKind.ObjectInitializerExpression,
                SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.SingletonSeparatedList(member),
                SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Space));

        private static SyntaxNode AddMember(SyntaxNode current, ExpressionSyntax member)
        {
            switch (current)
            {
                case ObjectCreationExpressionSyntax { Initializer: null } creation:
                {
                    var trailing = creation.GetTrailingTrivia();
                    var withoutArguments = creation.ArgumentList is { Arguments.Count: 0 }
                        ? creation.WithArgumentList(null).WithType(creation.Type.WithoutTrailingTrivia())
                        : creation.WithoutTrailingTrivia();
                    return withoutArguments.WithInitializer(SingleLineInitializer(member)).WithTrailingTrivia(trailing);
                }

                case ImplicitObjectCreationExpressionSyntax { Initializer: null } implicitCreation:
                {
                    var trailing = implicitCreation.GetTrailingTrivia();
                    return implicitCreation.WithoutTrailingTrivia().WithInitializer(SingleLineInitializer(member)).WithTrailingTrivia(trailing);
                }

                case BaseObjectCreationExpressionSyntax { Initializer: { } initializer } creation:
                    return creation.WithInitializer(Append(initializer, member));
                case AssignmentExpressionSyntax { Right: InitializerExpressionSyntax nested } assignment:
                    return assignment.WithRight(Append(nested, member));
                default:
                    return current;
            }
        }

        private static InitializerExpressionSyntax Append(InitializerExpressionSyntax initializer, ExpressionSyntax member)
        {
            var expressions = initializer.Expressions;
            if (expressions.Count == 0)
            {
                return initializer
                    .WithOpenBraceToken(initializer.OpenBraceToken.WithTrailingTrivia(SyntaxFactory.Space))
                    .WithExpressions(SyntaxFactory.SingletonSeparatedList(member))
                    .WithCloseBraceToken(initializer.CloseBraceToken.WithLeadingTrivia(SyntaxFactory.Space));
            }

            var items = new List<SyntaxNodeOrToken>();
            foreach (var item in expressions.GetWithSeparators())
            {
                items.Add(item);
            }

            var last = expressions[expressions.Count - 1];
            var hasTrailingComma = expressions.SeparatorCount == expressions.Count;
            var multiline = initializer.OpenBraceToken.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia))
                || expressions[0].GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));

            if (multiline)
            {
                member = member.WithLeadingTrivia(Indentation(last));
                if (hasTrailingComma)
                {
                    var separator = (SyntaxToken)items[items.Count - 1];
                    items.Add(member);
                    items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(separator.TrailingTrivia));
                }
                else
                {
                    var lastTrailing = last.GetTrailingTrivia();
                    items[items.Count - 1] = last.WithoutTrailingTrivia();
                    items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(lastTrailing));
                    var endOfLine = lastTrailing.Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToList();
                    items.Add(member.WithTrailingTrivia(endOfLine.Count > 0 ? SyntaxFactory.TriviaList(endOfLine[endOfLine.Count - 1]) : lastTrailing));
                }
            }
            else if (hasTrailingComma)
            {
                var separator = (SyntaxToken)items[items.Count - 1];
                items[items.Count - 1] = separator.WithTrailingTrivia(SyntaxFactory.Space);
                items.Add(member.WithTrailingTrivia(separator.TrailingTrivia));
            }
            else
            {
                var lastTrailing = last.GetTrailingTrivia();
                items[items.Count - 1] = last.WithoutTrailingTrivia();
                items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
                items.Add(member.WithTrailingTrivia(lastTrailing));
            }

            return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items));
        }

        /// <summary>The whitespace that starts the line of <paramref name="node"/>.</summary>
        private static SyntaxTriviaList Indentation(SyntaxNode node)
        {
            var leading = node.GetLeadingTrivia();
            var result = new List<SyntaxTrivia>();
            for (var i = leading.Count - 1; i >= 0; i--)
            {
                if (!leading[i].IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    break;
                }

                result.Insert(0, leading[i]);
            }

            return SyntaxFactory.TriviaList(result);
        }
    }
}
