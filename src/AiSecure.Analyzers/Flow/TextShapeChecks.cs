using AiSecure.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>
    /// Tests that pin down the characters of a text, for <see cref="Guards"/>: a <c>TryParse</c> into a number, a
    /// <c>Guid</c> or an enum that succeeded (the text is then digits, hex and dashes, or a member name), and a character
    /// allow-list (<c>name.All(char.IsLetterOrDigit)</c>, <c>s.Any(c =&gt; !char.IsAsciiLetterOrDigit(c) &amp;&amp; c != '-')</c>)
    /// that admits letters, digits, <c>-</c> and <c>_</c> only: no separator, dot, quote or space, so the text can leave no
    /// directory, close no SQL string and split no command line (docs/rules/AISEC003.md).
    /// </summary>
    internal static class TextShapeChecks
    {
        /// <summary><c>int.TryParse(value, out …)</c> (any number type), <c>Guid.TryParse</c>, <c>Enum.TryParse</c>: true only for such a text.</summary>
        public static bool IsParseCheck(IInvocationOperation invocation, AccessPath path)
        {
            var method = invocation.TargetMethod;
            if (method.Name != "TryParse" || !method.IsStatic || invocation.Arguments.IsEmpty || method.ContainingType is not { } type
                || !path.Equals(AccessPath.Of(invocation.Arguments[0].Value)))
            {
                return false;
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_Byte:
                case SpecialType.System_SByte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Decimal:
                case SpecialType.System_Double:
                case SpecialType.System_Single:
                case SpecialType.System_Enum:
                    return true;
                default:
                    return type.Name == "Guid" && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };
            }
        }

        /// <summary><c>value.All(safe)</c>: true only when every character of the value is a letter, digit, <c>-</c> or <c>_</c>.</summary>
        public static bool IsCharacterAllowList(IInvocationOperation invocation, AccessPath path)
            => Predicate(invocation, "All", path) is { } predicate && AdmitsOnlySafe(predicate);

        /// <summary><c>value.Any(unsafe)</c>: true whenever the value has a character other than a letter, digit, <c>-</c> or <c>_</c>.</summary>
        public static bool IsCharacterDenyTest(IInvocationOperation invocation, AccessPath path)
            => Predicate(invocation, "Any", path) is { } predicate && CatchesEveryUnsafe(predicate);

        private static IOperation? Predicate(IInvocationOperation invocation, string name, AccessPath path)
        {
            var method = invocation.TargetMethod;
            if (!method.IsEnumerableMethod(name) || invocation.Arguments.Length != 2 || !method.IsExtensionMethod && !(method.ReducedFrom?.IsExtensionMethod ?? false)
                || !path.Equals(AccessPath.Of(invocation.Arguments[0].Value)))
            {
                return null;
            }

            return invocation.Arguments[1].Value.WalkDownDelegate();
        }

        /// <summary>The predicate is true only for safe characters.</summary>
        private static bool AdmitsOnlySafe(IOperation predicate)
            => predicate switch
            {
                IMethodReferenceOperation reference => IsSafeClass(reference.Method),
                IAnonymousFunctionOperation lambda => Body(lambda) is { } body && Safe(body, lambda.Symbol.Parameters[0]),
                _ => false,
            };

        /// <summary>The predicate is true for every unsafe character.</summary>
        private static bool CatchesEveryUnsafe(IOperation predicate)
            => predicate is IAnonymousFunctionOperation lambda && Body(lambda) is { } body && Unsafe(body, lambda.Symbol.Parameters[0]);

        private static IOperation? Body(IAnonymousFunctionOperation lambda) => lambda.SingleExpression()?.WalkDownConversions();

        /// <summary>True only for a letter, digit, '-' or '_'.</summary>
        private static bool Safe(IOperation condition, IParameterSymbol character)
        {
            condition = condition.WalkDownConversions();
            switch (condition)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return Unsafe(not.Operand, character);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                    return Safe(or.LeftOperand, character) && Safe(or.RightOperand, character);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                    return Safe(and.LeftOperand, character) || Safe(and.RightOperand, character) || IsAlphanumericRange(and, character);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                    return IsComparisonWithSafeConstant(equals, character);
                case IIsPatternOperation isPattern:
                    return IsCharacter(isPattern.Value, character) && AllSafeConstants(isPattern.Pattern);
                case IInvocationOperation call:
                    return IsSafeClass(call.TargetMethod) && call.Arguments.Length == 1 && IsCharacter(call.Arguments[0].Value, character);
                default:
                    return false;
            }
        }

        /// <summary>True for every character other than a letter, digit, '-' or '_'.</summary>
        private static bool Unsafe(IOperation condition, IParameterSymbol character)
        {
            condition = condition.WalkDownConversions();
            switch (condition)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return Safe(not.Operand, character);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                    return Unsafe(and.LeftOperand, character) && Unsafe(and.RightOperand, character);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                    return Unsafe(or.LeftOperand, character) || Unsafe(or.RightOperand, character);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals } notEquals:
                    return IsComparisonWithSafeConstant(notEquals, character);
                case IIsPatternOperation { Pattern: INegatedPatternOperation negated } isPattern:
                    return IsCharacter(isPattern.Value, character) && AllSafeConstants(negated.Pattern);
                default:
                    return false;
            }
        }

        private static bool IsSafeClass(IMethodSymbol method)
            => method.IsStatic && method.ContainingType?.SpecialType == SpecialType.System_Char
               && method.Name is "IsLetterOrDigit" or "IsLetter" or "IsDigit" or "IsLower" or "IsUpper" or "IsAsciiLetterOrDigit" or "IsAsciiLetter"
                   or "IsAsciiDigit" or "IsAsciiLetterLower" or "IsAsciiLetterUpper" or "IsAsciiHexDigit" or "IsAsciiHexDigitLower" or "IsAsciiHexDigitUpper";

        private static bool IsCharacter(IOperation operation, IParameterSymbol character) => operation.ReadsParameter(character);

        private static bool IsSafeConstant(IOperation operation)
            => operation.WalkDownConversions().ConstantValue is { HasValue: true, Value: char c }
               && (c is '-' or '_' || char.IsLetterOrDigit(c));

        private static bool IsComparisonWithSafeConstant(IBinaryOperation comparison, IParameterSymbol character)
            => (IsCharacter(comparison.LeftOperand, character) && IsSafeConstant(comparison.RightOperand))
               || (IsCharacter(comparison.RightOperand, character) && IsSafeConstant(comparison.LeftOperand));

        private static bool AllSafeConstants(IPatternOperation pattern)
            => pattern switch
            {
                IConstantPatternOperation constant => IsSafeConstant(constant.Value),
                IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or => AllSafeConstants(or.LeftPattern) && AllSafeConstants(or.RightPattern),
                _ => false,
            };

        /// <summary><c>c &gt;= 'a' &amp;&amp; c &lt;= 'z'</c> (or digits, or capitals): a range inside one class of letters or digits.</summary>
        private static bool IsAlphanumericRange(IBinaryOperation and, IParameterSymbol character)
        {
            char? low = Bound(and.LeftOperand, character, lower: true) ?? Bound(and.RightOperand, character, lower: true);
            char? high = Bound(and.LeftOperand, character, lower: false) ?? Bound(and.RightOperand, character, lower: false);
            return low is { } lo && high is { } hi
                && ((lo >= 'a' && hi <= 'z') || (lo >= 'A' && hi <= 'Z') || (lo >= '0' && hi <= '9'));
        }

        private static char? Bound(IOperation operand, IParameterSymbol character, bool lower)
        {
            if (operand.WalkDownConversions() is not IBinaryOperation comparison)
            {
                return null;
            }

            var left = comparison.LeftOperand.WalkDownConversions();
            var right = comparison.RightOperand.WalkDownConversions();
            var kind = comparison.OperatorKind;
            if (IsCharacter(right, character))
            {
                // 'a' <= c is c >= 'a'
                (left, right) = (right, left);
                kind = kind switch
                {
                    BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
                    BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
                    _ => BinaryOperatorKind.None,
                };
            }

            if (!IsCharacter(left, character) || right.ConstantValue is not { HasValue: true, Value: char bound })
            {
                return null;
            }

            return (lower && kind == BinaryOperatorKind.GreaterThanOrEqual) || (!lower && kind == BinaryOperatorKind.LessThanOrEqual) ? bound : null;
        }
    }
}
