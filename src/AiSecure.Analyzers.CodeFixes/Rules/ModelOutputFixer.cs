using System.Collections.Generic;
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
    /// AISEC003 fixes, each a separate code action the analyzer chose through <see cref="Diagnostic.Properties"/>:
    /// HTML-encode model output before it becomes markup; wrap an <c>AIFunctionFactory.Create(…)</c> tool in
    /// <c>new ApprovalRequiredAIFunction(…)</c> so a person approves each call; confine a <c>Path.Combine(root, value)</c>
    /// path to <c>root</c> with a containment check that throws. SQL text and command lines have no safe rewrite
    /// that keeps the meaning (they need parameters or an allow-list), so no fix is offered there.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ModelOutputFixer)), Shared]
    public sealed class ModelOutputFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "AISEC003.HtmlEncode";

        public const string RequireApprovalKey = "AISEC003.RequireApproval";

        public const string ConfinePathKey = "AISEC003.ConfinePath";

        private const string FullPathName = "fullPath";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ModelOutputToDangerousSink);

        // One pass per document: several findings in one tool share its wrapper, several paths in one statement get one name each.
        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
            async (context, document, diagnostics) => await FixDocumentAsync(document, diagnostics, context.CodeActionEquivalenceKey, context.CancellationToken).ConfigureAwait(false));

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
                var diagnostics = ImmutableArray.Create(diagnostic);
                var document = context.Document;
                if (IsHtml(diagnostic) && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax value
                    && model.GetTypeInfo(value, context.CancellationToken).Type?.SpecialType == SpecialType.System_String)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("HTML-encode the model output", ct => FixDocumentAsync(document, diagnostics, EquivalenceKey, ct), EquivalenceKey),
                        diagnostic);
                }

                if (diagnostic.Properties.ContainsKey(ModelOutputAnalyzer.ConfinePathProperty))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Confine the path to its root directory", ct => FixDocumentAsync(document, diagnostics, ConfinePathKey, ct), ConfinePathKey),
                        diagnostic);
                }

                if (diagnostic.Properties.ContainsKey(ModelOutputAnalyzer.RequireApprovalProperty))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Require approval for each call of the tool", ct => FixDocumentAsync(document, diagnostics, RequireApprovalKey, ct), RequireApprovalKey),
                        diagnostic);
                }
            }
        }

        private static bool IsHtml(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(ModelOutputAnalyzer.SinkKindProperty, out var kind) && kind == nameof(DangerousSinkKind.Html);

        private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? key, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return document;
            }

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var edited = new HashSet<SyntaxNode>();
            var names = new HashSet<string>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (node is not ExpressionSyntax value)
                {
                    continue;
                }

                switch (key)
                {
                    case EquivalenceKey when IsHtml(diagnostic):
                        foreach (var part in TextParts(value, model, cancellationToken))
                        {
                            if (edited.Add(part))
                            {
                                editor.ReplaceNode(part, Encode(part));
                            }
                        }

                        break;
                    case RequireApprovalKey when diagnostic.Properties.TryGetValue(ModelOutputAnalyzer.RequireApprovalProperty, out var parameter) && parameter != null:
                        if (ToolFactoryCall(value, parameter) is { } factory && edited.Add(factory))
                        {
                            editor.ReplaceNode(factory, RequireApproval(factory));
                        }

                        break;
                    case ConfinePathKey when diagnostic.Properties.TryGetValue(ModelOutputAnalyzer.ConfinePathProperty, out var shape):
                        if (shape == ModelOutputAnalyzer.ConfineLocal)
                        {
                            ConfineLocal(editor, value, model, edited, cancellationToken);
                        }
                        else if (edited.Add(value))
                        {
                            ConfineInline(editor, value, model, names, cancellationToken);
                        }

                        break;
                }
            }

            var changed = await ImportAdder.AddImportsAsync(editor.GetChangedDocument(), Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        // ---- HTML-encode ----

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

        private static ExpressionSyntax Encode(ExpressionSyntax value)
            => SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Imported("global::System.Net.WebUtility"), SyntaxFactory.IdentifierName("HtmlEncode")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(value.WithoutTrivia()))))
                .WithTriviaFrom(value)
                .WithAdditionalAnnotations(Formatter.Annotation);

        // ---- Require approval ----

        /// <summary>The <c>AIFunctionFactory.Create(…)</c> call whose lambda declares <paramref name="parameter"/> and holds <paramref name="value"/>.</summary>
        private static InvocationExpressionSyntax? ToolFactoryCall(SyntaxNode value, string parameter)
        {
            foreach (var function in value.Ancestors().OfType<AnonymousFunctionExpressionSyntax>())
            {
                var declares = function switch
                {
                    SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText == parameter,
                    ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters.Any(p => p.Identifier.ValueText == parameter),
                    AnonymousMethodExpressionSyntax anonymous => anonymous.ParameterList?.Parameters.Any(p => p.Identifier.ValueText == parameter) == true,
                    _ => false,
                };
                if (declares)
                {
                    return function.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax factory } } ? factory : null;
                }
            }

            return null;
        }

        private static ExpressionSyntax RequireApproval(InvocationExpressionSyntax factory)
            => SyntaxFactory.ObjectCreationExpression(
                    Imported("global::Microsoft.Extensions.AI.ApprovalRequiredAIFunction"),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(factory.WithoutTrivia()))),
                    null)
                .WithTriviaFrom(factory);

        // ---- Confine a combined path ----

        /// <summary>
        /// <c>File.ReadAllText(Path.Combine(root, name))</c>: the full path goes into a local checked against the root
        /// before the statement, and the sink reads the local.
        /// </summary>
        private static void ConfineInline(DocumentEditor editor, ExpressionSyntax combine, SemanticModel model, HashSet<string> names, CancellationToken cancellationToken)
        {
            if (combine is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: >= 2 } invocation)
            {
                return;
            }

            var statement = AnchorStatement(combine, out var body);
            var position = statement?.SpanStart ?? body?.SpanStart ?? combine.SpanStart;
            // Names taken by this pass count within the same function only.
            var scope = ((SyntaxNode?)statement ?? combine).Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax);
            var name = UniqueName(model, position, names, (scope?.SpanStart ?? 0) + ":", cancellationToken);
            var declaration = SyntaxFactory.LocalDeclarationStatement(
                SyntaxFactory.VariableDeclaration(
                    SyntaxFactory.IdentifierName("var"),
                    SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(name))
                        .WithInitializer(SyntaxFactory.EqualsValueClause(GetFullPath(combine.WithoutTrivia()))))));
            var guard = Guard(SyntaxFactory.IdentifierName(name), RootOf(invocation));
            var added = new StatementSyntax[] { declaration.WithAdditionalAnnotations(Formatter.Annotation), guard };

            editor.ReplaceNode(combine, SyntaxFactory.IdentifierName(name).WithTriviaFrom(combine));
            if (statement != null)
            {
                // The statement's comments move up with the check; a blank line then sets the check apart.
                var leading = statement.GetLeadingTrivia();
                var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? leading[leading.Count - 1] : default;
                var endOfLine = statement.GetTrailingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                if (!endOfLine.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    endOfLine = SyntaxFactory.ElasticCarriageReturnLineFeed;
                }

                added[0] = added[0].WithLeadingTrivia(leading);
                editor.InsertBefore(statement, added);
                editor.ReplaceNode(statement, (current, _) => current.WithLeadingTrivia(indentation.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(endOfLine, indentation) : SyntaxFactory.TriviaList(endOfLine)));
            }
            else if (body?.Parent is { } owner)
            {
                var returns = ReturnsValue(owner, model, cancellationToken);
                var endOfLine = owner.SyntaxTree.GetRoot(cancellationToken).DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString();
                editor.ReplaceNode(owner, (current, _) => WithBlockBody(current, added, returns, endOfLine.Length > 0 ? endOfLine : "\n"));
            }
        }

        /// <summary>
        /// <c>var file = Path.Combine(root, name); … File.ReadAllText(file)</c>: the local becomes the full path, checked
        /// against the root right after its declaration.
        /// </summary>
        private static void ConfineLocal(DocumentEditor editor, ExpressionSyntax value, SemanticModel model, HashSet<SyntaxNode> edited, CancellationToken cancellationToken)
        {
            if (value is not IdentifierNameSyntax identifier
                || model.GetSymbolInfo(identifier, cancellationToken).Symbol is not ILocalSymbol local
                || local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: InvocationExpressionSyntax { ArgumentList.Arguments.Count: >= 2 } combine } declarator
                || declarator.Parent?.Parent is not LocalDeclarationStatementSyntax declaration
                || declaration.Parent is not BlockSyntax
                || !edited.Add(declarator))
            {
                return;
            }

            editor.ReplaceNode(combine, GetFullPath(combine.WithoutTrivia()).WithTriviaFrom(combine));
            editor.InsertAfter(declaration, Guard(SyntaxFactory.IdentifierName(declarator.Identifier.ValueText), RootOf(combine)));
        }

        /// <summary>
        /// The statement of a block before which the check goes, with no function between it and the value; or, for an
        /// expression-bodied member or lambda, the expression body to turn into a block.
        /// </summary>
        private static StatementSyntax? AnchorStatement(SyntaxNode value, out SyntaxNode? expressionBody)
        {
            expressionBody = null;
            for (SyntaxNode? current = value; current != null; current = current.Parent)
            {
                if (current is StatementSyntax statement && statement.Parent is BlockSyntax)
                {
                    return statement;
                }

                if (current is ArrowExpressionClauseSyntax arrow && arrow.Parent is MethodDeclarationSyntax or LocalFunctionStatementSyntax)
                {
                    expressionBody = arrow;
                    return null;
                }

                if (current.Parent is AnonymousFunctionExpressionSyntax lambda)
                {
                    if (lambda.ExpressionBody == current)
                    {
                        expressionBody = current;
                    }

                    return null;
                }

                if (current is StatementSyntax or MemberDeclarationSyntax)
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>
        /// Turns an expression body into a block: the added statements, then the expression as a return or an expression
        /// statement; a body made a block by an earlier edit gets the statements before its last one.
        /// </summary>
        private static SyntaxNode WithBlockBody(SyntaxNode owner, StatementSyntax[] added, bool returns, string endOfLine)
        {
            switch (owner)
            {
                case MethodDeclarationSyntax { ExpressionBody: { } arrow } method:
                    // The line end after the ';' moves to the new '}': without it the blank line before the next member is lost.
                    return method.WithExpressionBody(null).WithSemicolonToken(default)
                        .WithBody(Block(added, arrow.Expression, returns, endOfLine).WithTrailingTrivia(method.SemicolonToken.TrailingTrivia)).WithAdditionalAnnotations(Formatter.Annotation);
                case LocalFunctionStatementSyntax { ExpressionBody: { } arrow } function:
                    return function.WithExpressionBody(null).WithSemicolonToken(default)
                        .WithBody(Block(added, arrow.Expression, returns, endOfLine).WithTrailingTrivia(function.SemicolonToken.TrailingTrivia)).WithAdditionalAnnotations(Formatter.Annotation);
                case LambdaExpressionSyntax { ExpressionBody: { } expression } lambda:
                    return lambda.WithExpressionBody(null).WithBlock(Block(added, expression, returns, endOfLine)).WithAdditionalAnnotations(Formatter.Annotation);
                case MethodDeclarationSyntax { Body: { } body } method:
                    return method.WithBody(InsertBeforeLast(body, added));
                case LocalFunctionStatementSyntax { Body: { } body } function:
                    return function.WithBody(InsertBeforeLast(body, added));
                case LambdaExpressionSyntax { Block: { } body } lambda:
                    return lambda.WithBlock(InsertBeforeLast(body, added));
                default:
                    return owner;
            }
        }

        private static BlockSyntax InsertBeforeLast(BlockSyntax body, StatementSyntax[] added)
            => body.WithStatements(body.Statements.InsertRange(System.Math.Max(0, body.Statements.Count - 1), added));

        private static BlockSyntax Block(StatementSyntax[] added, ExpressionSyntax expression, bool returns, string endOfLine)
        {
            StatementSyntax last = returns
                ? SyntaxFactory.ReturnStatement(expression.WithoutLeadingTrivia())
                : SyntaxFactory.ExpressionStatement(expression.WithoutLeadingTrivia());
            // Laid out line by line here: the formatter keeps a lambda's or local function's block on the line it finds it on.
            return SyntaxFactory.Block(added.Concat(new[] { last }))
                .NormalizeWhitespace(eol: endOfLine)
                .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>Whether the function owning an expression body returns its value (not void, not a bare Task of an async function).</summary>
        private static bool ReturnsValue(SyntaxNode owner, SemanticModel model, CancellationToken cancellationToken)
        {
            var symbol = owner is LambdaExpressionSyntax ? model.GetSymbolInfo(owner, cancellationToken).Symbol : model.GetDeclaredSymbol(owner, cancellationToken);
            if (symbol is not IMethodSymbol method || method.ReturnsVoid)
            {
                return false;
            }

            return !(method.IsAsync && method.ReturnType is INamedTypeSymbol { IsGenericType: false, Name: "Task" or "ValueTask" });
        }

        private static string UniqueName(SemanticModel model, int position, HashSet<string> taken, string scope, CancellationToken cancellationToken)
        {
            for (var i = 1; ; i++)
            {
                var name = i == 1 ? FullPathName : FullPathName + i;
                if (!taken.Contains(scope + name) && model.LookupSymbols(position, name: name).IsEmpty)
                {
                    taken.Add(scope + name);
                    return name;
                }

                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        private static ExpressionSyntax GetFullPath(ExpressionSyntax path)
            => SyntaxFactory.InvocationExpression(PathMember("GetFullPath"), SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(path))));

        /// <summary>
        /// The directory the value is combined into: <c>root</c> of <c>Path.Combine(root, value)</c>, and
        /// <c>Path.Combine(root, "notes")</c> of <c>Path.Combine(root, "notes", value)</c> (the same method, every segment but the last).
        /// </summary>
        private static ExpressionSyntax RootOf(InvocationExpressionSyntax combine)
        {
            var arguments = combine.ArgumentList.Arguments;
            return arguments.Count == 2
                ? arguments[0].Expression
                : combine.WithoutTrivia().WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments.Take(arguments.Count - 1).Select(a => a.WithoutTrivia()))));
        }

        /// <summary>
        /// <c>if (!full.StartsWith(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal)) throw …;</c>
        /// The root ends in one separator, so <c>/srv/notes-old</c> does not pass for <c>/srv/notes</c>.
        /// </summary>
        private static StatementSyntax Guard(ExpressionSyntax fullPath, ExpressionSyntax root)
        {
            var separator = PathMember("DirectorySeparatorChar");
            var trimmedRoot = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, GetFullPath(root.WithoutTrivia()), SyntaxFactory.IdentifierName("TrimEnd")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(separator))));
            var prefix = SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, trimmedRoot, PathMember("DirectorySeparatorChar"));
            var startsWith = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, fullPath, SyntaxFactory.IdentifierName("StartsWith")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                {
                    SyntaxFactory.Argument(prefix),
                    SyntaxFactory.Argument(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Imported("global::System.StringComparison"), SyntaxFactory.IdentifierName("Ordinal"))),
                })));
            var thrown = SyntaxFactory.ObjectCreationExpression(
                Imported("global::System.UnauthorizedAccessException"),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("The path leaves its root directory."))))),
                null);
            return SyntaxFactory.IfStatement(
                    SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, startsWith),
                    SyntaxFactory.Block(SyntaxFactory.ThrowStatement(thrown)))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        private static ExpressionSyntax PathMember(string name)
            => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Imported("global::System.IO.Path"), SyntaxFactory.IdentifierName(name));

        /// <summary>A fully qualified type the simplifier shortens, adding its <c>using</c> when the file lacks it.</summary>
        private static TypeSyntax Imported(string fullName)
            => SyntaxFactory.ParseTypeName(fullName).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
    }
}
