using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>A local, parameter or field followed by property reads: what a guard checks and a read reads.</summary>
    internal sealed class AccessPath : IEquatable<AccessPath>
    {
        private readonly ImmutableArray<ISymbol> _symbols;

        private AccessPath(ImmutableArray<ISymbol> symbols)
        {
            _symbols = symbols;
        }

        public static AccessPath? Of(IOperation? operation)
        {
            operation = operation?.WalkDownConversions();
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return new AccessPath(ImmutableArray.Create<ISymbol>(local.Local));
                case IParameterReferenceOperation parameter:
                    return new AccessPath(ImmutableArray.Create<ISymbol>(parameter.Parameter));
                case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field:
                    return new AccessPath(ImmutableArray.Create<ISymbol>(field.Field.OriginalDefinition));
                case IPropertyReferenceOperation { Arguments.Length: 0, Instance: IInstanceReferenceOperation } property:
                    return new AccessPath(ImmutableArray.Create<ISymbol>(property.Property.OriginalDefinition));
                case IPropertyReferenceOperation { Arguments.Length: 0, Instance: { } instance } property:
                    return Of(instance)?.Append(property.Property.OriginalDefinition);
                case IFieldReferenceOperation { Instance: { } instance } field:
                    return Of(instance)?.Append(field.Field.OriginalDefinition);
                default:
                    return null;
            }
        }

        public bool Equals(AccessPath? other)
        {
            if (other == null || other._symbols.Length != _symbols.Length)
            {
                return false;
            }

            for (var i = 0; i < _symbols.Length; i++)
            {
                if (!SymbolEqualityComparer.Default.Equals(_symbols[i], other._symbols[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as AccessPath);

        public override int GetHashCode() => _symbols.Length == 0 ? 0 : SymbolEqualityComparer.Default.GetHashCode(_symbols[_symbols.Length - 1]);

        private AccessPath Append(ISymbol symbol) => new(_symbols.Add(symbol));
    }

    /// <summary>
    /// Validation guards, found in the code around a read: an <c>if</c> that leaves the method (return,
    /// throw, break, continue) when a validator, an anchored <c>Regex.IsMatch</c> or an allow list says no,
    /// placed before the read in an enclosing block; or a branch, switch section or conditional expression
    /// entered only when the check says yes.
    /// </summary>
    internal static class Guards
    {
        public static bool IsGuarded(TaintEngine engine, IOperation reference, AccessPath? path)
        {
            if (path == null)
            {
                return false;
            }

            var child = reference;
            for (var parent = reference.Parent; parent != null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConditionalOperation conditional when conditional.Condition != child:
                        if (child == conditional.WhenTrue && Validates(engine, conditional.Condition, path))
                        {
                            return true;
                        }

                        if (child == conditional.WhenFalse && Invalidates(engine, conditional.Condition, path))
                        {
                            return true;
                        }

                        break;

                    case ISwitchCaseOperation section when section.Parent is ISwitchOperation switchOperation && IsAllowListSection(section, switchOperation, path):
                        return true;

                    case IBlockOperation block:
                        foreach (var statement in block.Operations)
                        {
                            if (statement == child)
                            {
                                break;
                            }

                            if (IsExitGuard(engine, statement, path))
                            {
                                return true;
                            }
                        }

                        break;

                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        // A guard outside a lambda ran when the lambda was made, not when it runs: stop here.
                        return false;
                }
            }

            return false;
        }

        private static bool IsExitGuard(TaintEngine engine, IOperation statement, AccessPath path)
        {
            if (statement is not IConditionalOperation conditional)
            {
                return false;
            }

            if (conditional.WhenFalse == null || !Exits(conditional.WhenFalse))
            {
                return Exits(conditional.WhenTrue) && Invalidates(engine, conditional.Condition, path);
            }

            return !Exits(conditional.WhenTrue) && Validates(engine, conditional.Condition, path);
        }

        private static bool Exits(IOperation? operation)
        {
            switch (operation)
            {
                case IReturnOperation:
                case IThrowOperation:
                case IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue }:
                    return true;
                case IExpressionStatementOperation { Operation: IThrowOperation }:
                    return true;
                case IBlockOperation block:
                    return block.Operations.Length > 0 && Exits(block.Operations[block.Operations.Length - 1]);
                default:
                    return false;
            }
        }

        private static bool IsAllowListSection(ISwitchCaseOperation section, ISwitchOperation switchOperation, AccessPath path)
        {
            if (!path.Equals(AccessPath.Of(switchOperation.Value)) || section.Clauses.IsEmpty)
            {
                return false;
            }

            foreach (var clause in section.Clauses)
            {
                switch (clause)
                {
                    case ISingleValueCaseClauseOperation single when single.Value.ConstantValue.HasValue && single.Value.ConstantValue.Value != null:
                        continue;
                    case IPatternCaseClauseOperation { Guard: null } pattern when IsConstantAlternatives(pattern.Pattern):
                        continue;
                    default:
                        return false;
                }
            }

            return true;
        }

        /// <summary>The condition is true only when the value at <paramref name="path"/> is safe.</summary>
        private static bool Validates(TaintEngine engine, IOperation condition, AccessPath path)
        {
            condition = condition.WalkDownConversions();
            if (condition is IAwaitOperation awaited)
            {
                condition = awaited.Operation.WalkDownConversions();
            }

            switch (condition)
            {
                case IInvocationOperation invocation:
                    return IsValidatorCall(engine, invocation, path) || IsAnchoredRegexMatch(engine, invocation, path) || IsAllowListLookup(invocation, path);
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return Invalidates(engine, not.Operand, path);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                    return Validates(engine, and.LeftOperand, path) || Validates(engine, and.RightOperand, path);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                    return Validates(engine, or.LeftOperand, path) && Validates(engine, or.RightOperand, path);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                    if (IsBool(equals.RightOperand, true))
                    {
                        return Validates(engine, equals.LeftOperand, path);
                    }

                    if (IsBool(equals.RightOperand, false))
                    {
                        return Invalidates(engine, equals.LeftOperand, path);
                    }

                    return IsConstantComparison(equals, path);
                case IIsPatternOperation isPattern:
                    return path.Equals(AccessPath.Of(isPattern.Value)) && IsConstantAlternatives(isPattern.Pattern);
                default:
                    return false;
            }
        }

        /// <summary>The condition is true whenever the value at <paramref name="path"/> is not known to be safe.</summary>
        private static bool Invalidates(TaintEngine engine, IOperation condition, AccessPath path)
        {
            condition = condition.WalkDownConversions();
            switch (condition)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return Validates(engine, not.Operand, path);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                    return Invalidates(engine, or.LeftOperand, path) || Invalidates(engine, or.RightOperand, path);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                    return Invalidates(engine, and.LeftOperand, path) && Invalidates(engine, and.RightOperand, path);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals when IsBool(equals.RightOperand, false):
                    return Validates(engine, equals.LeftOperand, path);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals } notEquals:
                    if (IsBool(notEquals.RightOperand, true))
                    {
                        return Validates(engine, notEquals.LeftOperand, path);
                    }

                    return IsConstantComparison(notEquals, path);
                case IIsPatternOperation { Pattern: INegatedPatternOperation negated } isPattern:
                    return path.Equals(AccessPath.Of(isPattern.Value)) && IsConstantAlternatives(negated.Pattern);
                default:
                    return false;
            }
        }

        private static bool IsBool(IOperation operand, bool value)
            => operand.ConstantValue.HasValue && operand.ConstantValue.Value is bool b && b == value;

        private static bool IsConstantComparison(IBinaryOperation comparison, AccessPath path)
        {
            var left = comparison.LeftOperand.WalkDownConversions();
            var right = comparison.RightOperand.WalkDownConversions();
            return (path.Equals(AccessPath.Of(left)) && right.ConstantValue is { HasValue: true, Value: string })
                || (path.Equals(AccessPath.Of(right)) && left.ConstantValue is { HasValue: true, Value: string });
        }

        private static bool IsConstantAlternatives(IPatternOperation pattern)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant:
                    return constant.Value.ConstantValue.HasValue && constant.Value.ConstantValue.Value != null;
                case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or:
                    return IsConstantAlternatives(or.LeftPattern) && IsConstantAlternatives(or.RightPattern);
                default:
                    return false;
            }
        }

        private static bool IsValidatorCall(TaintEngine engine, IInvocationOperation invocation, AccessPath path)
        {
            if (!engine.IsValidator(invocation.TargetMethod))
            {
                return false;
            }

            if (invocation.Instance != null && path.Equals(AccessPath.Of(invocation.Instance)))
            {
                return true;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (path.Equals(AccessPath.Of(argument.Value)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>Allowed.Contains(x)</c> / <c>ContainsKey(x)</c> on a collection declared with string literals only.</summary>
        private static bool IsAllowListLookup(IInvocationOperation invocation, AccessPath path)
        {
            if (invocation.TargetMethod.Name is not ("Contains" or "ContainsKey"))
            {
                return false;
            }

            IOperation? receiver;
            IOperation? argument;
            if (invocation.Instance != null && invocation.Arguments.Length >= 1)
            {
                receiver = invocation.Instance;
                argument = invocation.Arguments[0].Value;
            }
            else if (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length >= 2)
            {
                receiver = invocation.Arguments[0].Value;
                argument = invocation.Arguments[1].Value;
            }
            else
            {
                return false;
            }

            if (!path.Equals(AccessPath.Of(argument)))
            {
                return false;
            }

            ISymbol? collection = receiver.WalkDownConversions() switch
            {
                IFieldReferenceOperation field when field.Field.IsReadOnly || field.Field.IsConst => field.Field,
                IPropertyReferenceOperation { Property.SetMethod: null } property => property.Property,
                _ => null,
            };

            return collection != null && IsDeclaredWithLiteralsOnly(collection);
        }

        /// <summary>
        /// The collection's declaration lists its elements, and every element is a string literal:
        /// <c>new HashSet&lt;string&gt;(StringComparer.OrdinalIgnoreCase) { "en", "fr" }</c>, <c>new[] { … }</c>,
        /// <c>[ … ]</c>, <c>ImmutableHashSet.Create("a", "b")</c>.
        /// </summary>
        private static bool IsDeclaredWithLiteralsOnly(ISymbol symbol)
        {
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                var value = reference.GetSyntax() switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                    PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                    _ => null,
                };

                if (value == null)
                {
                    return false;
                }

                var elements = 0;
                foreach (var node in value.DescendantNodesAndSelf())
                {
                    IEnumerable<ExpressionSyntax> items = node switch
                    {
                        InitializerExpressionSyntax initializer => initializer.Expressions,
                        CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression),
                        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Create" or "CreateRange" } } create
                            => create.ArgumentList.Arguments.Select(a => a.Expression).Where(e => e is not MemberAccessExpressionSyntax),
                        _ => Enumerable.Empty<ExpressionSyntax>(),
                    };

                    foreach (var item in items)
                    {
                        if (!(item is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)))
                        {
                            return false;
                        }

                        elements++;
                    }
                }

                return elements > 0;
            }

            return false;
        }

        private static bool IsAnchoredRegexMatch(TaintEngine engine, IInvocationOperation invocation, AccessPath path)
        {
            var method = invocation.TargetMethod;
            var regex = engine.Symbols.Regex;
            if (method.Name != "IsMatch" || regex == null || !SymbolEqualityComparer.Default.Equals(method.ContainingType, regex))
            {
                return false;
            }

            IOperation? input = null;
            string? pattern = null;
            foreach (var argument in invocation.Arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "input":
                        input = argument.Value;
                        break;
                    case "pattern" when argument.Value.ConstantValue is { HasValue: true, Value: string text }:
                        pattern = text;
                        break;
                }
            }

            if (input == null || !path.Equals(AccessPath.Of(input)))
            {
                return false;
            }

            if (method.IsStatic)
            {
                return pattern != null && IsAnchored(pattern);
            }

            var instancePattern = PatternOf(engine, invocation.Instance);
            return instancePattern != null && IsAnchored(instancePattern);
        }

        /// <summary>The pattern of a <c>new Regex("…")</c> here, in a field or local initializer, or of a <c>[GeneratedRegex("…")]</c> method.</summary>
        private static string? PatternOf(TaintEngine engine, IOperation? regex)
        {
            regex = regex?.WalkDownConversions();
            switch (regex)
            {
                case IObjectCreationOperation creation when creation.Arguments.Length > 0:
                    return creation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string text } ? text : null;
                case IInvocationOperation call when engine.Symbols.GeneratedRegexAttribute != null:
                    foreach (var attribute in call.TargetMethod.GetAttributes())
                    {
                        if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, engine.Symbols.GeneratedRegexAttribute)
                            && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string generated)
                        {
                            return generated;
                        }
                    }

                    return null;
                case IFieldReferenceOperation field:
                    return PatternFromDeclaration(field.Field);
                case IPropertyReferenceOperation property:
                    return PatternFromDeclaration(property.Property);
                case ILocalReferenceOperation local:
                    return PatternFromDeclaration(local.Local);
                default:
                    return null;
            }
        }

        private static string? PatternFromDeclaration(ISymbol symbol)
        {
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax();
                var value = syntax switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                    PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                    _ => null,
                };

                if (value is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } creation
                    && creation.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax literal
                    && literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    return literal.Token.ValueText;
                }
            }

            return null;
        }

        private static bool IsAnchored(string pattern)
        {
            var start = pattern.StartsWith("^", StringComparison.Ordinal) || pattern.StartsWith("\\A", StringComparison.Ordinal);
            var end = (pattern.EndsWith("$", StringComparison.Ordinal) && !pattern.EndsWith("\\$", StringComparison.Ordinal))
                      || pattern.EndsWith("\\z", StringComparison.Ordinal) || pattern.EndsWith("\\Z", StringComparison.Ordinal);
            // "^.*$" is anchored but lets everything through.
            var permissive = pattern.IndexOf(".*", StringComparison.Ordinal) >= 0 || pattern.IndexOf(".+", StringComparison.Ordinal) >= 0
                             || pattern.IndexOf("\\s\\S", StringComparison.Ordinal) >= 0 || pattern.IndexOf("\\S\\s", StringComparison.Ordinal) >= 0;
            return start && end && !permissive;
        }
    }
}
