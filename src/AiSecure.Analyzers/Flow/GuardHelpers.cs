using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>
    /// Guards written as helpers of the same file that throw: <c>EnsureInsideRoot(full);</c> as a statement, where the
    /// helper's body is only <c>if (…) throw …;</c> statements and one of them rejects its parameter as an exit guard
    /// would (an allow-list, an anchored pattern, a validator), or, when the caller passes a path it made full
    /// (<c>Path.GetFullPath</c>), a <c>StartsWith(root)</c> test of it. Followed one level deep, as the boolean helpers
    /// are (docs/rules/AISEC003.md): a helper that may return before its check validates nothing; one declared in another
    /// file is read the same way at the end of the compilation.
    /// </summary>
    internal static partial class Guards
    {
        private static bool IsThrowingHelper(ITaintPolicy policy, IInvocationOperation invocation, AccessPath path, AssumedHelper? assumed)
            => invocation.TargetMethod.ReturnsVoid && IsHelperGuard(policy, invocation, path, assumed, HelperCheck.Throws);

        /// <summary>
        /// A helper passed the value at <paramref name="path"/> that checks it as <paramref name="check"/> says: read now when it
        /// is declared in this file; when it is declared in another file, recorded in <paramref name="assumed"/> and decided at
        /// the end of the compilation (<see cref="HelperValidates(ITaintPolicy, HelperGuard, SemanticModel)"/>) by the same reading.
        /// </summary>
        private static bool IsHelperGuard(ITaintPolicy policy, IInvocationOperation invocation, AccessPath path, AssumedHelper? assumed, HelperCheck check)
        {
            if (SameFileHelper(policy, invocation, path) is not { } helper)
            {
                return assumed != null && assumed.Assume(OtherFileHelper(policy, invocation, path, check));
            }

            var (parameter, passed, declaration, model) = helper;
            return HelperValidates(policy, check, parameter, IsFullPathValue(passed), declaration, model);
        }

        /// <summary>
        /// The helper declared by <paramref name="declaration"/> is only <c>if (…) throw …;</c> statements, one of which rejects
        /// <paramref name="parameter"/> as an exit guard would (with <paramref name="full"/>, the caller passes a full path and
        /// a <c>StartsWith(root)</c> test of it counts).
        /// </summary>
        private static bool ThrowsUnlessValid(ITaintPolicy policy, IParameterSymbol parameter, bool full, SyntaxNode declaration, SemanticModel model)
        {
            var body = declaration switch
            {
                MethodDeclarationSyntax { Body: { } block } => block,
                LocalFunctionStatementSyntax { Body: { } block } => block,
                _ => null,
            };
            if (body == null || body.Statements.Count == 0)
            {
                return false;
            }

            var rejects = false;
            foreach (var statement in body.Statements)
            {
                if (statement is not IfStatementSyntax { Else: null } test || !OnlyThrows(test.Statement))
                {
                    return false;
                }

                if (!rejects && model.GetOperation(test.Condition) is { } condition)
                {
                    rejects = Invalidates(policy, condition, AccessPath.Of(parameter), followHelpers: false)
                        || (full && PathShapes(policy) && PrefixChecked(condition, parameter, whenTrue: false));
                }
            }

            return rejects;
        }

        private static bool OnlyThrows(StatementSyntax statement)
        {
            if (statement is ThrowStatementSyntax)
            {
                return true;
            }

            if (statement is not BlockSyntax { Statements.Count: > 0 } block || block.Statements[block.Statements.Count - 1] is not ThrowStatementSyntax)
            {
                return false;
            }

            foreach (var inner in block.Statements)
            {
                if (inner is not (ExpressionStatementSyntax or ThrowStatementSyntax or LocalDeclarationStatementSyntax))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary><c>Path.GetFullPath(…)</c>, inline or in a local only it writes.</summary>
        private static bool IsFullPathValue(IOperation? value)
        {
            value = value?.WalkDownConversions();
            return value != null && (FullPathArgument(value) != null || (value is ILocalReferenceOperation local && IsOnlyFullPath(local)));
        }

        /// <summary>
        /// Whether <paramref name="condition"/> being <paramref name="whenTrue"/> means that <c>parameter.StartsWith(…)</c>
        /// held: the containment test inside a helper whose caller passed a full path.
        /// </summary>
        private static bool PrefixChecked(IOperation condition, IParameterSymbol parameter, bool whenTrue)
        {
            condition = condition.WalkDownConversions();
            switch (condition)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return PrefixChecked(not.Operand, parameter, !whenTrue);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both when whenTrue:
                    return PrefixChecked(both.LeftOperand, parameter, true) || PrefixChecked(both.RightOperand, parameter, true);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either when !whenTrue:
                    return PrefixChecked(either.LeftOperand, parameter, false) || PrefixChecked(either.RightOperand, parameter, false);
                case IInvocationOperation call when whenTrue && IsStringStartsWith(call):
                    return call.Instance!.WalkDownConversions() is IParameterReferenceOperation reference
                        && SymbolEqualityComparer.Default.Equals(reference.Parameter.OriginalDefinition, parameter);
                default:
                    return false;
            }
        }

        /// <summary>
        /// The member that stands for "the origin of this URL string" in an access path: <c>string.StartsWith</c> (the first of
        /// its overloads), so that <c>url.StartsWith("https://api.example.com/")</c> guards <c>url</c>'s origin and nothing else
        /// of it (<see cref="IsHostGuarded"/> clears the URL kind only).
        /// </summary>
        private static ISymbol? OriginMarker(ITypeSymbol stringType)
        {
            foreach (var member in stringType.GetMembers("StartsWith"))
            {
                if (member is IMethodSymbol)
                {
                    return member;
                }
            }

            return null;
        }

        /// <summary><c>url.StartsWith("https://api.example.com/")</c>: a constant absolute scheme and host closed by <c>/</c>, <c>?</c> or <c>#</c>.</summary>
        private static bool IsOriginPrefixCheck(IInvocationOperation invocation, AccessPath path)
        {
            if (!IsStringStartsWith(invocation)
                || invocation.Arguments[0].Value.ConstantValue is not { HasValue: true, Value: string prefix }
                || prefix.IndexOf("://", System.StringComparison.Ordinal) <= 0 || !UrlParts.FixesOrigin(prefix)
                || OriginMarker(invocation.TargetMethod.ContainingType) is not { } marker)
            {
                return false;
            }

            return AccessPath.Of(invocation.Instance) is { } checkedUrl && path.Equals(checkedUrl.WithMember(marker));
        }

        /// <summary>
        /// A local collection written once (its declaration) and otherwise only looked up (<c>Contains</c>,
        /// <c>ContainsKey</c>, <c>TryGetValue</c>): nothing adds to it after its literal initializer, so it is an allow-list
        /// as a readonly field would be (<c>var allowed = new HashSet&lt;string&gt; { "status", "log" };</c>).
        /// </summary>
        private static bool IsOnlyLookedUp(ILocalReferenceOperation local)
        {
            if (local.SingleWrite() == null)
            {
                return false;
            }

            foreach (var operation in new OperationTree(local.GetRoot()))
            {
                if (operation is not ILocalReferenceOperation use || !SymbolEqualityComparer.Default.Equals(use.Local, local.Local))
                {
                    continue;
                }

                var parent = use.Parent;
                while (parent is IConversionOperation or IParenthesizedOperation)
                {
                    parent = parent.Parent;
                }

                var lookup = parent switch
                {
                    IInvocationOperation call when call.Instance != null => call,
                    IArgumentOperation { Parent: IInvocationOperation call } argument when call.TargetMethod.IsExtensionMethod && call.Arguments[0] == argument => call,
                    _ => null,
                };
                if (lookup?.TargetMethod.Name is not ("Contains" or "ContainsKey" or "TryGetValue"))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// <c>Allowed.Any(a =&gt; string.Equals(a, x, StringComparison.OrdinalIgnoreCase))</c> (or <c>a == x</c>) over a collection of
        /// literals: true only when the value is one of them, as <c>Contains</c> would say.
        /// </summary>
        private static bool IsAllowListAny(IInvocationOperation invocation, AccessPath path)
        {
            if (invocation.TargetMethod.Name != "Any" || invocation.Arguments.Length != 2 || !invocation.TargetMethod.IsExtensionMethod && !(invocation.TargetMethod.ReducedFrom?.IsExtensionMethod ?? false)
                || invocation.Arguments[1].Value.AsLambda() is not { } lambda || lambda.SingleExpression() is not { } returned)
            {
                return false;
            }

            if (!IsConstantCollection(invocation.Arguments[0].Value))
            {
                return false;
            }

            var element = lambda.Symbol.Parameters[0];
            (IOperation First, IOperation Second)? compared = returned.WalkDownConversions() switch
            {
                IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals => (equals.LeftOperand.WalkDownConversions(), equals.RightOperand.WalkDownConversions()),
                IInvocationOperation call => StringEqualsOperands(call),
                _ => null,
            };
            if (compared is not { } pair)
            {
                return false;
            }

            var (first, second) = pair;

            return (first.ReadsParameter(element) && path.Equals(AccessPath.Of(second))) || (second.ReadsParameter(element) && path.Equals(AccessPath.Of(first)));
        }

        /// <summary>
        /// <c>Array.IndexOf(Allowed, x) &gt;= 0</c> (<paramref name="found"/>) or <c>&lt; 0</c> / <c>== -1</c> (not found), over a
        /// collection of literals: the index form of <c>Contains</c>.
        /// </summary>
        private static bool IsIndexOfTest(IBinaryOperation comparison, AccessPath path, bool found)
        {
            if (comparison.LeftOperand.WalkDownConversions() is not IInvocationOperation { TargetMethod: { Name: "IndexOf", IsStatic: true } method } call
                || call.Arguments.Length != 2 || method.ContainingType?.SpecialType != SpecialType.System_Array
                || comparison.RightOperand.ConstantValue is not { HasValue: true, Value: int bound }
                || !path.Equals(AccessPath.Of(call.Arguments[1].Value)))
            {
                return false;
            }

            var says = comparison.OperatorKind switch
            {
                BinaryOperatorKind.GreaterThanOrEqual when bound == 0 => (bool?)true,
                BinaryOperatorKind.GreaterThan when bound == -1 => true,
                BinaryOperatorKind.NotEquals when bound == -1 => true,
                BinaryOperatorKind.LessThan when bound == 0 => false,
                BinaryOperatorKind.LessThanOrEqual when bound == -1 => false,
                BinaryOperatorKind.Equals when bound == -1 => false,
                _ => null,
            };
            if (says != found)
            {
                return false;
            }

            return IsConstantCollection(call.Arguments[0].Value);
        }
    }

    /// <summary>
    /// While one read's guards are searched: the helper of another file a guard went through, assumed to validate
    /// (<see cref="Guards.IsGuarded"/>). Two different helpers assumed in one search leave nothing assumed: the read is
    /// then treated as unguarded (fail closed).
    /// </summary>
    internal sealed class AssumedHelper
    {
        public HelperGuard? Guard { get; private set; }

        public bool Conflict { get; private set; }

        public void Reset()
        {
            Guard = null;
            Conflict = false;
        }

        /// <summary>What has been assumed so far, to search one side of an either-or test on its own and come back.</summary>
        public AssumedState Save() => new(Guard, Conflict);

        public void Restore(AssumedState saved)
        {
            Guard = saved.Guard;
            Conflict = saved.Conflict;
        }

        /// <summary>Empties the assumption for the search of one side; returns this.</summary>
        public AssumedHelper Restart()
        {
            Reset();
            return this;
        }

        /// <summary>
        /// <c>first || second</c> where either is enough: each side searched on its own (<paramref name="left"/>,
        /// <paramref name="right"/>, default when that side does not hold), the value clean when any side's helper validates it.
        /// </summary>
        public bool AssumeAny(AssumedState left, AssumedState right)
        {
            var first = left.Conflict ? null : left.Guard;
            var second = right.Conflict ? null : right.Guard;
            return Assume(first != null && second != null ? first.OrElse(second) : first ?? second);
        }

        /// <summary>Records <paramref name="guard"/>; true when there is one to assume.</summary>
        public bool Assume(HelperGuard? guard)
        {
            if (guard == null)
            {
                return false;
            }

            if (Guard == null)
            {
                Guard = guard;
            }
            else if (!Guard.Equals(guard))
            {
                Conflict = true;
            }

            return true;
        }
    }

    /// <summary>A saved <see cref="AssumedHelper"/>: the helper assumed, and whether two different ones were.</summary>
    internal readonly struct AssumedState
    {
        public AssumedState(HelperGuard? guard, bool conflict)
        {
            Guard = guard;
            Conflict = conflict;
        }

        public readonly HelperGuard? Guard;

        public readonly bool Conflict;
    }
}
