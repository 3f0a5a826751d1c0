using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace AiSecure.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// AISEC021: removes the assignment that turns certificate validation off (or, for a constructor's callback argument,
    /// passes null in its place); the platform default validates.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CertificateValidationFixer)), Shared]
    public sealed class CertificateValidationFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "AISEC021.RemoveCallback";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CertificateValidationDisabled);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (node.FirstAncestorOrSelf<ArgumentSyntax>() is { } argument && argument.Span == diagnostic.Location.SourceSpan)
                {
                    // new SslStream(inner, false, (s, c, ch, e) => true): a null callback restores the default validation.
                    context.RegisterCodeFix(
                        CodeAction.Create("Remove the callback that accepts every certificate", ct => ReplaceWithNullAsync(context.Document, argument, ct), EquivalenceKey),
                        diagnostic);
                    continue;
                }

                var assignment = node.FirstAncestorOrSelf<AssignmentExpressionSyntax>();
                if (assignment == null || !CanRemove(assignment))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create("Remove the callback that accepts every certificate", ct => RemoveAsync(context.Document, assignment, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> ReplaceWithNullAsync(Document document, ArgumentSyntax argument, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var literal = SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression).WithTriviaFrom(argument.Expression);
            editor.ReplaceNode(argument.Expression, literal);
            return editor.GetChangedDocument();
        }

        private static bool CanRemove(AssignmentExpressionSyntax assignment)
            => assignment.Parent is ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax }
            || assignment.Parent is InitializerExpressionSyntax;

        private static async Task<Document> RemoveAsync(Document document, AssignmentExpressionSyntax assignment, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            if (assignment.Parent is InitializerExpressionSyntax initializer
                && initializer.Expressions.Count == 1
                && initializer.Parent is ObjectCreationExpressionSyntax creation)
            {
                // new HttpClientHandler { Callback = ... }  ->  new HttpClientHandler()
                var argumentList = creation.ArgumentList ?? SyntaxFactory.ArgumentList();
                var replacement = creation
                    .WithInitializer(null)
                    .WithType(creation.Type.WithoutTrailingTrivia())
                    .WithArgumentList(argumentList.WithoutTrailingTrivia())
                    .WithTrailingTrivia(initializer.GetTrailingTrivia());
                editor.ReplaceNode(creation, replacement);
            }
            else if (assignment.Parent is InitializerExpressionSyntax members)
            {
                // The last member with no comma after it carries the space or line break before '}': keep it.
                var isLastWithoutComma = members.Expressions.Count == members.Expressions.SeparatorCount + 1 && members.Expressions.Last() == assignment;
                editor.RemoveNode(assignment, isLastWithoutComma ? SyntaxRemoveOptions.KeepDirectives | SyntaxRemoveOptions.KeepTrailingTrivia : SyntaxRemoveOptions.KeepDirectives);
            }
            else if (assignment.Parent is ExpressionStatementSyntax { Parent: GlobalStatementSyntax global })
            {
                editor.RemoveNode(global, SyntaxRemoveOptions.KeepDirectives);
            }
            else if (assignment.Parent is ExpressionStatementSyntax statement)
            {
                editor.RemoveNode(statement, SyntaxRemoveOptions.KeepDirectives);
            }

            return editor.GetChangedDocument();
        }
    }
}
