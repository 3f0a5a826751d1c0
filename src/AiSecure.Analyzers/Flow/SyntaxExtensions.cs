using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiSecure.Analyzers.Flow
{
    internal static class SyntaxExtensions
    {
        /// <summary>
        /// Skips the parentheses, casts and null-forgiving <c>!</c> around an expression: what the rules that read a declaration's
        /// syntax (a helper's returns, a callback held in a member) look through before they look at the value.
        /// </summary>
        public static ExpressionSyntax WalkDownParenthesesAndCasts(this ExpressionSyntax expression)
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
                    case PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                        expression = suppressed.Operand;
                        continue;
                    default:
                        return expression;
                }
            }
        }
    }
}
