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
            if (symbols.SslStream != null)
            {
                context.RegisterOperationAction(c => AnalyzeCreation(c, symbols), OperationKind.ObjectCreation);
            }
        }

        /// <summary>
        /// <c>new SslStream(inner, false, (s, c, ch, e) => true)</c>: the constructor's <c>userCertificateValidationCallback</c>
        /// validates the remote party's certificate, as the callback properties do. Reported on that argument.
        /// </summary>
        private static void AnalyzeCreation(OperationAnalysisContext context, CallbackSymbols symbols)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Arguments.Length < 3 || !creation.Type.InheritsFromOrEquals(symbols.SslStream))
            {
                return;
            }

            foreach (var argument in creation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.Explicit
                    && argument.Parameter is { Name: "userCertificateValidationCallback" } parameter
                    && AcceptsEveryCertificate(argument.Value, symbols, context))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.CertificateValidationDisabled,
                        argument.Syntax.GetLocation(),
                        $"The '{parameter.Name}' passed to {creation.Type!.Name} here"));
                }
            }
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
                case IObjectCreationOperation { Type.TypeKind: TypeKind.Delegate, Arguments.Length: 1 } wrapped when depth < 3:
                    // new RemoteCertificateValidationCallback((s, c, ch, e) => true)
                    return AcceptsEveryCertificate(wrapped.Arguments[0].Value, symbols, context, depth + 1);
                case IMethodReferenceOperation methodReference:
                    return AlwaysReturnsTrue(methodReference.Method, context);
                case ILocalReferenceOperation local when depth < 3 && local.Local.GetSingleInitializer(local) is { } initializer:
                    // Func<…> acceptAll = (_, _, _, _) => true; handler.Callback = acceptAll;
                    return AcceptsEveryCertificate(initializer, symbols, context, depth + 1);
                case IFieldReferenceOperation { Field.IsReadOnly: true } field:
                    return FieldHoldsAcceptAll(field.Field, context);
                case IPropertyReferenceOperation { Property: { IsIndexer: false, DeclaringSyntaxReferences.IsEmpty: false } property }:
                    // static RemoteCertificateValidationCallback Accept => (s, c, ch, e) => true;
                    return PropertyHoldsAcceptAll(property, context);
                case IConditionalOperation conditional when depth < 3:
                    // skipTlsValidation ? DangerousAcceptAnyServerCertificateValidator : null: one switch away from no validation.
                    return AcceptsEveryCertificate(conditional.WhenTrue, symbols, context, depth + 1)
                        || (conditional.WhenFalse != null && AcceptsEveryCertificate(conditional.WhenFalse, symbols, context, depth + 1));
                default:
                    return false;
            }
        }

        /// <summary>A readonly field initialized with a callback that accepts every certificate, read from its syntax.</summary>
        private static bool FieldHoldsAcceptAll(IFieldSymbol field, OperationAnalysisContext context)
        {
            foreach (var reference in field.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(context.CancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initial })
                {
                    return IsAcceptAllCallback(initial, 0);
                }
            }

            return false;
        }

        /// <summary>
        /// A property of the project that hands out a callback accepting every certificate: an expression body or getter
        /// whose every return is one, or a get-only property initialized with one (a settable one may be replaced).
        /// </summary>
        private static bool PropertyHoldsAcceptAll(IPropertySymbol property, OperationAnalysisContext context)
        {
            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(context.CancellationToken) is not PropertyDeclarationSyntax declaration)
                {
                    continue;
                }

                if (declaration.ExpressionBody is { } arrow)
                {
                    return IsAcceptAllCallback(arrow.Expression, 0);
                }

                if (property.SetMethod == null && declaration.Initializer is { } initializer)
                {
                    return IsAcceptAllCallback(initializer.Value, 0);
                }

                foreach (var accessor in declaration.AccessorList?.Accessors ?? default)
                {
                    if (!accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
                    {
                        continue;
                    }

                    if (accessor.ExpressionBody is { } getter)
                    {
                        return IsAcceptAllCallback(getter.Expression, 0);
                    }

                    if (accessor.Body is { } body)
                    {
                        var sawReturn = false;
                        foreach (var node in body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
                        {
                            if (node is ReturnStatementSyntax @return)
                            {
                                if (@return.Expression == null || !IsAcceptAllCallback(@return.Expression, 0))
                                {
                                    return false;
                                }

                                sawReturn = true;
                            }
                        }

                        return sawReturn;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Syntax of a callback that accepts every certificate: a lambda or anonymous method returning true on every path,
        /// wrapped in parentheses, a cast or <c>new RemoteCertificateValidationCallback(…)</c>, or
        /// <c>HttpClientHandler.DangerousAcceptAnyServerCertificateValidator</c>; a conditional counts when either arm does.
        /// </summary>
        private static bool IsAcceptAllCallback(ExpressionSyntax expression, int depth)
        {
            while (true)
            {
                switch (expression.WalkDownParenthesesAndCasts())
                {
                    case BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments, Initializer: null }:
                        expression = arguments[0].Expression;
                        continue;
                    case AnonymousFunctionExpressionSyntax function:
                        return function.ExpressionBody is { } body
                            ? IsAlwaysTrue(body)
                            : function.Block is { } block && BlockAlwaysReturnsTrue(block);
                    case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "DangerousAcceptAnyServerCertificateValidator" }:
                        return true;
                    case ConditionalExpressionSyntax conditional when depth < 3:
                        return IsAcceptAllCallback(conditional.WhenTrue, depth + 1) || IsAcceptAllCallback(conditional.WhenFalse, depth + 1);
                    default:
                        return false;
                }
            }
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
                            if (@return.ReturnedValue is not { } returned || !IsAlwaysTrue(returned, 0))
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

        /// <summary>
        /// True on every path: the constant <c>true</c>, an <c>||</c> (or <c>|</c>) with such a side
        /// (<c>ch!.Build(c!) || true</c>), an <c>&amp;&amp;</c> (or <c>&amp;</c>) whose sides both are, a conditional whose arms both are.
        /// </summary>
        private static bool IsAlwaysTrue(IOperation operation, int depth)
        {
            var value = operation.WalkDownConversions();
            if (value.ConstantValue.HasValue)
            {
                return value.ConstantValue.Value is true;
            }

            if (depth >= 8)
            {
                return false;
            }

            switch (value)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or, OperatorMethod: null } or:
                    return IsAlwaysTrue(or.LeftOperand, depth + 1) || IsAlwaysTrue(or.RightOperand, depth + 1);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And, OperatorMethod: null } and:
                    return IsAlwaysTrue(and.LeftOperand, depth + 1) && IsAlwaysTrue(and.RightOperand, depth + 1);
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return IsAlwaysTrue(conditional.WhenTrue, depth + 1) && IsAlwaysTrue(whenFalse, depth + 1);
                default:
                    return false;
            }
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
                return IsAlwaysTrue(expressionBody);
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
                        if (returnStatement.Expression == null || !IsAlwaysTrue(returnStatement.Expression))
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

        /// <summary>The syntax twin of <see cref="IsAlwaysTrue(IOperation, int)"/>, for callbacks read from a declaration.</summary>
        private static bool IsAlwaysTrue(ExpressionSyntax expression, int depth = 0)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            if (depth >= 8)
            {
                return expression.IsKind(SyntaxKind.TrueLiteralExpression);
            }

            switch (expression)
            {
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalOrExpression) || binary.IsKind(SyntaxKind.BitwiseOrExpression):
                    return IsAlwaysTrue(binary.Left, depth + 1) || IsAlwaysTrue(binary.Right, depth + 1);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression) || binary.IsKind(SyntaxKind.BitwiseAndExpression):
                    return IsAlwaysTrue(binary.Left, depth + 1) && IsAlwaysTrue(binary.Right, depth + 1);
                case ConditionalExpressionSyntax conditional:
                    return IsAlwaysTrue(conditional.WhenTrue, depth + 1) && IsAlwaysTrue(conditional.WhenFalse, depth + 1);
                default:
                    return expression.IsKind(SyntaxKind.TrueLiteralExpression);
            }
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
                SslStream = TypeResolver.Get(compilation, "System.Net.Security.SslStream");
            }

            /// <summary>Its constructor takes the remote certificate's validation callback.</summary>
            public readonly INamedTypeSymbol? SslStream;

            public readonly INamedTypeSymbol? HttpClientHandler;

            public readonly INamedTypeSymbol? SslClientAuthenticationOptions;

            public readonly INamedTypeSymbol? ServicePointManager;

            public readonly INamedTypeSymbol? HttpWebRequest;

            public readonly INamedTypeSymbol? WinHttpHandler;

            /// <summary>A client WebSocket's TLS options (.NET 7+): realtime model APIs connect through it.</summary>
            public readonly INamedTypeSymbol? ClientWebSocketOptions;

            public bool HasAny => HttpClientHandler != null || SslClientAuthenticationOptions != null || ServicePointManager != null || HttpWebRequest != null || WinHttpHandler != null || ClientWebSocketOptions != null || SslStream != null;

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
