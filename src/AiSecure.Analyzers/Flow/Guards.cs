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
                    return Of(local.Local);
                case IParameterReferenceOperation parameter:
                    return Of(parameter.Parameter);
                case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field:
                    return Of(field.Field.OriginalDefinition);
                case IPropertyReferenceOperation { Arguments.Length: 0, Instance: IInstanceReferenceOperation } property:
                    return Of(property.Property.OriginalDefinition);
                case IPropertyReferenceOperation { Arguments.Length: 0, Instance: { } instance } property:
                    return Of(instance)?.Append(property.Property.OriginalDefinition);
                case IFieldReferenceOperation { Instance: { } instance } field:
                    return Of(instance)?.Append(field.Field.OriginalDefinition);
                default:
                    return null;
            }
        }

        /// <summary>The path of a parameter or local itself.</summary>
        public static AccessPath Of(ISymbol root) => new(ImmutableArray.Create(root));

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

        /// <summary>The local, parameter or field the path starts at: a write to it changes the whole path.</summary>
        public ISymbol Root => _symbols[0];

        public override bool Equals(object? obj) => Equals(obj as AccessPath);

        public override int GetHashCode() => _symbols.Length == 0 ? 0 : SymbolEqualityComparer.Default.GetHashCode(_symbols[_symbols.Length - 1]);

        private AccessPath Append(ISymbol symbol) => new(_symbols.Add(symbol));

        /// <summary>This path followed by a read of <paramref name="member"/> (<c>uri</c> → <c>uri.Host</c>).</summary>
        public AccessPath WithMember(ISymbol member) => Append(member.OriginalDefinition);
    }

    /// <summary>
    /// Validation guards, found in the code around a read: an <c>if</c> that leaves the method (return,
    /// throw, break, continue) when a validator, an anchored <c>Regex.IsMatch</c> or an allow list says no,
    /// placed before the read in an enclosing block; or a branch, switch section or conditional expression
    /// entered only when the check says yes.
    /// </summary>
    internal static partial class Guards
    {
        /// <summary>
        /// True when a guard on <paramref name="path"/> dominates <paramref name="reference"/> and the value is not
        /// written again between the guard and the read (nor anywhere in a loop around the read that the guard precedes).
        /// </summary>
        public static bool IsGuarded(ITaintPolicy policy, IOperation reference, AccessPath? path, AssumedHelper? assumed = null)
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
                        if ((child == conditional.WhenTrue && Validates(policy, conditional.Condition, path, assumed: assumed))
                            || (child == conditional.WhenFalse && Invalidates(policy, conditional.Condition, path, assumed: assumed)))
                        {
                            if (!IsWrittenAfter(parent, conditional.Condition.Syntax.Span.End, reference, path))
                            {
                                return true;
                            }
                        }

                        break;

                    case ISwitchCaseOperation section when section.Parent is ISwitchOperation switchOperation && IsAllowListSection(section, switchOperation, path):
                        if (!IsWrittenAfter(section, switchOperation.Value.Syntax.Span.End, reference, path))
                        {
                            return true;
                        }

                        break;

                    case ISwitchExpressionArmOperation arm when child == arm.Value && arm.Guard == null && arm.Parent is ISwitchExpressionOperation switchExpression
                                                                && path.Equals(AccessPath.Of(switchExpression.Value)) && IsConstantAlternatives(arm.Pattern):
                        // x switch { "a" or "b" => x, _ => "none" }: in the arm, x is one of the constants.
                        if (!IsWrittenAfter(arm, switchExpression.Value.Syntax.Span.End, reference, path))
                        {
                            return true;
                        }

                        break;

                    case IBlockOperation block:
                        foreach (var statement in block.Operations)
                        {
                            if (statement == child)
                            {
                                break;
                            }

                            if (IsExitGuard(policy, statement, path, assumed) && !IsWrittenAfter(block, statement.Syntax.Span.End, reference, path))
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

        /// <summary>The members of <c>System.Uri</c> that name its host: an allow-list check on one of them fixes where a request goes.</summary>
        private static readonly string[] HostMembers = { "Host", "IdnHost", "DnsSafeHost", "Authority" };

        /// <summary>
        /// A filter lambda that keeps only safe elements (<c>tags.Where(t =&gt; AllowedTags.Contains(t))</c>): its one returned
        /// condition validates its parameter the way a guard's would.
        /// </summary>
        public static bool IsValidatingFilter(ITaintPolicy policy, IAnonymousFunctionOperation filter)
            => filter.SingleExpression() is { } returned && Validates(policy, returned, AccessPath.Of(filter.Symbol.Parameters[0]));

        /// <summary>
        /// True when <paramref name="reference"/> reads a <c>System.Uri</c> whose host a guard checked against an allow-list
        /// or a constant before the read (<c>if (!AllowedHosts.Contains(uri.Host)) return …;</c>, <c>uri.Host != "api.example.com"</c>),
        /// or a URL string a guard checked to start with a fixed origin (<c>url.StartsWith("https://api.example.com/")</c>).
        /// </summary>
        public static bool IsHostGuarded(ITaintPolicy policy, IOperation reference, AccessPath? path)
        {
            if (path != null && reference.Type?.SpecialType == SpecialType.System_String)
            {
                // A URL string checked to start with a fixed origin: url.StartsWith("https://api.example.com/").
                return OriginMarker(reference.Type) is { } marker && IsGuarded(policy, reference, path.WithMember(marker));
            }

            if (path == null || reference.Type is not INamedTypeSymbol { Name: "Uri", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } uri)
            {
                return false;
            }

            foreach (var name in HostMembers)
            {
                foreach (var member in uri.GetMembers(name))
                {
                    if (member is IPropertySymbol { IsStatic: false } && IsGuarded(policy, reference, path.WithMember(member)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// A write to the path's root inside <paramref name="scope"/> that completes after <paramref name="from"/> and before
        /// the read, or anywhere in a loop that encloses the read and starts after <paramref name="from"/>: the guard
        /// checked another value than the one read.
        /// </summary>
        private static bool IsWrittenAfter(IOperation scope, int from, IOperation reference, AccessPath path)
        {
            var readStart = reference.Syntax.SpanStart;
            var until = readStart;
            for (var current = reference.Parent; current != null && current != scope; current = current.Parent)
            {
                if (current is ILoopOperation loop && loop.Syntax.SpanStart >= from && loop.Syntax.Span.End > until)
                {
                    until = loop.Syntax.Span.End;
                }
            }

            foreach (var operation in scope.WalkTree())
            {
                IOperation? target = operation switch
                {
                    ISimpleAssignmentOperation assignment => assignment.Target,
                    ICompoundAssignmentOperation compound => compound.Target,
                    ICoalesceAssignmentOperation coalesce => coalesce.Target,
                    IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument => argument.Value,
                    _ => null,
                };

                if (target == null)
                {
                    continue;
                }

                // Before the read, or after it inside a loop that brings it round again; not the write the read is part of (x = x.Trim()).
                var start = operation.Syntax.SpanStart;
                var end = operation.Syntax.Span.End;
                if (end <= from || !(end <= readStart || (start >= readStart && start < until)))
                {
                    continue;
                }

                var written = AccessPath.Of(target is IDeclarationExpressionOperation declaration ? declaration.Expression : target);
                if (written != null && SymbolEqualityComparer.Default.Equals(written.Root, path.Root))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsExitGuard(ITaintPolicy policy, IOperation statement, AccessPath path, AssumedHelper? assumed)
        {
            if (statement is ISwitchOperation switchStatement)
            {
                return IsAllowListSwitch(switchStatement, path);
            }

            if (statement is IExpressionStatementOperation { Operation: var expression })
            {
                return IsThrowingValidatorCall(policy, expression, path, assumed);
            }

            if (statement is not IConditionalOperation conditional)
            {
                return false;
            }

            if (conditional.WhenFalse == null || !Exits(conditional.WhenFalse))
            {
                return Exits(conditional.WhenTrue) && Invalidates(policy, conditional.Condition, path, assumed: assumed);
            }

            return !Exits(conditional.WhenTrue) && Validates(policy, conditional.Condition, path, assumed: assumed);
        }

        /// <summary>
        /// <c>switch (x) { case "a": case "b": break; default: throw …; }</c>: every section that takes other values than
        /// constants leaves the method, and one does (a switch without a default lets the rest through), so after the
        /// switch the value is one of the constants.
        /// </summary>
        private static bool IsAllowListSwitch(ISwitchOperation switchStatement, AccessPath path)
        {
            if (!path.Equals(AccessPath.Of(switchStatement.Value)))
            {
                return false;
            }

            var restLeaves = false;
            foreach (var section in switchStatement.Cases)
            {
                var constantsOnly = true;
                foreach (var clause in section.Clauses)
                {
                    if (!(clause is ISingleValueCaseClauseOperation single && single.Value.ConstantValue.HasValue && single.Value.ConstantValue.Value != null)
                        && !(clause is IPatternCaseClauseOperation { Guard: null } pattern && IsConstantAlternatives(pattern.Pattern)))
                    {
                        constantsOnly = false;
                    }
                }

                if (constantsOnly)
                {
                    continue;
                }

                // A default or pattern section: it must leave the method, not only the switch.
                if (section.Body.IsEmpty || !LeavesMethod(section.Body[section.Body.Length - 1]))
                {
                    return false;
                }

                restLeaves = true;
            }

            return restLeaves;
        }

        /// <summary>
        /// <c>Validate(x);</c> or <c>await ValidateAsync(x);</c> as a statement: a validator (<c>[OutputValidator]</c>,
        /// <c>[PromptValidator]</c> or configured) that returns nothing can only say no by throwing, so after it the value is safe.
        /// </summary>
        private static bool IsThrowingValidatorCall(ITaintPolicy policy, IOperation expression, AccessPath path, AssumedHelper? assumed)
        {
            expression = expression.WalkDownConversions();
            if (expression is IAwaitOperation awaited)
            {
                expression = awaited.Operation.WalkDownConversions();
                if (expression is IInvocationOperation { TargetMethod.ReturnType: INamedTypeSymbol { IsGenericType: false, Name: "Task" or "ValueTask" } } asyncCall)
                {
                    return IsValidatorCall(policy, asyncCall, path);
                }

                return false;
            }

            return expression is IInvocationOperation { TargetMethod.ReturnsVoid: true } call && (IsValidatorCall(policy, call, path) || IsThrowingHelper(policy, call, path, assumed));
        }

        private static bool PassesPath(IInvocationOperation invocation, AccessPath path)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (path.Equals(AccessPath.Of(argument.Value)))
                {
                    return true;
                }
            }

            return invocation.Instance != null && path.Equals(AccessPath.Of(invocation.Instance));
        }

        private static bool LeavesMethod(IOperation operation)
            => operation switch
            {
                IReturnOperation { Kind: not OperationKind.YieldReturn } or IThrowOperation => true,
                IExpressionStatementOperation { Operation: IThrowOperation } => true,
                IBlockOperation block => block.Operations.Length > 0 && LeavesMethod(block.Operations[block.Operations.Length - 1]),
                _ => false,
            };

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
        private static bool Validates(ITaintPolicy policy, IOperation condition, AccessPath path, bool followHelpers = true, AssumedHelper? assumed = null)
        {
            condition = condition.WalkDownConversions();
            if (condition is IAwaitOperation awaited)
            {
                condition = awaited.Operation.WalkDownConversions();
            }

            switch (condition)
            {
                case IBinaryOperation comparison when IsIndexOfTest(comparison, path, found: true):
                    return true;
                case IInvocationOperation invocation:
                    return IsValidatorCall(policy, invocation, path) || IsAnchoredRegexMatch(policy, invocation, path) || IsAllowListLookup(invocation, path)
                        || (PathShapes(policy) && IsContainmentCheck(invocation, path)) || IsConstantEqualsCall(policy, invocation, path)
                        || TextShapeChecks.IsParseCheck(invocation, path) || TextShapeChecks.IsCharacterAllowList(invocation, path)
                        || IsOriginPrefixCheck(invocation, path) || IsAllowListAny(invocation, path) || IsNullOrEmptyCall(invocation, path)
                        || (followHelpers && IsValidatingHelper(policy, invocation, path, assumed));
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return Invalidates(policy, not.Operand, path, followHelpers, assumed);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                    if (assumed == null)
                    {
                        return Validates(policy, and.LeftOperand, path, followHelpers) || Validates(policy, and.RightOperand, path, followHelpers)
                            || (PathShapes(policy) && IsRelativePathEscapeTest(and, path, negated: true));
                    }

                    // Either side is enough: one that holds without assuming a helper wins; else any side's helper may clear it.
                    var before = assumed.Save();
                    var leftHolds = Validates(policy, and.LeftOperand, path, followHelpers, assumed.Restart());
                    var left = assumed.Save();
                    if (leftHolds && left.Guard == null)
                    {
                        assumed.Restore(before);
                        return true;
                    }

                    var rightHolds = Validates(policy, and.RightOperand, path, followHelpers, assumed.Restart());
                    var right = assumed.Save();
                    assumed.Restore(before);
                    return (rightHolds && right.Guard == null) || (PathShapes(policy) && IsRelativePathEscapeTest(and, path, negated: true))
                        || assumed.AssumeAny(leftHolds ? left : default, rightHolds ? right : default);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                    return Validates(policy, or.LeftOperand, path, followHelpers, assumed) && Validates(policy, or.RightOperand, path, followHelpers, assumed);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                    if (IsBool(equals.RightOperand, true))
                    {
                        return Validates(policy, equals.LeftOperand, path, followHelpers, assumed);
                    }

                    if (IsBool(equals.RightOperand, false))
                    {
                        return Invalidates(policy, equals.LeftOperand, path, followHelpers, assumed);
                    }

                    return IsConstantComparison(equals, path) || (PathShapes(policy) && IsFileNameComparison(equals.LeftOperand, equals.RightOperand, path)) || IsNullComparison(equals, path);
                case IIsPatternOperation isPattern when BoolPattern(isPattern.Pattern) is { } matched:
                    // IsSlug(value) is true / is not false
                    return matched ? Validates(policy, isPattern.Value, path, followHelpers, assumed) : Invalidates(policy, isPattern.Value, path, followHelpers, assumed);
                case IIsPatternOperation isPattern:
                    return path.Equals(AccessPath.Of(isPattern.Value)) && (IsConstantAlternatives(isPattern.Pattern) || IsNullPattern(isPattern.Pattern));
                default:
                    return false;
            }
        }

        /// <summary>
        /// <c>x is null</c>: true only when there is no value, and no value carries no text. Lets an optional value be checked only
        /// when present: <c>if (audience is not null &amp;&amp; !IsAudience(audience)) return …;</c>.
        /// </summary>
        private static bool IsNullPattern(IPatternOperation pattern)
            => pattern is IConstantPatternOperation { Value: var value } && value.WalkDownConversions().ConstantValue is { HasValue: true, Value: null };

        /// <summary><c>x == null</c> / <c>null == x</c>.</summary>
        private static bool IsNullComparison(IBinaryOperation comparison, AccessPath path)
        {
            var left = comparison.LeftOperand.WalkDownConversions();
            var right = comparison.RightOperand.WalkDownConversions();
            return (path.Equals(AccessPath.Of(left)) && right.ConstantValue is { HasValue: true, Value: null })
                || (path.Equals(AccessPath.Of(right)) && left.ConstantValue is { HasValue: true, Value: null });
        }

        /// <summary><c>string.IsNullOrEmpty(x)</c> / <c>IsNullOrWhiteSpace(x)</c>: true only when the value holds no text worth the name.</summary>
        private static bool IsNullOrEmptyCall(IInvocationOperation invocation, AccessPath path)
            => invocation.TargetMethod is { IsStatic: true, Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace", ContainingType.SpecialType: SpecialType.System_String }
               && invocation.Arguments.Length == 1 && path.Equals(AccessPath.Of(invocation.Arguments[0].Value));

        /// <summary>
        /// A call of a helper of this file whose whole body is one boolean expression that validates its parameter
        /// (<c>static bool IsSlug(string s) =&gt; Slug().IsMatch(s);</c>, <c>=&gt; AllowedTables.Contains(table)</c>), passed the
        /// value at <paramref name="path"/>: the guard it returns, one level deep (a helper of a helper is not followed; a helper
        /// declared in another file is read the same way at the end of the compilation).
        /// </summary>
        private static bool IsValidatingHelper(ITaintPolicy policy, IInvocationOperation invocation, AccessPath path, AssumedHelper? assumed)
            => invocation.TargetMethod.ReturnType.SpecialType == SpecialType.System_Boolean && IsHelperGuard(policy, invocation, path, assumed, HelperCheck.Returns);

        /// <summary>
        /// The helper declared by <paramref name="declaration"/> returns one boolean expression that validates
        /// <paramref name="parameter"/>, as a guard's condition would (with <paramref name="fullPath"/>, the caller passes it a
        /// full path, and a <c>StartsWith(root)</c> test of it counts).
        /// </summary>
        private static bool ReturnsValidation(ITaintPolicy policy, IParameterSymbol parameter, bool fullPath, SyntaxNode declaration, SemanticModel model)
        {
            var body = declaration switch
            {
                MethodDeclarationSyntax { ExpressionBody.Expression: { } expression } => expression,
                MethodDeclarationSyntax { Body: { } block } => OnlyReturned(block),
                LocalFunctionStatementSyntax { ExpressionBody.Expression: { } expression } => expression,
                LocalFunctionStatementSyntax { Body: { } block } => OnlyReturned(block),
                _ => null,
            };
            return body != null && model.GetOperation(body) is { } condition
                && (Validates(policy, condition, AccessPath.Of(parameter), followHelpers: false) || (fullPath && PathShapes(policy) && PrefixChecked(condition, parameter, whenTrue: true)));
        }

        /// <summary>
        /// The helper a guard calls, when it can be read here: declared once and in this file (a helper declared in another
        /// file is not read, and the value then stays unvalidated), not virtual, and passed the value at <paramref name="path"/>:
        /// the parameter that receives it, the argument passed, the helper's declaration and this file's semantic model.
        /// </summary>
        private static (IParameterSymbol Parameter, IOperation Passed, SyntaxNode Declaration, SemanticModel Model)? SameFileHelper(ITaintPolicy policy, IInvocationOperation invocation, AccessPath path)
        {
            var method = invocation.TargetMethod;
            if (method.IsVirtual || method.IsAbstract || method.IsOverride || method.DeclaringSyntaxReferences.Length != 1
                || invocation.SemanticModel is not { } model)
            {
                return null;
            }

            foreach (var argument in invocation.Arguments)
            {
                // The value itself, or (for path shapes) the full path of its combination with a root:
                // EnsureInside(Path.GetFullPath(Path.Combine(root, name))), whose StartsWith(root) test confines name under root.
                if (argument.Parameter != null && (path.Equals(AccessPath.Of(argument.Value))
                    || (PathShapes(policy) && FullPathArgument(argument.Value.WalkDownConversions()) is { } made && IsCombinedPart(made.WalkDownConversions(), path))))
                {
                    var reference = method.DeclaringSyntaxReferences[0];
                    return reference.SyntaxTree == model.SyntaxTree
                        ? (argument.Parameter.OriginalDefinition, argument.Value, reference.GetSyntax(), model)
                        : null;
                }
            }

            return null;
        }

        /// <summary>
        /// The helper a guard calls when it is declared once in another file of this compilation (so this block cannot read
        /// it), not virtual, and passed the value at <paramref name="path"/>: what the end of the compilation must check.
        /// </summary>
        private static HelperGuard? OtherFileHelper(ITaintPolicy policy, IInvocationOperation invocation, AccessPath path, HelperCheck check)
        {
            var method = invocation.TargetMethod;
            if (method.IsVirtual || method.IsAbstract || method.IsOverride || method.DeclaringSyntaxReferences.Length != 1
                || method.MethodKind != MethodKind.Ordinary || invocation.SemanticModel is not { } model
                || method.DeclaringSyntaxReferences[0].SyntaxTree == model.SyntaxTree)
            {
                return null;
            }

            foreach (var argument in invocation.Arguments)
            {
                // As for a helper of the same file: the value itself, or (for path shapes) the full path of its combination.
                if (argument.Parameter != null && (path.Equals(AccessPath.Of(argument.Value))
                    || (PathShapes(policy) && FullPathArgument(argument.Value.WalkDownConversions()) is { } made && IsCombinedPart(made.WalkDownConversions(), path))))
                {
                    return new HelperGuard(argument.Parameter.OriginalDefinition, IsFullPathValue(argument.Value), check);
                }
            }

            return null;
        }

        /// <summary>
        /// At the end of the compilation: the helper of <paramref name="guard"/>, read through <paramref name="model"/> (the
        /// semantic model its own block was analyzed with), validates its parameter the way a helper of the same file must.
        /// </summary>
        public static bool HelperValidates(ITaintPolicy policy, HelperGuard guard, SemanticModel model)
        {
            var method = guard.Parameter.ContainingSymbol;
            if (method.DeclaringSyntaxReferences.Length != 1 || method.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree)
            {
                return false;
            }

            return HelperValidates(policy, guard.Check, guard.Parameter, guard.FullPath, method.DeclaringSyntaxReferences[0].GetSyntax(), model);
        }

        /// <summary>The helper declared by <paramref name="declaration"/> checks <paramref name="parameter"/> as <paramref name="check"/> says.</summary>
        private static bool HelperValidates(ITaintPolicy policy, HelperCheck check, IParameterSymbol parameter, bool fullPath, SyntaxNode declaration, SemanticModel model)
            => check switch
            {
                HelperCheck.Throws => ThrowsUnlessValid(policy, parameter, fullPath, declaration, model),
                HelperCheck.Approves => Knowledge.AgentTools.HelperApproves(parameter, declaration, model),
                _ => ReturnsValidation(policy, parameter, fullPath, declaration, model),
            };

        private static ExpressionSyntax? OnlyReturned(BlockSyntax block)
            => block.Statements.Count == 1 && block.Statements[0] is ReturnStatementSyntax { Expression: { } returned } ? returned : null;

        /// <summary>The condition is true whenever the value at <paramref name="path"/> is not known to be safe.</summary>
        private static bool Invalidates(ITaintPolicy policy, IOperation condition, AccessPath path, bool followHelpers = true, AssumedHelper? assumed = null)
        {
            condition = condition.WalkDownConversions();
            switch (condition)
            {
                case IBinaryOperation comparison when IsIndexOfTest(comparison, path, found: false):
                    return true;
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return Validates(policy, not.Operand, path, followHelpers, assumed);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                    if (assumed == null)
                    {
                        return Invalidates(policy, or.LeftOperand, path, followHelpers) || Invalidates(policy, or.RightOperand, path, followHelpers)
                            || (PathShapes(policy) && IsRelativePathEscapeTest(or, path, negated: false));
                    }

                    // Either side is enough: one that holds without assuming a helper wins; else any side's helper may clear it.
                    var before = assumed.Save();
                    var firstHolds = Invalidates(policy, or.LeftOperand, path, followHelpers, assumed.Restart());
                    var first = assumed.Save();
                    if (firstHolds && first.Guard == null)
                    {
                        assumed.Restore(before);
                        return true;
                    }

                    var secondHolds = Invalidates(policy, or.RightOperand, path, followHelpers, assumed.Restart());
                    var second = assumed.Save();
                    assumed.Restore(before);
                    return (secondHolds && second.Guard == null) || (PathShapes(policy) && IsRelativePathEscapeTest(or, path, negated: false))
                        || assumed.AssumeAny(firstHolds ? first : default, secondHolds ? second : default);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                    return Invalidates(policy, and.LeftOperand, path, followHelpers, assumed) && Invalidates(policy, and.RightOperand, path, followHelpers, assumed);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals when IsBool(equals.RightOperand, false):
                    return Validates(policy, equals.LeftOperand, path, followHelpers, assumed);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals } notEquals:
                    if (IsBool(notEquals.RightOperand, true))
                    {
                        return Validates(policy, notEquals.LeftOperand, path, followHelpers, assumed);
                    }

                    return IsConstantComparison(notEquals, path) || (PathShapes(policy) && IsFileNameComparison(notEquals.LeftOperand, notEquals.RightOperand, path)) || IsNullComparison(notEquals, path);
                case IIsPatternOperation isPattern when BoolPattern(isPattern.Pattern) is { } matched:
                    // IsSlug(value) is false / is not true
                    return matched ? Invalidates(policy, isPattern.Value, path, followHelpers, assumed) : Validates(policy, isPattern.Value, path, followHelpers, assumed);
                case IIsPatternOperation { Pattern: INegatedPatternOperation negated } isPattern:
                    return path.Equals(AccessPath.Of(isPattern.Value)) && (IsConstantAlternatives(negated.Pattern) || IsNullPattern(negated.Pattern));
                case IInvocationOperation invocation:
                    return TextShapeChecks.IsCharacterDenyTest(invocation, path);
                default:
                    return false;
            }
        }

        /// <summary>
        /// A pattern that tests a boolean against a constant: <c>is true</c> or <c>is not false</c> match when the value is
        /// true (returns true), <c>is false</c> or <c>is not true</c> when it is false (returns false); null for any other pattern.
        /// </summary>
        private static bool? BoolPattern(IPatternOperation pattern)
        {
            var negated = false;
            if (pattern is INegatedPatternOperation not)
            {
                negated = true;
                pattern = not.Pattern;
            }

            if (pattern is IConstantPatternOperation constant && constant.Value.ConstantValue is { HasValue: true, Value: bool value })
            {
                return value != negated;
            }

            return null;
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

        /// <summary>
        /// <c>x.Equals("status", StringComparison.OrdinalIgnoreCase)</c>, <c>string.Equals(x, "status", …)</c>: the method form
        /// of <c>x == "status"</c> (true only when the value is that constant, whatever the case).
        /// </summary>
        private static bool IsConstantEqualsCall(ITaintPolicy policy, IInvocationOperation invocation, AccessPath path)
            => StringEqualsOperands(invocation) is { } compared
               && ((path.Equals(AccessPath.Of(compared.First)) && compared.Second.ConstantValue is { HasValue: true, Value: string })
                   || (path.Equals(AccessPath.Of(compared.Second)) && compared.First.ConstantValue is { HasValue: true, Value: string })
                   || (PathShapes(policy) && IsFileNameComparison(compared.First, compared.Second, path)));

        /// <summary>
        /// Whether path-shape checks count as guards for <paramref name="policy"/>: they confine a file path and clear only the
        /// kinds <see cref="ITaintPolicy.PathShapeKinds"/> names (docs/rules/AISEC003.md).
        /// </summary>
        private static bool PathShapes(ITaintPolicy policy) => policy.PathShapeKinds != SinkKinds.None;

        /// <summary>
        /// <c>name == Path.GetFileName(name)</c> (either side, or through <c>string.Equals</c>): the value is only a file name,
        /// as <c>Path.GetFileName(value)</c> would keep it (docs/rules/AISEC003.md).
        /// </summary>
        private static bool IsFileNameComparison(IOperation first, IOperation second, AccessPath path)
        {
            first = first.WalkDownConversions();
            second = second.WalkDownConversions();
            return (path.Equals(AccessPath.Of(first)) && IsFileNameOf(second, path)) || (path.Equals(AccessPath.Of(second)) && IsFileNameOf(first, path));
        }

        private static bool IsFileNameOf(IOperation operation, AccessPath path)
            => operation is IInvocationOperation { TargetMethod: { IsStatic: true, Name: "GetFileName" } method, Arguments.Length: 1 } call
               && IsSystemIOPath(method.ContainingType) && path.Equals(AccessPath.Of(call.Arguments[0].Value.WalkDownConversions()));

        /// <summary>The two strings <c>a.Equals(b, …)</c> or <c>string.Equals(a, b, …)</c> compares (conversions looked through), or null.</summary>
        private static (IOperation First, IOperation Second)? StringEqualsOperands(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.Name != "Equals" || method.ContainingType?.SpecialType != SpecialType.System_String)
            {
                return null;
            }

            if (!method.IsStatic && invocation.Instance != null && invocation.Arguments.Length >= 1)
            {
                return (invocation.Instance.WalkDownConversions(), invocation.Arguments[0].Value.WalkDownConversions());
            }

            if (method.IsStatic && invocation.Arguments.Length >= 2)
            {
                return (invocation.Arguments[0].Value.WalkDownConversions(), invocation.Arguments[1].Value.WalkDownConversions());
            }

            return null;
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

        /// <summary>A validator's call that is passed the value (as an argument or as the instance); the arguments first, the attribute lookup after.</summary>
        private static bool IsValidatorCall(ITaintPolicy policy, IInvocationOperation invocation, AccessPath path)
            => PassesPath(invocation, path) && policy.IsValidator(invocation.TargetMethod);

        /// <summary>
        /// <c>full.StartsWith(root)</c> where <c>full</c> is <c>Path.GetFullPath(value)</c>, inline or in a local that only
        /// <c>Path.GetFullPath</c> writes: the normalized path lies under the root (docs/rules/AISEC003.md). A path that was
        /// not made full keeps its <c>..</c> segments, so its <c>StartsWith</c> proves nothing.
        /// </summary>
        private static bool IsContainmentCheck(IInvocationOperation invocation, AccessPath path)
        {
            if (!IsStringStartsWith(invocation))
            {
                return false;
            }

            var checkedValue = invocation.Instance!.WalkDownConversions();
            if (FullPathArgument(checkedValue) is { } inline)
            {
                return path.Equals(AccessPath.Of(inline)) || IsCombinedPart(inline, path);
            }

            if (checkedValue is not ILocalReferenceOperation local || !IsOnlyFullPath(local))
            {
                return false;
            }

            if (path.Equals(AccessPath.Of(checkedValue)))
            {
                return true;
            }

            // var full = Path.GetFullPath(Path.Combine(root, name)) (or of a local `combined`), checked, then the combination used.
            return local.SingleWrite() is { } written && FullPathArgument(written.WalkDownConversions()) is { } made
                && (path.Equals(AccessPath.Of(made)) || IsCombinedPart(made, path));
        }

        /// <summary>
        /// <c>Path.Combine(root, value)</c> / <c>Path.Join(root, value)</c> with the value at <paramref name="path"/> after the first
        /// part: <c>if (!Path.GetFullPath(Path.Combine(root, name)).StartsWith(root)) throw …;</c> confines <c>name</c> under
        /// <c>root</c>, so the same combination used after the check stays inside.
        /// </summary>
        private static bool IsCombinedPart(IOperation combined, AccessPath path)
        {
            if (combined is not IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Combine" or "Join" } method } call
                || !IsSystemIOPath(method.ContainingType) || call.Arguments.Length < 2)
            {
                return false;
            }

            for (var i = 1; i < call.Arguments.Length; i++)
            {
                if (path.Equals(AccessPath.Of(call.Arguments[i].Value)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A local that only <c>Path.GetFullPath(…)</c> writes (at least once).</summary>
        private static bool IsOnlyFullPath(ILocalReferenceOperation local)
        {
            var writes = 0;
            foreach (var operation in local.GetRoot().WalkTree())
            {
                IOperation? written = operation switch
                {
                    IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local) => declarator.Initializer?.Value ?? declarator.GetVariableInitializer()?.Value,
                    IAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local.Local) => assignment is ISimpleAssignmentOperation simple ? simple.Value : assignment,
                    _ => null,
                };
                if (written == null)
                {
                    continue;
                }

                if (FullPathArgument(written.WalkDownConversions()) == null)
                {
                    return false;
                }

                writes++;
            }

            return writes > 0;
        }

        /// <summary>
        /// <c>relative.StartsWith("..") || Path.IsPathRooted(relative)</c> (or, with <paramref name="negated"/>, its
        /// negation joined by <c>&amp;&amp;</c>) where <c>relative</c> is <c>Path.GetRelativePath(root, value)</c>, inline or in a
        /// local only it writes: true exactly when the value lies outside the root (docs/rules/AISEC003.md). GetRelativePath
        /// makes both paths full first, so the value need not be; both tests are needed, because a path on another drive
        /// comes back whole (rooted) instead of starting with <c>..</c>. Also <c>value.Contains("..") || Path.IsPathRooted(value)</c>
        /// on the value itself: without any <c>..</c> and not rooted, the value combined with a root stays below it.
        /// </summary>
        private static bool IsRelativePathEscapeTest(IBinaryOperation junction, AccessPath path, bool negated)
        {
            var escapes = false;
            var rooted = false;
            var holdsParent = false;
            var rootedItself = false;
            var pending = new Stack<IOperation>();
            pending.Push(junction);
            while (pending.Count > 0)
            {
                var operand = pending.Pop().WalkDownConversions();
                if (operand is IBinaryOperation binary && binary.OperatorKind == junction.OperatorKind)
                {
                    pending.Push(binary.LeftOperand);
                    pending.Push(binary.RightOperand);
                    continue;
                }

                if (negated)
                {
                    if (operand is not IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
                    {
                        continue;
                    }

                    operand = not.Operand.WalkDownConversions();
                }

                if (!negated && IsInvalidFileNameCharTest(operand, path))
                {
                    // No separator, drive or other character a file name cannot hold: one segment, never rooted.
                    rootedItself = true;
                    continue;
                }

                if (operand is not IInvocationOperation { TargetMethod: { } method } call)
                {
                    continue;
                }

                if (IsStringStartsWith(call) && IsParentPrefix(call.Arguments[0].Value) && RelativePathTarget(call.Instance!, path))
                {
                    escapes = true;
                }
                else if (method.Name == "Contains" && !method.IsStatic && method.ContainingType?.SpecialType == SpecialType.System_String
                    && !call.Arguments.IsEmpty && call.Arguments[0].Value.WalkDownConversions().ConstantValue is { HasValue: true, Value: ".." }
                    && path.Equals(AccessPath.Of(call.Instance)))
                {
                    holdsParent = true;
                }
                else if (method.Name is "IsPathRooted" or "IsPathFullyQualified" && IsSystemIOPath(method.ContainingType) && call.Arguments.Length == 1)
                {
                    rooted |= RelativePathTarget(call.Arguments[0].Value, path);
                    rootedItself |= method.Name == "IsPathRooted" && path.Equals(AccessPath.Of(call.Arguments[0].Value));
                }
            }

            // The value itself: no ".." anywhere and not rooted, so combined with a root it stays below it.
            return (escapes && rooted) || (holdsParent && rootedItself);
        }

        /// <summary>
        /// <c>value.IndexOfAny(Path.GetInvalidFileNameChars()) &gt;= 0</c> (or <c>!= -1</c>, <c>&gt; -1</c>): true when the value holds
        /// a character no file name may hold, a directory separator among them.
        /// </summary>
        private static bool IsInvalidFileNameCharTest(IOperation operand, AccessPath path)
        {
            if (operand is not IBinaryOperation { OperatorKind: BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.NotEquals or BinaryOperatorKind.GreaterThan } test
                || test.LeftOperand.WalkDownConversions() is not IInvocationOperation { TargetMethod.Name: "IndexOfAny", Arguments.Length: 1 } search
                || search.TargetMethod.ContainingType?.SpecialType != SpecialType.System_String || !path.Equals(AccessPath.Of(search.Instance))
                || search.Arguments[0].Value.WalkDownConversions() is not IInvocationOperation { TargetMethod: { Name: "GetInvalidFileNameChars" } charsMethod }
                || !IsSystemIOPath(charsMethod.ContainingType))
            {
                return false;
            }

            var bound = test.RightOperand.WalkDownConversions().ConstantValue;
            return bound is { HasValue: true, Value: int value }
                && (test.OperatorKind == BinaryOperatorKind.GreaterThanOrEqual ? value == 0 : value == -1);
        }

        /// <summary><c>text.StartsWith(prefix, …)</c> on a string: the test of every containment and origin check.</summary>
        private static bool IsStringStartsWith(IInvocationOperation call)
            => call.TargetMethod is { Name: "StartsWith", IsStatic: false } method && method.ContainingType?.SpecialType == SpecialType.System_String
               && call.Instance != null && !call.Arguments.IsEmpty;

        /// <summary><c>".."</c>, or <c>".." + Path.DirectorySeparatorChar</c>: the prefix of every relative path that leaves its root.</summary>
        private static bool IsParentPrefix(IOperation prefix)
        {
            prefix = prefix.WalkDownConversions();
            if (prefix is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add && !prefix.ConstantValue.HasValue)
            {
                prefix = add.LeftOperand.WalkDownConversions();
            }

            return prefix.ConstantValue is { HasValue: true, Value: ".." };
        }

        /// <summary><paramref name="relative"/> is <c>Path.GetRelativePath(root, x)</c> (inline or in a local only it writes) with <c>x</c> the value at <paramref name="path"/>.</summary>
        private static bool RelativePathTarget(IOperation relative, AccessPath path)
        {
            relative = relative.WalkDownConversions();
            if (relative is ILocalReferenceOperation local)
            {
                IOperation? only = null;
                foreach (var operation in new OperationTree(relative.GetRoot()))
                {
                    IOperation? written = operation switch
                    {
                        IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local) => declarator.Initializer?.Value ?? declarator.GetVariableInitializer()?.Value,
                        IAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local.Local) => assignment,
                        _ => null,
                    };
                    if (written == null)
                    {
                        continue;
                    }

                    if (only != null)
                    {
                        return false;
                    }

                    only = written;
                }

                if (only == null)
                {
                    return false;
                }

                relative = only.WalkDownConversions();
            }

            if (relative is not IInvocationOperation { TargetMethod: { IsStatic: true, Name: "GetRelativePath" } method } call || call.Arguments.Length != 2
                || !IsSystemIOPath(method.ContainingType))
            {
                return false;
            }

            var compared = call.Arguments[1].Value.WalkDownConversions();
            return path.Equals(AccessPath.Of(compared)) || (FullPathArgument(compared) is { } inner && path.Equals(AccessPath.Of(inner)));
        }

        private static bool IsSystemIOPath(INamedTypeSymbol? type)
            => type is { Name: "Path", ContainingNamespace: { Name: "IO", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

        /// <summary>
        /// The argument of <c>System.IO.Path.GetFullPath(argument)</c>, or of <c>new FileInfo(argument).FullName</c> /
        /// <c>new DirectoryInfo(argument).FullName</c> (the same normalized path), or null.
        /// </summary>
        private static IOperation? FullPathArgument(IOperation operation)
        {
            if (operation is IInvocationOperation { TargetMethod: { IsStatic: true, Name: "GetFullPath" } method } call && IsSystemIOPath(method.ContainingType)
                && call.Arguments.Length > 0)
            {
                return call.Arguments[0].Value.WalkDownConversions();
            }

            return operation is IPropertyReferenceOperation { Property.Name: "FullName", Instance: IObjectCreationOperation { Arguments.Length: 1, Type: { Name: "FileInfo" or "DirectoryInfo" } type } creation }
                   && type.ContainingNamespace is { Name: "IO", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }
                ? creation.Arguments[0].Value.WalkDownConversions()
                : null;
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

            receiver = receiver.WalkDownConversions();
            return IsConstantCollection(receiver) || IsConfiguredCollection(receiver);
        }

        /// <summary>
        /// A collection of constants, whatever test reads it (<c>Contains</c>, <c>Any</c>, <c>Array.IndexOf</c>): written
        /// inline (<c>new[] { "a", "b" }</c>, <c>["a", "b"]</c>), or a readonly field, get-only property or only-looked-up
        /// local declared with literals only.
        /// </summary>
        private static bool IsConstantCollection(IOperation receiver)
        {
            receiver = receiver.WalkDownConversions();
            if (IsInlineConstants(receiver))
            {
                return true;
            }

            ISymbol? collection = receiver switch
            {
                IFieldReferenceOperation field when field.Field.IsReadOnly || field.Field.IsConst => field.Field,
                IPropertyReferenceOperation { Property.SetMethod: null } property => property.Property,
                ILocalReferenceOperation local when IsOnlyLookedUp(local) => local.Local,
                _ => null,
            };
            return collection != null && IsDeclaredWithLiteralsOnly(collection);
        }

        /// <summary>
        /// A collection an options object of the application holds, not the request's or the model's: a property of an
        /// object whose type is named like settings (<c>…Options</c>, <c>…Settings</c>, <c>…Config</c>, <c>…Configuration</c>,
        /// <c>…Policy</c>), reached through fields and properties from a readonly field or a property of this object, a
        /// static one, or an injected <c>IOptions&lt;T&gt;</c> (<c>_options.AllowedPrograms</c>, <c>options.Value.AllowedHosts</c>).
        /// A collection a field holds directly is judged by its declaration (literals only), as is a local only looked up; a string
        /// (<c>Contains</c> is then a substring test) never counts.
        /// </summary>
        private static bool IsConfiguredCollection(IOperation receiver)
        {
            if (receiver.Type == null || receiver.Type.SpecialType == SpecialType.System_String
                || receiver is not IPropertyReferenceOperation { Arguments.IsEmpty: true, Instance: { } holder } || !IsSettingsType(holder.Type))
            {
                return false;
            }

            var current = holder.WalkDownConversions();
            while (true)
            {
                switch (current)
                {
                    case IPropertyReferenceOperation { Arguments.IsEmpty: true } property:
                        if (property.Instance == null || property.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
                        {
                            return true;
                        }

                        current = property.Instance.WalkDownConversions();
                        continue;
                    case IFieldReferenceOperation field:
                        if (field.Instance == null || field.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
                        {
                            return field.Field.IsReadOnly;
                        }

                        current = field.Instance.WalkDownConversions();
                        continue;
                    case IParameterReferenceOperation parameter:
                        // options.Value.AllowedHosts: an IOptions<T>, IOptionsSnapshot<T> or IOptionsMonitor<T> the host injects.
                        return parameter.Parameter.Type.Name.StartsWith("IOptions", StringComparison.Ordinal);
                    default:
                        return false;
                }
            }
        }

        private static bool IsSettingsType(ITypeSymbol? type)
        {
            var name = type?.Name;
            return name != null && (name.EndsWith("Options", StringComparison.Ordinal) || name.EndsWith("Settings", StringComparison.Ordinal)
                || name.EndsWith("Config", StringComparison.Ordinal) || name.EndsWith("Configuration", StringComparison.Ordinal) || name.EndsWith("Policy", StringComparison.Ordinal));
        }

        /// <summary>An array or collection expression written here whose elements are all non-null constants.</summary>
        private static bool IsInlineConstants(IOperation receiver)
        {
            var initializer = receiver switch
            {
                IArrayCreationOperation { Initializer: { } arrayInitializer } => (IOperation)arrayInitializer,
                _ when receiver.Kind == OperationKinds.CollectionExpression => receiver,
                _ => null,
            };

            if (initializer == null)
            {
                return false;
            }

            var count = 0;
            foreach (var element in initializer.ChildOperations)
            {
                if (!element.WalkDownConversions().ConstantValue.HasValue || element.WalkDownConversions().ConstantValue.Value == null)
                {
                    return false;
                }

                count++;
            }

            return count > 0;
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
                        // ["code"] = "/usr/bin/code": a dictionary's key is what ContainsKey looks up.
                        var key = item is AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax { ArgumentList.Arguments: { Count: 1 } keys } } ? keys[0].Expression : item;
                        if (!(key is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)))
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

        /// <summary>
        /// <c>Regex.IsMatch(x, pattern)</c> or <c>regex.IsMatch(x)</c> on <c>System.Text.RegularExpressions.Regex</c> (no other
        /// type of that name), with a constant pattern that validates the whole value (<see cref="RegexPatterns"/>).
        /// </summary>
        private static bool IsAnchoredRegexMatch(ITaintPolicy policy, IInvocationOperation invocation, AccessPath path)
        {
            var method = invocation.TargetMethod;
            var regex = policy.Types.Regex;
            if (method.Name != "IsMatch" || regex == null || !SymbolEqualityComparer.Default.Equals(method.ContainingType, regex))
            {
                return false;
            }

            IOperation? input = null;
            string? pattern = null;
            var options = 0L;
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
                    case "options" when argument.ArgumentKind != ArgumentKind.DefaultValue:
                        if (!TryGetOptions(argument.Value, out options))
                        {
                            return false;
                        }

                        break;
                }
            }

            if (input == null || !path.Equals(AccessPath.Of(input)))
            {
                return false;
            }

            if (!method.IsStatic)
            {
                pattern = PatternOf(policy, invocation.Instance, out options);
            }

            return pattern != null && RegexPatterns.Validates(pattern, (options & MultilineOption) != 0, (options & IgnorePatternWhitespaceOption) != 0);
        }

        private const long MultilineOption = 2;
        private const long IgnorePatternWhitespaceOption = 32;

        /// <summary>A constant <c>RegexOptions</c> value; false when it is not known.</summary>
        private static bool TryGetOptions(IOperation value, out long options)
        {
            options = 0;
            var constant = value.WalkDownConversions().ConstantValue;
            if (!constant.HasValue || constant.Value == null)
            {
                constant = value.ConstantValue;
            }

            if (!constant.HasValue || constant.Value == null)
            {
                return false;
            }

            options = System.Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }

        /// <summary>The pattern and options of a <c>new Regex("…")</c> here, in a field or local initializer, or of a <c>[GeneratedRegex("…")]</c> method.</summary>
        private static string? PatternOf(ITaintPolicy policy, IOperation? regex, out long options)
        {
            options = 0;
            regex = regex?.WalkDownConversions();
            switch (regex)
            {
                case IObjectCreationOperation creation when creation.Arguments.Length > 0:
                    if (creation.Arguments.Length > 1 && creation.Arguments[1].ArgumentKind != ArgumentKind.DefaultValue && !TryGetOptions(creation.Arguments[1].Value, out options))
                    {
                        return null;
                    }

                    return creation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string text } ? text : null;
                case IInvocationOperation call when policy.Types.GeneratedRegexAttribute != null:
                    return GeneratedPattern(policy, call.TargetMethod, out options);
                case IFieldReferenceOperation field:
                    return PatternFromDeclaration(field.Field, out options);
                case IPropertyReferenceOperation property:
                    // A [GeneratedRegex] partial property (C# 13) is declared without a body: its pattern is the attribute's.
                    return GeneratedPattern(policy, property.Property, out options) ?? PatternFromDeclaration(property.Property, out options);
                case ILocalReferenceOperation local:
                    return PatternFromDeclaration(local.Local, out options);
                default:
                    return null;
            }
        }

        /// <summary>The pattern and options of the <c>[GeneratedRegex("…")]</c> on a partial method or property, else null.</summary>
        private static string? GeneratedPattern(ITaintPolicy policy, ISymbol member, out long options)
        {
            options = 0;
            if (policy.Types.GeneratedRegexAttribute == null)
            {
                return null;
            }

            foreach (var attribute in member.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, policy.Types.GeneratedRegexAttribute)
                    && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string generated)
                {
                    if (attribute.ConstructorArguments.Length > 1 && attribute.ConstructorArguments[1].Value is int generatedOptions)
                    {
                        options = generatedOptions;
                    }

                    return generated;
                }
            }

            return null;
        }

        private static string? PatternFromDeclaration(ISymbol symbol, out long options)
        {
            options = 0;
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
                    // Options are read from their names: a declaration elsewhere has no semantic model here.
                    if (creation.ArgumentList.Arguments.Count > 1)
                    {
                        var text = creation.ArgumentList.Arguments[1].Expression.ToString();
                        options |= text.IndexOf("Multiline", StringComparison.Ordinal) >= 0 ? MultilineOption : 0;
                        options |= text.IndexOf("IgnorePatternWhitespace", StringComparison.Ordinal) >= 0 ? IgnorePatternWhitespaceOption : 0;
                    }

                    return literal.Token.ValueText;
                }
            }

            return null;
        }
    }
}
