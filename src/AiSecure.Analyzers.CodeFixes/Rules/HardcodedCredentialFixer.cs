using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AiSecure.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace AiSecure.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// AISEC040: replaces the hard-coded key with <c>Environment.GetEnvironmentVariable("NAME")</c> (with
    /// <c>!</c> where the target is a non-nullable string). The replacement goes where the analyzer says:
    /// the literal itself (also in a local, readonly field or property initializer), or the use of a
    /// <c>const</c>, which cannot hold a call; the constant then stays, and the user deletes it.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedCredentialFixer)), Shared]
    public sealed class HardcodedCredentialFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "AISEC040.EnvironmentVariable";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HardcodedCredential);

        public override FixAllProvider GetFixAllProvider() => FixAll.Instance;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!TryGetEdit(diagnostic, out var edit))
                {
                    continue;
                }

                var solution = context.Document.Project.Solution;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Read the key from the {edit.Variable} environment variable",
                        ct => ApplyAsync(solution, new[] { edit }, ct),
                        EquivalenceKey),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        private static bool TryGetEdit(Diagnostic diagnostic, out Edit edit)
        {
            edit = default;
            if (diagnostic.AdditionalLocations.Count == 0
                || diagnostic.AdditionalLocations[0].SourceTree is not { } tree
                || !diagnostic.Properties.TryGetValue(HardcodedCredentialAnalyzer.VariableProperty, out var variable)
                || string.IsNullOrEmpty(variable))
            {
                return false;
            }

            diagnostic.Properties.TryGetValue(HardcodedCredentialAnalyzer.NullForgivingProperty, out var forgive);
            edit = new Edit(tree, diagnostic.AdditionalLocations[0].SourceSpan, variable!, forgive == "true");
            return true;
        }

        private static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<Edit> edits, CancellationToken cancellationToken)
        {
            foreach (var group in edits.GroupBy(e => e.Tree))
            {
                var document = solution.GetDocument(group.Key);
                if (document == null)
                {
                    continue;
                }

                var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (root == null)
                {
                    continue;
                }

                var targets = new Dictionary<ExpressionSyntax, Edit>();
                foreach (var edit in group)
                {
                    if (root.FindNode(edit.Span, getInnermostNodeForTie: true) is ExpressionSyntax expression
                        && expression.Span == edit.Span
                        && !targets.ContainsKey(expression))
                    {
                        targets.Add(expression, edit);
                    }
                }

                if (targets.Count == 0)
                {
                    continue;
                }

                var newRoot = root.ReplaceNodes(targets.Keys, (original, _) => CreateCall(targets[original]).WithTriviaFrom(original));
                var changed = document.WithSyntaxRoot(newRoot);
                changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
                changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
                solution = changed.Project.Solution;
            }

            return solution;
        }

        private static ExpressionSyntax CreateCall(Edit edit)
        {
            // global::System.Environment: the simplifier shortens it to Environment and the import adder adds "using System;" when needed.
            var environment = SyntaxFactory.ParseExpression("global::System.Environment")
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            ExpressionSyntax call = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, environment, SyntaxFactory.IdentifierName("GetEnvironmentVariable")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(edit.Variable))))));
            if (edit.NullForgiving)
            {
                call = SyntaxFactory.PostfixUnaryExpression(SyntaxKind.SuppressNullableWarningExpression, call);
            }

            return call;
        }

        private readonly struct Edit
        {
            public Edit(SyntaxTree tree, TextSpan span, string variable, bool nullForgiving)
            {
                Tree = tree;
                Span = span;
                Variable = variable;
                NullForgiving = nullForgiving;
            }

            public SyntaxTree Tree { get; }

            public TextSpan Span { get; }

            public string Variable { get; }

            public bool NullForgiving { get; }
        }

        /// <summary>Fix All: the edits of every diagnostic in scope, applied per document in one pass (a const's uses may sit in other files).</summary>
        private sealed class FixAll : FixAllProvider
        {
            public static readonly FixAll Instance = new();

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
                => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                var diagnostics = new List<Diagnostic>();
                switch (fixAllContext.Scope)
                {
                    case FixAllScope.Document when fixAllContext.Document != null:
                        diagnostics.AddRange(await fixAllContext.GetDocumentDiagnosticsAsync(fixAllContext.Document).ConfigureAwait(false));
                        break;
                    case FixAllScope.Project:
                        diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false));
                        break;
                    case FixAllScope.Solution:
                        foreach (var project in fixAllContext.Solution.Projects)
                        {
                            diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                        }

                        break;
                }

                var edits = new List<Edit>();
                foreach (var diagnostic in diagnostics)
                {
                    if (TryGetEdit(diagnostic, out var edit))
                    {
                        edits.Add(edit);
                    }
                }

                if (edits.Count == 0)
                {
                    return null;
                }

                var solution = fixAllContext.Solution;
                return CodeAction.Create(
                    "Read hard-coded keys from environment variables",
                    ct => ApplyAsync(solution, edits, ct),
                    fixAllContext.CodeActionEquivalenceKey);
            }
        }
    }
}
