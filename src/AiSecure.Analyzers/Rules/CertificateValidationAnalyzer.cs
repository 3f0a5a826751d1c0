using System.Collections.Immutable;
using System.Linq;
using AiSecure.Analyzers.Flow;
using AiSecure.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Rules
{
    /// <summary>AISEC021: a TLS server certificate validation callback accepts every certificate.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CertificateValidationAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CertificateValidationDisabled);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            // Every .NET project references HttpClientHandler; few set a validation callback, and none can without its name.
            // The text is read before any type is looked up: the first lookup in a compilation is not free.
            if (!SourceWords.AnyIn(context.Compilation, SourceWords.CertificateCallbacks, context.CancellationToken))
            {
                return;
            }

            var symbols = new CallbackSymbols(context.Compilation);
            if (!symbols.HasAny)
            {
                return;
            }

            context.RegisterOperationAction(c => Analyze(c, symbols), OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
        }

        private static void Analyze(OperationAnalysisContext context, CallbackSymbols symbols)
        {
            var assignment = (IAssignmentOperation)context.Operation;
            if (assignment is ICompoundAssignmentOperation { OperatorKind: not BinaryOperatorKind.Add })
            {
                return;
            }

            if (assignment.Target is not IPropertyReferenceOperation { Property: { } property } || !symbols.IsValidationCallback(property))
            {
                return;
            }

            if (!AcceptsEveryCertificate(assignment.Value, symbols, context))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.CertificateValidationDisabled,
                assignment.Syntax.GetLocation(),
                $"The '{property.Name}' set here"));
        }

        private static bool AcceptsEveryCertificate(IOperation value, CallbackSymbols symbols, OperationAnalysisContext context, int depth = 0)
        {
            value = value.WalkDownConversions();
            if (value is IDelegateCreationOperation creation)
            {
                value = creation.Target.WalkDownConversions();
            }

            switch (value)
            {
                case IPropertyReferenceOperation { Property: { Name: "DangerousAcceptAnyServerCertificateValidator", IsStatic: true } accept }
                    when accept.ContainingType.InheritsFromOrEquals(symbols.HttpClientHandler):
                    return true;
                case IAnonymousFunctionOperation lambda:
                    return AlwaysReturnsTrue(lambda.Body);
                case IMethodReferenceOperation methodReference:
                    return AlwaysReturnsTrue(methodReference.Method, context);
                case ILocalReferenceOperation local when depth < 3 && local.Local.GetSingleInitializer(local) is { } initializer:
                    // Func<…> acceptAll = (_, _, _, _) => true; handler.Callback = acceptAll;
                    return AcceptsEveryCertificate(initializer, symbols, context, depth + 1);
                case IFieldReferenceOperation { Field.IsReadOnly: true } field:
                    return FieldHoldsAcceptAll(field.Field, context);
                case IConditionalOperation conditional when depth < 3:
                    // skipTlsValidation ? DangerousAcceptAnyServerCertificateValidator : null: one switch away from no validation.
                    return AcceptsEveryCertificate(conditional.WhenTrue, symbols, context, depth + 1)
                        || (conditional.WhenFalse != null && AcceptsEveryCertificate(conditional.WhenFalse, symbols, context, depth + 1));
                default:
                    return false;
            }
        }

        /// <summary>A readonly field initialized with a lambda or anonymous method that returns true on every path, read from its syntax.</summary>
        private static bool FieldHoldsAcceptAll(IFieldSymbol field, OperationAnalysisContext context)
        {
            foreach (var reference in field.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(context.CancellationToken) is VariableDeclaratorSyntax { Initializer.Value: AnonymousFunctionExpressionSyntax function })
                {
                    return function.ExpressionBody is { } expression
                        ? IsTrueLiteral(expression)
                        : function.Block is { } block && BlockAlwaysReturnsTrue(block);
                }
            }

            return false;
        }

        /// <summary>Every return in the body (nested functions aside) returns constant true, and nothing throws.</summary>
        private static bool AlwaysReturnsTrue(IBlockOperation body)
        {
            var sawReturn = false;
            var pending = new System.Collections.Generic.Stack<IOperation>();
            pending.Push(body);
            while (pending.Count > 0)
            {
                foreach (var operation in pending.Pop().ChildOperations)
                {
                    switch (operation)
                    {
                        case IAnonymousFunctionOperation or ILocalFunctionOperation:
                            continue;
                        case IReturnOperation @return:
                            if (@return.ReturnedValue is not { } returned || !IsConstantTrue(returned))
                            {
                                return false;
                            }

                            sawReturn = true;
                            break;
                        case IThrowOperation:
                            return false;
                    }

                    pending.Push(operation);
                }
            }

            return sawReturn;
        }

        private static bool IsConstantTrue(IOperation operation)
        {
            var value = operation.WalkDownConversions();
            return value.ConstantValue.HasValue && value.ConstantValue.Value is true;
        }

        /// <summary>A method group: read the method's own syntax, since its operations belong to another block.</summary>
        private static bool AlwaysReturnsTrue(IMethodSymbol method, OperationAnalysisContext context)
        {
            var reference = method.DeclaringSyntaxReferences.FirstOrDefault();
            if (reference == null)
            {
                return false;
            }

            var syntax = reference.GetSyntax(context.CancellationToken);
            ExpressionSyntax? expressionBody;
            BlockSyntax? block;
            switch (syntax)
            {
                case MethodDeclarationSyntax methodDeclaration:
                    expressionBody = methodDeclaration.ExpressionBody?.Expression;
                    block = methodDeclaration.Body;
                    break;
                case LocalFunctionStatementSyntax localFunction:
                    expressionBody = localFunction.ExpressionBody?.Expression;
                    block = localFunction.Body;
                    break;
                default:
                    return false;
            }

            if (expressionBody != null)
            {
                return IsTrueLiteral(expressionBody);
            }

            return block != null && BlockAlwaysReturnsTrue(block);
        }

        private static bool BlockAlwaysReturnsTrue(BlockSyntax block)
        {
            var sawReturn = false;
            foreach (var node in block.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                switch (node)
                {
                    case ReturnStatementSyntax returnStatement:
                        if (returnStatement.Expression == null || !IsTrueLiteral(returnStatement.Expression))
                        {
                            return false;
                        }

                        sawReturn = true;
                        break;
                    case ThrowStatementSyntax or ThrowExpressionSyntax:
                        return false;
                }
            }

            return sawReturn;
        }

        private static bool IsTrueLiteral(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression.IsKind(SyntaxKind.TrueLiteralExpression);
        }

        private sealed class CallbackSymbols
        {
            public CallbackSymbols(Compilation compilation)
            {
                HttpClientHandler = TypeResolver.Get(compilation, "System.Net.Http.HttpClientHandler");
                SslClientAuthenticationOptions = TypeResolver.Get(compilation, "System.Net.Security.SslClientAuthenticationOptions");
                ServicePointManager = TypeResolver.Get(compilation, "System.Net.ServicePointManager");
                HttpWebRequest = TypeResolver.Get(compilation, "System.Net.HttpWebRequest");
                WinHttpHandler = TypeResolver.Get(compilation, "System.Net.Http.WinHttpHandler");
                ClientWebSocketOptions = TypeResolver.Get(compilation, "System.Net.WebSockets.ClientWebSocketOptions");
            }

            public readonly INamedTypeSymbol? HttpClientHandler;

            public readonly INamedTypeSymbol? SslClientAuthenticationOptions;

            public readonly INamedTypeSymbol? ServicePointManager;

            public readonly INamedTypeSymbol? HttpWebRequest;

            public readonly INamedTypeSymbol? WinHttpHandler;

            /// <summary>A client WebSocket's TLS options (.NET 7+): realtime model APIs connect through it.</summary>
            public readonly INamedTypeSymbol? ClientWebSocketOptions;

            public bool HasAny => HttpClientHandler != null || SslClientAuthenticationOptions != null || ServicePointManager != null || HttpWebRequest != null || WinHttpHandler != null || ClientWebSocketOptions != null;

            public bool IsValidationCallback(IPropertySymbol property)
                => property.IsProperty(HttpClientHandler, "ServerCertificateCustomValidationCallback")
                || property.IsProperty(SslClientAuthenticationOptions, "RemoteCertificateValidationCallback")
                || property.IsProperty(ServicePointManager, "ServerCertificateValidationCallback")
                || property.IsProperty(HttpWebRequest, "ServerCertificateValidationCallback")
                || property.IsProperty(WinHttpHandler, "ServerCertificateValidationCallback")
                || property.IsProperty(ClientWebSocketOptions, "RemoteCertificateValidationCallback");
        }
    }
}
