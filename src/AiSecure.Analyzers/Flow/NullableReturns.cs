using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>
    /// Whether a helper of the compilation can hand back nothing: a method (or local function) whose own returns include
    /// <c>null</c>, <c>default</c>, <c>""</c> or <c>string.Empty</c>, whole or as an arm of a conditional or switch
    /// expression (<c>GuardrailConfig = MaybeGuardrail()</c> with <c>=> settings is { } g ? new … : null</c>). Read from
    /// the helper's syntax, so it costs nothing until a rule asks about one call, and only that helper's body is read.
    /// A method without a body in this compilation (library, interface, abstract) is never said to return null.
    /// </summary>
    internal static class NullableReturns
    {
        /// <summary>
        /// The helper the value comes from when it can return null or empty: <paramref name="value"/> is a call (or an
        /// awaited call) of such a method; null otherwise.
        /// </summary>
        public static IMethodSymbol? NullableHelper(IOperation? value)
        {
            value = value?.WalkDownConversions();
            if (value is IAwaitOperation { Operation: { } awaited })
            {
                value = awaited.WalkDownConversions();
            }

            return value is IInvocationOperation { TargetMethod: { } method } && CanReturnNullOrEmpty(method) ? method : null;
        }

        /// <summary>True when a source method's own returns include a null, default or empty value.</summary>
        public static bool CanReturnNullOrEmpty(IMethodSymbol method)
        {
            // Library methods have no syntax (the cheap test first); a method handing back a plain value type (a count,
            // a flag) returns a value, never nothing.
            var references = method.OriginalDefinition.DeclaringSyntaxReferences;
            if (references.IsEmpty || HelperRequests.ReturnedType(method) is not { } handed
                || !(handed.IsReferenceType || handed.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T))
            {
                return false;
            }

            foreach (var reference in references)
            {
                var syntax = reference.GetSyntax();
                var (body, expressionBody) = syntax switch
                {
                    MethodDeclarationSyntax declaration => (declaration.Body, declaration.ExpressionBody),
                    LocalFunctionStatementSyntax local => (local.Body, local.ExpressionBody),
                    _ => ((BlockSyntax?)null, (ArrowExpressionClauseSyntax?)null),
                };

                if (expressionBody != null && IsNullOrEmptyArm(expressionBody.Expression))
                {
                    return true;
                }

                if (body != null)
                {
                    // The method's own returns: lambdas, anonymous methods and local functions inside return to someone else.
                    foreach (var node in body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
                    {
                        if (node is ReturnStatementSyntax { Expression: { } returned }
                            && (IsNullOrEmptyArm(returned) || (returned is IdentifierNameSyntax local && HoldsNullOrEmpty(body, local.Identifier.ValueText))))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// A local of the body that starts as, or is given, null or empty (<c>GuardrailConfiguration? config = null; if (on)
        /// config = new … { … }; return config;</c>): returned, it may hand back nothing. Read by name within the one body.
        /// </summary>
        private static bool HoldsNullOrEmpty(BlockSyntax body, string name)
        {
            foreach (var node in body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                switch (node)
                {
                    case VariableDeclaratorSyntax { Initializer.Value: { } initial } declarator when declarator.Identifier.ValueText == name:
                        if (IsNullOrEmptyArm(initial))
                        {
                            return true;
                        }

                        break;
                    case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax target } assignment when target.Identifier.ValueText == name:
                        if (IsNullOrEmptyArm(assignment.Right))
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        /// <summary><c>null</c>, <c>default</c>, <c>""</c>, <c>string.Empty</c>, or a conditional / switch expression with such an arm.</summary>
        private static bool IsNullOrEmptyArm(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        continue;
                    case CastExpressionSyntax cast:
                        expression = cast.Expression;
                        continue;
                    case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed:
                        expression = suppressed.Operand;
                        continue;
                    case LiteralExpressionSyntax literal:
                        return literal.IsKind(SyntaxKind.NullLiteralExpression)
                            || literal.IsKind(SyntaxKind.DefaultLiteralExpression)
                            || (literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText.Length == 0);
                    case DefaultExpressionSyntax:
                        return true;
                    case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty", Expression: PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.StringKeyword } or IdentifierNameSyntax { Identifier.ValueText: "String" } }:
                        return true;
                    case ConditionalExpressionSyntax conditional:
                        return IsNullOrEmptyArm(conditional.WhenTrue) || IsNullOrEmptyArm(conditional.WhenFalse);
                    case SwitchExpressionSyntax switchExpression:
                        foreach (var arm in switchExpression.Arms)
                        {
                            if (IsNullOrEmptyArm(arm.Expression))
                            {
                                return true;
                            }
                        }

                        return false;
                    default:
                        return false;
                }
            }
        }
    }
}
