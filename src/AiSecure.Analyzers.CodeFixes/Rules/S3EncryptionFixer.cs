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
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace AiSecure.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// AISEC010: writes <c>ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS</c> (replacing a weaker method)
    /// and the key id; rewrites a convenience call into its request form with SSE-KMS.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(S3EncryptionFixer)), Shared]
    public sealed class S3EncryptionFixer : CodeFixProvider
    {
        public const string UseKmsEquivalenceKey = "AISEC010.UseSseKms";
        public const string UseRequestEquivalenceKey = "AISEC010.UseRequestWithSseKms";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.S3ObjectWithoutKmsKey);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(S3EncryptionAnalyzer.KindProperty, out var kind))
                {
                    continue;
                }

                if (kind == S3EncryptionAnalyzer.Convenience)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Use the request overload with SSE-KMS", ct => RewriteCallAsync(context.Document, diagnostic, ct), UseRequestEquivalenceKey),
                        diagnostic);
                }
                else if (diagnostic.AdditionalLocations.Count >= 2)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Use SSE-KMS with a customer-managed key", ct => UseKmsAsync(context.Document, diagnostic, ct), UseKmsEquivalenceKey),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        private static async Task<Document> UseKmsAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return document;
            }

            var creation = root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();
            if (creation == null)
            {
                return document;
            }

            var properties = diagnostic.Properties;
            var methodWrite = Has(properties, S3EncryptionAnalyzer.HasMethodWriteProperty)
                ? root.FindNode(diagnostic.AdditionalLocations[1].SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AssignmentExpressionSyntax>()
                : null;
            var keyWrite = Has(properties, S3EncryptionAnalyzer.HasKeyWriteProperty) && diagnostic.AdditionalLocations.Count > 2
                ? root.FindNode(diagnostic.AdditionalLocations[2].SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AssignmentExpressionSyntax>()
                : null;
            var methodProperty = properties.TryGetValue(S3EncryptionAnalyzer.MethodPropertyProperty, out var name) && name != null ? name : EncryptionAtRestCatalog.S3MethodProperty;
            var sseType = TypeResolver.Get(model.Compilation, EncryptionAtRestCatalog.ServerSideEncryptionMethodType);
            if (sseType == null)
            {
                return document;
            }

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var newLine = KmsFixSupport.NewLine(root);
            var keyPosition = keyWrite?.SpanStart ?? methodWrite?.SpanStart ?? creation.SpanStart;
            var keyTarget = FindProperty(model.GetTypeInfo(creation, cancellationToken).Type, EncryptionAtRestCatalog.S3KeyIdProperty)?.Type;
            properties.TryGetValue(S3EncryptionAnalyzer.KeyExpressionProperty, out var option);
            var needsSystem = false;
            ExpressionSyntax Key()
            {
                var key = KmsFixSupport.GetKeyExpression(model, keyPosition, option, keyTarget, out var system);
                needsSystem |= system;
                return key;
            }

            var toCreation = new List<ExpressionSyntax>();
            if (Has(properties, S3EncryptionAnalyzer.SetMethodProperty))
            {
                var kms = KmsValue(editor.Generator, sseType);
                if (methodWrite != null)
                {
                    editor.ReplaceNode(methodWrite.Right, kms.WithTriviaFrom(methodWrite.Right));
                }
                else
                {
                    toCreation.Add(KmsFixSupport.Assign(methodProperty, kms));
                }
            }

            if (Has(properties, S3EncryptionAnalyzer.SetKeyProperty))
            {
                var keyAssignment = KmsFixSupport.Assign(EncryptionAtRestCatalog.S3KeyIdProperty, Key());
                if (keyWrite != null)
                {
                    editor.ReplaceNode(keyWrite.Right, keyAssignment.Right.WithTriviaFrom(keyWrite.Right));
                }
                else if (methodWrite?.Parent is InitializerExpressionSyntax initializer && initializer != creation.Initializer)
                {
                    editor.ReplaceNode(initializer, (current, _) => KmsFixSupport.AddMembers((InitializerExpressionSyntax)current, new[] { keyAssignment }, newLine));
                }
                else if (methodWrite is { Parent: ExpressionStatementSyntax statement, Left: MemberAccessExpressionSyntax target })
                {
                    var assignment = SyntaxFactory.AssignmentExpression(
                        SyntaxKind.SimpleAssignmentExpression,
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, target.Expression.WithoutTrivia(), SyntaxFactory.IdentifierName(EncryptionAtRestCatalog.S3KeyIdProperty)),
                        keyAssignment.OperatorToken,
                        keyAssignment.Right);
                    var newStatement = SyntaxFactory.ExpressionStatement(assignment)
                        .WithLeadingTrivia(KmsFixSupport.IndentationOf(statement.GetLeadingTrivia()))
                        .WithTrailingTrivia(statement.GetTrailingTrivia());
                    editor.InsertAfter(statement, newStatement);
                }
                else
                {
                    toCreation.Add(keyAssignment);
                }
            }

            if (toCreation.Count > 0)
            {
                editor.ReplaceNode(creation, (current, _) =>
                {
                    var withInitializer = KmsFixSupport.EnsureInitializer((BaseObjectCreationExpressionSyntax)current);
                    return withInitializer.WithInitializer(KmsFixSupport.AddMembers(withInitializer.Initializer!, toCreation, newLine));
                });
            }

            var newRoot = editor.GetChangedRoot();
            if (needsSystem)
            {
                newRoot = KmsFixSupport.AddSystemUsing(newRoot);
            }

            return document.WithSyntaxRoot(newRoot);
        }

        private static async Task<Document> RewriteCallAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null
                || !diagnostic.Properties.TryGetValue(S3EncryptionAnalyzer.RequestTypeProperty, out var requestTypeName) || requestTypeName == null)
            {
                return document;
            }

            var invocation = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
            var requestType = TypeResolver.Get(model.Compilation, requestTypeName);
            var sseType = TypeResolver.Get(model.Compilation, EncryptionAtRestCatalog.ServerSideEncryptionMethodType);
            if (invocation == null || requestType == null || sseType == null
                || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
            {
                return document;
            }

            var members = new List<ExpressionSyntax>();
            ArgumentSyntax? cancellation = null;
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                var parameter = operation.Arguments.FirstOrDefault(a => a.Syntax == argument)?.Parameter;
                if (parameter == null)
                {
                    return document;
                }

                if (parameter.Type.Name == nameof(CancellationToken))
                {
                    cancellation = argument;
                    continue;
                }

                if (!EncryptionAtRestCatalog.ConvenienceParameterToProperty.TryGetValue(parameter.Name, out var property))
                {
                    return document;
                }

                members.Add(KmsFixSupport.Assign(property, argument.Expression));
            }

            var generator = SyntaxGenerator.GetGenerator(document);
            members.Add(KmsFixSupport.Assign(EncryptionAtRestCatalog.S3MethodProperty, KmsValue(generator, sseType)));
            var keyTarget = FindProperty(requestType, EncryptionAtRestCatalog.S3KeyIdProperty)?.Type;
            diagnostic.Properties.TryGetValue(S3EncryptionAnalyzer.KeyExpressionProperty, out var option);
            var key = KmsFixSupport.GetKeyExpression(model, invocation.SpanStart, option, keyTarget, out var needsSystem);
            members.Add(KmsFixSupport.Assign(EncryptionAtRestCatalog.S3KeyIdProperty, key));

            // new TRequest⏎{⏎    A = a,⏎    …⏎}, at the indentation of the call's line.
            var newLine = KmsFixSupport.NewLine(root);
            var indentation = LineIndentation(invocation);
            var list = new List<SyntaxNodeOrToken>();
            foreach (var member in members)
            {
                list.Add(member.WithLeadingTrivia(SyntaxFactory.Whitespace(indentation + "    ")));
                list.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(newLine));
            }

            var initializer = SyntaxFactory.InitializerExpression(
                SyntaxKind.ObjectInitializerExpression,
                SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(newLine, SyntaxFactory.Whitespace(indentation)).WithTrailingTrivia(newLine),
                SyntaxFactory.SeparatedList<ExpressionSyntax>(list),
                SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Whitespace(indentation)));
            var typeSyntax = ((TypeSyntax)generator.TypeExpression(requestType)).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            var creation = SyntaxFactory.ObjectCreationExpression(SyntaxFactory.Token(SyntaxKind.NewKeyword).WithTrailingTrivia(SyntaxFactory.Space), typeSyntax, null, initializer);

            var arguments = new List<ArgumentSyntax> { SyntaxFactory.Argument(creation) };
            if (cancellation != null)
            {
                arguments.Add(cancellation.WithoutTrivia().WithLeadingTrivia(SyntaxFactory.Space));
            }

            var newArguments = invocation.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(arguments));
            var newRoot = root.ReplaceNode(invocation.ArgumentList, newArguments);
            if (needsSystem)
            {
                newRoot = KmsFixSupport.AddSystemUsing(newRoot);
            }

            return document.WithSyntaxRoot(newRoot);
        }

        private static bool Has(ImmutableDictionary<string, string?> properties, string key)
            => properties.TryGetValue(key, out var value) && value == "true";

        private static ExpressionSyntax KmsValue(SyntaxGenerator generator, INamedTypeSymbol sseType)
        {
            var type = generator.TypeExpression(sseType).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            return (ExpressionSyntax)generator.MemberAccessExpression(type, "AWSKMS");
        }

        internal static IPropertySymbol? FindProperty(ITypeSymbol? type, string name)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member is IPropertySymbol property)
                    {
                        return property;
                    }
                }
            }

            return null;
        }

        private static string LineIndentation(SyntaxNode node)
        {
            var text = node.SyntaxTree.GetText();
            var line = text.Lines.GetLineFromPosition(node.SpanStart).ToString();
            var length = 0;
            while (length < line.Length && char.IsWhiteSpace(line[length]))
            {
                length++;
            }

            return line.Substring(0, length);
        }
    }
}
