using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using AiSecure.Analyzers.Knowledge;
using AiSecure.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace AiSecure.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// AISEC003: HTML-encodes model output before it becomes markup. SQL text and command lines have no
    /// safe rewrite that keeps the meaning (they need parameters or an allow-list), so no fix is offered there.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ModelOutputFixer)), Shared]
    public sealed class ModelOutputFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "AISEC003.HtmlEncode";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ModelOutputToDangerousSink);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(ModelOutputAnalyzer.SinkKindProperty, out var kind) || kind != nameof(DangerousSinkKind.Html))
                {
                    continue;
                }

                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value
                    || model.GetTypeInfo(value, context.CancellationToken).Type?.SpecialType != SpecialType.System_String)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create("HTML-encode the model output", ct => EncodeAsync(context.Document, value, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> EncodeAsync(Document document, ExpressionSyntax value, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var webUtility = SyntaxFactory.ParseTypeName("global::System.Net.WebUtility").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            var encoder = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, webUtility, SyntaxFactory.IdentifierName("HtmlEncode"));
            var call = SyntaxFactory.InvocationExpression(
                    encoder,
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(value.WithoutTrivia()))))
                .WithTriviaFrom(value)
                .WithAdditionalAnnotations(Formatter.Annotation);
            editor.ReplaceNode(value, call);
            var changed = await ImportAdder.AddImportsAsync(editor.GetChangedDocument(), Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
