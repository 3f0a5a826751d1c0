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

namespace AiSecure.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// AISEC011: adds the missing KMS key properties into the existing (nested) initializers, creating nested objects
    /// only where the path has none; replaces an explicit null/empty key with the key id.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SageMakerEncryptionFixer)), Shared]
    public sealed class SageMakerEncryptionFixer : CodeFixProvider
    {
        public const string SetKeysEquivalenceKey = "AISEC011.SetKmsKeys";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SageMakerWithoutKmsKey);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                var replace = diagnostic.Properties.TryGetValue(SageMakerEncryptionAnalyzer.ReplaceValueProperty, out var flag) && flag == "true";
                var add = diagnostic.Properties.TryGetValue(SageMakerEncryptionAnalyzer.FixPathsProperty, out var paths) && !string.IsNullOrEmpty(paths);
                if ((replace || add) && diagnostic.AdditionalLocations.Count > 0)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Set the KMS key ids", ct => FixAsync(context.Document, diagnostic, replace, ct), SetKeysEquivalenceKey),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, bool replace, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return document;
            }

            diagnostic.Properties.TryGetValue(SageMakerEncryptionAnalyzer.KeyExpressionProperty, out var option);
            var needsSystem = false;
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            if (replace)
            {
                var value = root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax;
                var assignment = value?.Parent as AssignmentExpressionSyntax;
                if (value == null || assignment == null)
                {
                    return document;
                }

                var target = (model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol as IPropertySymbol)?.Type;
                var key = KmsFixSupport.GetKeyExpression(model, value.SpanStart, option, target, out needsSystem);
                editor.ReplaceNode(value, key.WithTriviaFrom(value));
            }
            else
            {
                var paths = diagnostic.Properties[SageMakerEncryptionAnalyzer.FixPathsProperty]!.Split('|');
                var newLine = KmsFixSupport.NewLine(root);
                var byTarget = new Dictionary<SyntaxNode, List<string>>();
                for (var i = 0; i < paths.Length && i < diagnostic.AdditionalLocations.Count; i++)
                {
                    var node = root.FindNode(diagnostic.AdditionalLocations[i].SourceSpan, getInnermostNodeForTie: true);
                    var target = node switch
                    {
                        BaseObjectCreationExpressionSyntax creation => creation,
                        AssignmentExpressionSyntax { Right: InitializerExpressionSyntax } memberInitializer => memberInitializer,
                        _ => (SyntaxNode?)node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>(),
                    };
                    if (target == null)
                    {
                        continue;
                    }

                    if (!byTarget.TryGetValue(target, out var list))
                    {
                        list = new List<string>();
                        byTarget.Add(target, list);
                    }

                    list.Add(paths[i]);
                }

                var generator = editor.Generator;
                var builders = new List<PathBuilder>();
                foreach (var pair in byTarget)
                {
                    var targetNode = pair.Key;
                    var type = targetNode is AssignmentExpressionSyntax memberInitializer
                        ? (model.GetSymbolInfo(memberInitializer.Left, cancellationToken).Symbol as IPropertySymbol)?.Type
                        : model.GetTypeInfo(targetNode, cancellationToken).Type;
                    if (type == null)
                    {
                        continue;
                    }

                    var builder = new PathBuilder(model, generator, targetNode.SpanStart, option, newLine);
                    builders.Add(builder);
                    var targetPaths = pair.Value;
                    editor.ReplaceNode(targetNode, (current, _) =>
                    {
                        switch (current)
                        {
                            case BaseObjectCreationExpressionSyntax creation:
                                var withInitializer = KmsFixSupport.EnsureInitializer(creation);
                                var initializer = withInitializer.Initializer!;
                                foreach (var path in targetPaths)
                                {
                                    initializer = builder.Add(initializer, type, path.Split('.'));
                                }

                                return withInitializer.WithInitializer(initializer);
                            case AssignmentExpressionSyntax { Right: InitializerExpressionSyntax nested } assignment:
                                foreach (var path in targetPaths)
                                {
                                    nested = builder.Add(nested, type, path.Split('.'));
                                }

                                return assignment.WithRight(nested);
                            default:
                                return current;
                        }
                    });
                }

                // The edits run when the root is produced; only then do the builders know what they wrote.
                var changed = editor.GetChangedRoot();
                needsSystem = builders.Any(b => b.NeedsSystem);
                return document.WithSyntaxRoot(needsSystem ? KmsFixSupport.AddSystemUsing(changed) : changed);
            }

            var newRoot = editor.GetChangedRoot();
            if (needsSystem)
            {
                newRoot = KmsFixSupport.AddSystemUsing(newRoot);
            }

            return document.WithSyntaxRoot(newRoot);
        }

        /// <summary>Writes one path into an initializer: into the nested initializers that exist, new objects for the rest.</summary>
        private sealed class PathBuilder
        {
            private readonly SemanticModel _model;
            private readonly SyntaxGenerator _generator;
            private readonly int _position;
            private readonly string? _option;
            private readonly SyntaxTrivia _newLine;

            public PathBuilder(SemanticModel model, SyntaxGenerator generator, int position, string? option, SyntaxTrivia newLine)
            {
                _model = model;
                _generator = generator;
                _position = position;
                _option = option;
                _newLine = newLine;
            }

            public bool NeedsSystem { get; private set; }

            public InitializerExpressionSyntax Add(InitializerExpressionSyntax initializer, ITypeSymbol type, string[] segments)
            {
                var name = segments[0];
                var property = S3EncryptionFixer.FindProperty(type, name);
                if (property == null)
                {
                    return initializer;
                }

                if (segments.Length == 1)
                {
                    return KmsFixSupport.SetMember(initializer, name, Key(property.Type), _newLine);
                }

                var rest = segments.Skip(1).ToArray();
                var existing = initializer.Expressions.OfType<AssignmentExpressionSyntax>().FirstOrDefault(e => KmsFixSupport.AssignedName(e) == name);
                if (existing == null)
                {
                    return KmsFixSupport.AddMembers(initializer, new[] { KmsFixSupport.Assign(name, Build(property.Type, rest)) }, _newLine);
                }

                ExpressionSyntax right;
                switch (existing.Right)
                {
                    case BaseObjectCreationExpressionSyntax creation:
                        var withInitializer = KmsFixSupport.EnsureInitializer(creation);
                        right = withInitializer.WithInitializer(Add(withInitializer.Initializer!, property.Type, rest));
                        break;
                    case InitializerExpressionSyntax nested:
                        right = Add(nested, property.Type, rest);
                        break;
                    default:
                        right = Build(property.Type, rest).WithTriviaFrom(existing.Right);
                        break;
                }

                return initializer.ReplaceNode(existing, existing.WithRight(right));
            }

            /// <summary><c>new T { A = new U { Key = key } }</c> on one line.</summary>
            private ExpressionSyntax Build(ITypeSymbol type, string[] segments)
            {
                var property = S3EncryptionFixer.FindProperty(type, segments[0]);
                ExpressionSyntax value = property == null
                    ? SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression)
                    : segments.Length == 1 ? Key(property.Type) : Build(property.Type, segments.Skip(1).ToArray());
                var typeSyntax = ((TypeSyntax)_generator.TypeExpression(type)).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
                var initializer = SyntaxFactory.InitializerExpression(
                    SyntaxKind.ObjectInitializerExpression,
                    SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(SyntaxFactory.Space),
                    SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(KmsFixSupport.Assign(segments[0], value).WithTrailingTrivia(SyntaxFactory.Space)),
                    SyntaxFactory.Token(SyntaxKind.CloseBraceToken));
                return SyntaxFactory.ObjectCreationExpression(
                    SyntaxFactory.Token(SyntaxKind.NewKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                    typeSyntax.WithTrailingTrivia(SyntaxFactory.Space),
                    null,
                    initializer);
            }

            private ExpressionSyntax Key(ITypeSymbol target)
            {
                var key = KmsFixSupport.GetKeyExpression(_model, _position, _option, target, out var system);
                NeedsSystem |= system;
                return key;
            }
        }
    }
}
