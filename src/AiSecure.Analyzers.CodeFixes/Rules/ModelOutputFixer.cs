using System.Collections.Immutable;
using System.Composition;
using System.Linq;
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

                // In a markup template ($"<p>{text}</p>", "<p>" + text + "</p>") only the text parts are encoded, so the markup stays markup.
                var parts = TextParts(value, model, context.CancellationToken);
                context.RegisterCodeFix(
                    CodeAction.Create("HTML-encode the model output", ct => EncodeAsync(context.Document, parts, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>
        /// The expressions to encode: the non-constant string holes of an interpolated string, or the non-literal
        /// string operands of a concatenation; the whole value when it is neither (or has no such part).
        /// </summary>
        private static ImmutableArray<ExpressionSyntax> TextParts(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
        {
            var template = value;
            while (template is ParenthesizedExpressionSyntax parenthesized)
            {
                template = parenthesized.Expression;
            }

            var parts = ImmutableArray.CreateBuilder<ExpressionSyntax>();
            if (template is InterpolatedStringExpressionSyntax interpolated)
            {
                foreach (var interpolation in interpolated.Contents.OfType<InterpolationSyntax>())
                {
                    if (interpolation.FormatClause == null && IsVariableText(interpolation.Expression, model, cancellationToken))
                    {
                        parts.Add(interpolation.Expression);
                    }
                }
            }
            else if (template is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
            {
                CollectOperands(binary, model, cancellationToken, parts);
            }

            return parts.Count > 0 ? parts.ToImmutable() : ImmutableArray.Create(value);
        }

        private static void CollectOperands(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken, ImmutableArray<ExpressionSyntax>.Builder parts)
        {
            if (expression is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression)
                && model.GetTypeInfo(binary, cancellationToken).Type?.SpecialType == SpecialType.System_String)
            {
                CollectOperands(binary.Left, model, cancellationToken, parts);
                CollectOperands(binary.Right, model, cancellationToken, parts);
            }
            else if (IsVariableText(expression, model, cancellationToken))
            {
                parts.Add(expression);
            }
        }

        private static bool IsVariableText(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
            => model.GetTypeInfo(expression, cancellationToken).Type?.SpecialType == SpecialType.System_String
            && !model.GetConstantValue(expression, cancellationToken).HasValue;

        private static async Task<Document> EncodeAsync(Document document, ImmutableArray<ExpressionSyntax> parts, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            foreach (var value in parts)
            {
                var webUtility = SyntaxFactory.ParseTypeName("global::System.Net.WebUtility").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
                var encoder = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, webUtility, SyntaxFactory.IdentifierName("HtmlEncode"));
                var call = SyntaxFactory.InvocationExpression(
                        encoder,
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(value.WithoutTrivia()))))
                    .WithTriviaFrom(value)
                    .WithAdditionalAnnotations(Formatter.Annotation);
                editor.ReplaceNode(value, call);
            }

            var changed = await ImportAdder.AddImportsAsync(editor.GetChangedDocument(), Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
