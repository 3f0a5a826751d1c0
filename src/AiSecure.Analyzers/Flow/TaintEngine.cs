using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AiSecure.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>
    /// Demand-driven taint analysis over the IOperation trees of one method (its body, lambdas and local
    /// functions included), for any rule: the <see cref="ITaintPolicy"/> says what a source, a sanitizer and a
    /// validator are. Asked for a value, it walks backwards through locals, fields and properties written in
    /// the method, string building, awaits, conditionals, object construction and serialization, and returns
    /// where the untrusted parts come from. The last write that runs whenever the read runs hides earlier
    /// ones; writes inside an enclosing loop all reach. Guards (<see cref="Guards"/>) that dominate the read
    /// make a value clean. Calls of local functions and lambdas of the method are followed through their
    /// return values here; calls of other methods of the compilation become <see cref="PendingCall"/> origins,
    /// resolved by <see cref="CrossMethodFlow"/>.
    /// Limits never clear a value: concatenation, interpolation and builder chains of any length are
    /// flattened without recursion; past the per-method budget, or a nesting deeper than the stack allows,
    /// a value is <see cref="TaintValue.Unknown"/> (not reported), and the untrusted parts already found stay.
    /// </summary>
    internal sealed class TaintEngine
    {
        public const int DefaultBudget = 20000;

        /// <summary>Nesting of values that are not chains (locals read through locals, nested calls): deeper is unknown, not clean.</summary>
        private const int MaxNesting = 200;

        private const int MaxOperations = 40000;

        private readonly ITaintPolicy _policy;
        private readonly IMethodSymbol? _owner;

        /// <summary>Reused by every guard search of this engine (one method, one thread).</summary>
        private AssumedHelper? _assumedHelper;
        private readonly ImmutableArray<IOperation> _roots;
        private readonly Dictionary<IOperation, TaintValue> _memo = new(OperationIdentity.Instance);
        private readonly HashSet<IOperation> _active = new(OperationIdentity.Instance);
        private HashSet<IMethodSymbol>? _activeFunctions;
        private Dictionary<ISymbol, List<Write>>? _writes;
        private Dictionary<IMethodSymbol, IOperation>? _localFunctions;
        private Dictionary<IFieldSymbol, bool>? _constructorFilled;
        private bool _writesTruncated;
        private int _budget;
        private int _depth;

        public TaintEngine(ITaintPolicy policy, ImmutableArray<IOperation> roots, CancellationToken cancellationToken, int budget = DefaultBudget, IMethodSymbol? owner = null)
        {
            _owner = owner;
            _policy = policy;
            _roots = roots;
            CancellationToken = cancellationToken;
            _budget = budget;
        }

        /// <summary>
        /// The token the current caller runs under: the method's own action while it is analyzed, the compilation-end
        /// action when another method's flow asks this one about an argument or a return value.
        /// </summary>
        public CancellationToken CancellationToken { get; set; }

        /// <summary>The budget ran out: some values are <see cref="TaintValue.Unknown"/>; untrusted parts found are still reported.</summary>
        public bool Exhausted { get; private set; }

        public ITaintPolicy Policy => _policy;

        public TaintValue Evaluate(IOperation? operation)
        {
            if (operation == null)
            {
                return TaintValue.Clean;
            }

            if (_memo.TryGetValue(operation, out var cached))
            {
                return cached;
            }

            if (--_budget < 0)
            {
                Exhausted = true;
                return TaintValue.Unknown;
            }

            if (_depth > MaxNesting)
            {
                return TaintValue.Unknown;
            }

            CancellationToken.ThrowIfCancellationRequested();
            _depth++;
            try
            {
                var value = EvaluateCore(operation);
                _memo[operation] = value;
                return value;
            }
            finally
            {
                _depth--;
            }
        }

        /// <summary>False for values that cannot carry text: numbers, bool, char, enums, Guid, dates and times.</summary>
        public bool CanCarryText(ITypeSymbol? type) => _policy.Types.CanCarryText(type);

        private TaintValue EvaluateCore(IOperation operation)
        {
            if (operation.ConstantValue.HasValue)
            {
                return TaintValue.Clean;
            }

            if (operation.Type != null && !CanCarryText(operation.Type) && operation is not IConversionOperation)
            {
                return TaintValue.Clean;
            }

            switch (operation)
            {
                case IParenthesizedOperation parenthesized:
                    return Evaluate(parenthesized.Operand).At(operation);

                case IConversionOperation conversion:
                    if (!CanCarryText(conversion.Type))
                    {
                        return TaintValue.Clean;
                    }

                    return Evaluate(conversion.Operand).At(operation);

                case ILiteralOperation:
                case IDefaultValueOperation:
                case IInstanceReferenceOperation:
                case IAnonymousFunctionOperation:
                case IDelegateCreationOperation:
                case ITypeOfOperation:
                case INameOfOperation:
                case ISizeOfOperation:
                    return TaintValue.Clean;

                case IInterpolatedStringOperation interpolated:
                    return EvaluateInterpolation(interpolated);

                case IInterpolatedStringHandlerCreationOperation handler:
                    // builder.Append($"…{x}") and AppendLine(provider, $"…") bind to StringBuilder's interpolated-string
                    // handler overloads (.NET 6+): the handler's content is the interpolation.
                    return Evaluate(handler.Content).At(operation);

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    return EvaluateConcatenation(binary, null);

                case IBinaryOperation:
                    return TaintValue.Clean;

                case ICoalesceOperation coalesce:
                    return TaintValue.Union(new[] { Evaluate(coalesce.Value), Evaluate(coalesce.WhenNull) }).At(operation);

                case IConditionalOperation conditional when conditional.WhenFalse != null:
                    return TaintValue.Union(new[] { Evaluate(conditional.WhenTrue), Evaluate(conditional.WhenFalse) }).At(operation);

                case ISwitchExpressionOperation switchExpression:
                    return TaintValue.Union(switchExpression.Arms.Select(a => Evaluate(a.Value))).At(operation);

                case IAwaitOperation awaitOperation:
                    return Evaluate(awaitOperation.Operation).At(operation);

                case IConditionalAccessOperation conditionalAccess:
                    return Evaluate(conditionalAccess.WhenNotNull).At(operation);

                case IConditionalAccessInstanceOperation instance:
                    return EvaluateConditionalAccessInstance(instance);

                case IParameterReferenceOperation parameterReference:
                    return EvaluateParameter(parameterReference);

                case ILocalReferenceOperation localReference:
                    return EvaluateLocal(localReference);

                case IFieldReferenceOperation fieldReference:
                    return EvaluateField(fieldReference);

                case IPropertyReferenceOperation propertyReference:
                    return EvaluateProperty(propertyReference);

                case IArrayElementReferenceOperation element:
                    return Evaluate(element.ArrayReference).ReadAt(operation);

                case IImplicitIndexerReferenceOperation implicitIndexer:
                    return Evaluate(implicitIndexer.Instance).ReadAt(operation);

                case IInvocationOperation invocation:
                    return EvaluateInvocation(invocation);

                case IObjectCreationOperation creation:
                    return EvaluateCreation(creation);

                case IAnonymousObjectCreationOperation anonymous:
                    return EvaluateAnonymous(anonymous);

                case IArrayCreationOperation array:
                    return array.Initializer == null ? TaintValue.Clean : Evaluate(array.Initializer).At(operation);

                case IArrayInitializerOperation initializer:
                    return TaintValue.Union(initializer.ElementValues.Select(Evaluate)).At(operation);

                case ITupleOperation tuple:
                    return TaintValue.Union(tuple.Elements.Select(Evaluate)).At(operation);

                case IObjectOrCollectionInitializerOperation initializer:
                    return EvaluateInitializer(initializer);

                case IWithOperation with:
                    // `command with { Text = … }`: the copy holds the original's members and the new ones.
                    return TaintValue.Union(new[] { Evaluate(with.Operand), EvaluateInitializer(with.Initializer) }).At(operation);

                case ISimpleAssignmentOperation assignment:
                    return Evaluate(assignment.Value);

                case ICompoundAssignmentOperation compound when compound.Type?.SpecialType == SpecialType.System_String:
                    return TaintValue.Compose(new[] { Operand(compound.Target), Operand(compound.Value) });

                default:
                    // Collection expressions and spreads (newer Roslyn than the 4.8 floor): their elements flow.
                    if (operation.Kind == OperationKinds.CollectionExpression || operation.Kind == OperationKinds.Spread)
                    {
                        return TaintValue.Union(operation.ChildOperations.Select(Evaluate)).At(operation);
                    }

                    return TaintValue.Clean;
            }
        }

        /// <summary>
        /// <c>a + b + c + …</c> of any length: the operands of a left- (or right-) nested string concatenation are
        /// collected with an explicit stack, so a 3,000-line prompt costs no recursion. With <paramref name="skip"/>,
        /// that leading operand (the target of <c>s = s + x</c>) is left out.
        /// </summary>
        private TaintValue EvaluateConcatenation(IBinaryOperation binary, ISymbol? skip)
        {
            var operands = new List<OperandValue>();
            var pending = new Stack<IOperation>();
            pending.Push(binary);
            var first = true;
            while (pending.Count > 0)
            {
                var current = StripImplicit(pending.Pop());
                if (current is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } inner && inner.Type?.SpecialType == SpecialType.System_String && !inner.ConstantValue.HasValue)
                {
                    pending.Push(inner.RightOperand);
                    pending.Push(inner.LeftOperand);
                    continue;
                }

                if (first && skip != null && TargetSymbol(current) is { } leading && SymbolEqualityComparer.Default.Equals(leading, skip))
                {
                    first = false;
                    continue;
                }

                first = false;
                operands.Add(Operand(current));
            }

            return TaintValue.Compose(operands);
        }

        private OperandValue Operand(IOperation operand)
        {
            var inner = operand;
            while (inner is IConversionOperation { IsImplicit: true } conversion)
            {
                inner = conversion.Operand;
            }

            return new OperandValue(inner, Evaluate(inner));
        }

        private TaintValue EvaluateInterpolation(IInterpolatedStringOperation interpolated)
        {
            var holes = new List<OperandValue>();
            var hasText = false;
            foreach (var part in interpolated.Parts)
            {
                switch (part)
                {
                    case IInterpolationOperation interpolation:
                        holes.Add(Operand(interpolation.Expression));
                        if (interpolation.Alignment != null || interpolation.FormatString != null)
                        {
                            hasText = true;
                        }

                        break;
                    case IInterpolatedStringTextOperation:
                        hasText = true;
                        break;
                    case IInterpolatedStringAppendOperation append when append.AppendCall is IInvocationOperation call:
                        if (call.TargetMethod.Name == "AppendLiteral")
                        {
                            hasText = true;
                        }
                        else if (call.Arguments.Length > 0)
                        {
                            holes.Add(Operand(call.Arguments[0].Value));
                        }

                        break;
                }
            }

            if (!hasText && holes.Count == 1)
            {
                // $"{x}" is x itself.
                return holes[0].Value.At(interpolated);
            }

            return TaintValue.Compose(holes);
        }

        private TaintValue EvaluateConditionalAccessInstance(IConditionalAccessInstanceOperation instance)
        {
            // The instance stands for the receiver of the nearest conditional access whose WhenNotNull part holds it. Its
            // syntax is the receiver expression (`result` in `result?.Items`), outside WhenNotNull's span, so the
            // enclosing access is found through the operation tree, not by spans.
            IOperation child = instance;
            for (var current = instance.Parent; current != null; child = current, current = current.Parent)
            {
                if (current is IConditionalAccessOperation access && ReferenceEquals(access.WhenNotNull, child))
                {
                    return Evaluate(access.Operation);
                }
            }

            return TaintValue.Clean;
        }

        private TaintValue EvaluateParameter(IParameterReferenceOperation reference)
        {
            var parameter = reference.Parameter;
            var guarded = GuardedKinds(reference, out var pending);
            if (guarded == SinkKinds.AllKinds)
            {
                return TaintValue.Clean;
            }

            return CheckedByHelper(pending, guarded, HostChecked(FromWrites(parameter, reference, () =>
            {
                var display = _policy.GetParameterSource(parameter, reference);
                if (display != null)
                {
                    var source = TaintValue.Source(display, reference);
                    return _policy.PendingSourceCheck(parameter, reference) is { } check ? source.GuardedBy(check) : source;
                }

                if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda)
                {
                    return LambdaElement(lambda, parameter, reference);
                }

                return parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor or MethodKind.LocalFunction or MethodKind.ExplicitInterfaceImplementation or MethodKind.UserDefinedOperator }
                    && parameter.RefKind != RefKind.Out && CanCarryText(parameter.Type)
                    ? TaintValue.Parameter(parameter, reference)
                    : TaintValue.Clean;
            }), reference));
        }

        /// <summary>
        /// The first parameter of a lambda passed to a method of a collection (<c>Select</c>, <c>Where</c>,
        /// <c>ForEach</c>, …) is an element of that collection. A lambda kept in a local is a function of this
        /// method: its parameters are what its calls here pass (<see cref="EvaluateFunctionCall"/>).
        /// </summary>
        private TaintValue LambdaElement(IMethodSymbol lambda, IParameterSymbol parameter, IOperation reference)
        {
            if (reference.EnclosingLambda(lambda, out var argument) == null)
            {
                return TaintValue.Clean;
            }

            if (argument?.Parent is not IInvocationOperation invocation)
            {
                return parameter.RefKind != RefKind.Out && CanCarryText(parameter.Type) ? TaintValue.Parameter(parameter, reference) : TaintValue.Clean;
            }

            if (parameter.Ordinal != 0)
            {
                return TaintValue.Clean;
            }

            var receiver = invocation.Instance;
            if (receiver == null && invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 && invocation.Arguments[0] != argument)
            {
                receiver = invocation.Arguments[0].Value;
            }

            if (receiver == null && !invocation.TargetMethod.IsExtensionMethod && IsInSource(invocation.TargetMethod))
            {
                // A helper of this compilation that calls the lambda on the items passed beside it (Markup.Lines(items, f => f.Title)).
                return ElementsPassedBeside(invocation, argument!, reference);
            }

            return receiver == null ? TaintValue.Clean : Evaluate(receiver).ReadAt(reference);
        }

        /// <summary>
        /// A guard before <paramref name="value"/> (a local or parameter passed to a callee) checked its member
        /// <paramref name="member"/>: <c>if (!Languages.Contains(request.TargetLanguage)) return …; factory.Build(request)</c>.
        /// </summary>
        private bool IsMemberGuarded(IOperation value, string member)
        {
            value = value.WalkDownConversions();
            if (value is not (ILocalReferenceOperation or IParameterReferenceOperation) || AccessPath.Of(value) is not { } path || value.Type is not { } type)
            {
                return false;
            }

            foreach (var symbol in type.GetMembers(member))
            {
                if (symbol is IPropertySymbol or IFieldSymbol && Guards.IsGuarded(_policy.WithoutPathShapes, value, path.WithMember(symbol)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The elements of the collections passed to <paramref name="invocation"/> beside the lambda <paramref name="lambdaArgument"/>.</summary>
        private TaintValue ElementsPassedBeside(IInvocationOperation invocation, IArgumentOperation lambdaArgument, IOperation reference)
        {
            List<TaintValue>? values = null;
            foreach (var other in invocation.Arguments)
            {
                if (other != lambdaArgument && other.Value.Type is { } type && type.SpecialType != SpecialType.System_String
                    && type.AllInterfaces.Any(static i => i.SpecialType == SpecialType.System_Collections_IEnumerable))
                {
                    (values ??= new List<TaintValue>()).Add(Evaluate(other.Value).ReadAt(reference));
                }
            }

            return values == null ? TaintValue.Clean : TaintValue.Union(values);
        }

        private TaintValue EvaluateLocal(ILocalReferenceOperation reference)
        {
            if (reference.Local.HasConstantValue)
            {
                return TaintValue.Clean;
            }

            var guarded = GuardedKinds(reference, out var pending);
            if (guarded == SinkKinds.AllKinds)
            {
                return TaintValue.Clean;
            }

            return CheckedByHelper(pending, guarded, HostChecked(FromWrites(reference.Local, reference, null), reference));
        }

        /// <summary>
        /// A guard dominates this read. A guard through a helper declared in another file, which this block cannot read, is
        /// <paramref name="pending"/> instead: the value then stays tainted, marked with that helper, and the end of the
        /// compilation decides (<see cref="CrossMethodFlow"/>); a helper it cannot prove validating clears nothing.
        /// </summary>
        private int GuardedKinds(IOperation reference, out HelperGuard? pending)
        {
            pending = null;
            var path = AccessPath.Of(reference);
            var assumed = _assumedHelper ??= new AssumedHelper();
            assumed.Reset();
            if (!Guards.IsGuarded(_policy, reference, path, assumed))
            {
                return SinkKinds.None;
            }

            if (assumed.Guard == null)
            {
                return GuardedFor(reference, path);
            }

            // A guard may have held only by assuming the helper: is there one that holds without it?
            var guard = assumed.Conflict ? null : assumed.Guard;
            if (Guards.IsGuarded(_policy, reference, path))
            {
                return GuardedFor(reference, path);
            }

            pending = guard;
            return SinkKinds.None;
        }

        /// <summary>
        /// A read some guard dominates: clean for every kind when a guard other than a path-shape check holds, else (only a
        /// containment, file-name, rooted/<c>..</c> or invalid-character check) clean for the path kinds only. The second
        /// look runs only for guarded reads.
        /// </summary>
        private int GuardedFor(IOperation reference, AccessPath? path)
            => _policy.PathShapeKinds == SinkKinds.None || Guards.IsGuarded(_policy.WithoutPathShapes, reference, path) ? SinkKinds.AllKinds : _policy.PathShapeKinds;

        private static TaintValue CheckedByHelper(HelperGuard? pending, int guarded, TaintValue value)
        {
            if (guarded != SinkKinds.None && value.IsTainted)
            {
                value = value.ClearedFor(guarded);
            }

            return pending != null ? value.GuardedBy(pending) : value;
        }

        /// <summary>No guard checks this read of a local (neither a validation nor, for a <c>Uri</c>, an allow-list of hosts).</summary>
        public bool IsUncheckedRead(ILocalReferenceOperation reference)
        {
            var path = AccessPath.Of(reference);
            return !Guards.IsGuarded(_policy.WithoutPathShapes, reference, path) && !(_policy.HostCheckedKinds != SinkKinds.None && Guards.IsHostGuarded(_policy, reference, path));
        }

        /// <summary>A <c>Uri</c> whose host a guard checked against an allow-list: clean for the kinds the policy names (an outbound URL).</summary>
        private TaintValue HostChecked(TaintValue value, IOperation reference)
        {
            var kinds = _policy.HostCheckedKinds;
            return kinds != SinkKinds.None && value.IsTainted && Guards.IsHostGuarded(_policy, reference, AccessPath.Of(reference)) ? value.ClearedFor(kinds) : value;
        }

        private TaintValue EvaluateField(IFieldReferenceOperation reference)
        {
            var field = reference.Field;
            if (field.HasConstantValue)
            {
                return TaintValue.Clean;
            }

            var source = _policy.GetSource(reference);
            if (source != null)
            {
                return TaintValue.Source(source, reference);
            }

            if (reference.Instance == null || reference.Instance is IInstanceReferenceOperation)
            {
                var guarded = GuardedKinds(reference, out var pending);
                if (guarded == SinkKinds.AllKinds)
                {
                    return TaintValue.Clean;
                }

                // Fields written in this method; else, for a field a constructor fills from its parameter
                // (`_persona = persona`, or a primary constructor's `string _persona = persona;`), whatever the caller's
                // object was built with (the caller's `new PromptFactory(request.Persona)`), like a property; and what
                // other methods write, when the policy follows it.
                var filledByConstructor = _owner is { IsStatic: false, MethodKind: MethodKind.Ordinary or MethodKind.PropertyGet } && !field.IsStatic
                    && CanCarryText(reference.Type) && FilledFromConstructorParameter(field);
                var writtenElsewhere = _policy.FollowsMemberWrites && IsFollowedMember(field, field.Type);
                return CheckedByHelper(pending, guarded, FromWrites(field, reference, () =>
                    filledByConstructor && writtenElsewhere
                        ? TaintValue.Union(new[] { TaintValue.Receiver(_owner!, reference), TaintValue.FromMember(field.OriginalDefinition, reference) })
                        : filledByConstructor
                            ? TaintValue.Receiver(_owner!, reference)
                            : writtenElsewhere
                                ? TaintValue.FromMember(field.OriginalDefinition, reference)
                                : TaintValue.Clean));
            }

            if (TupleElementIndex(field) is var index and >= 0 && TupleElement(reference.Instance, index) is { } element)
            {
                return element.At(reference);
            }

            var value = Evaluate(reference.Instance);
            return value.IsTainted ? MemberRead(reference, field.Name, value) : value;
        }

        /// <summary>
        /// <c>obj.Member</c> of a tainted object: the member alone when the object is built in this method with that member set
        /// (<c>new PromptContext { Question = q, Product = "Desk" }</c>: <c>Product</c> is clean); for a parameter, the
        /// member read is remembered so the caller's object is asked for it alone; else the whole object, raw.
        /// </summary>
        private TaintValue MemberRead(IOperation reference, string member, TaintValue instance)
        {
            var receiver = ((IMemberReferenceOperation)reference).Instance!.WalkDownConversions();
            if (receiver is ILocalReferenceOperation or IObjectCreationOperation && MemberOfCreation(receiver, member) is { } only)
            {
                return only.At(reference);
            }

            var read = instance.ReadAt(reference).WithCallMember(member);
            return receiver is IParameterReferenceOperation ? read.WithReadMember(member) : read;
        }

        /// <summary>
        /// What <paramref name="member"/> of the object <paramref name="value"/> holds, when the object is created right there or
        /// in a local's only write, and the creation sets that member (initializer, or a constructor parameter of the same
        /// name as records have) and nothing in the method assigns it afterwards; null when that is not known.
        /// </summary>
        private TaintValue? MemberOfCreation(IOperation value, string member)
        {
            value = value.WalkDownConversions();
            ILocalSymbol? local = null;
            if (value is ILocalReferenceOperation localReference)
            {
                if (localReference.SingleWrite() is not { } initializer)
                {
                    return null;
                }

                local = localReference.Local;
                value = initializer.WalkDownConversions();
            }

            if (value is IWithOperation copy)
            {
                return MemberOfCopy(copy, member, local);
            }

            if (value is not IObjectCreationOperation creation || creation.Type is not { } type || type.Locations.IsEmpty || !type.Locations[0].IsInSource)
            {
                return null;
            }

            IOperation? assigned = null;
            if (creation.Initializer != null)
            {
                foreach (var child in creation.Initializer.Initializers)
                {
                    if (child is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment && target.Member.Name == member)
                    {
                        assigned = assignment.Value;
                    }
                }
            }

            var found = assigned != null;
            if (!found)
            {
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter is { } parameter && string.Equals(parameter.Name, member, StringComparison.OrdinalIgnoreCase))
                    {
                        assigned = argument.ArgumentKind == ArgumentKind.DefaultValue ? null : argument.Value;
                        found = true;
                    }
                }
            }

            if (!found || (local != null && AssignsMember(value, local, member)))
            {
                return null;
            }

            return assigned == null ? TaintValue.Clean : Evaluate(assigned);
        }

        /// <summary>
        /// <paramref name="member"/> of <c>original with { … }</c>: what the copy sets it to, else what the original holds for it
        /// (<c>request with { Text = Clean(request.Text) }</c> has a clean <c>Text</c> and the request's other members).
        /// </summary>
        private TaintValue? MemberOfCopy(IWithOperation copy, string member, ILocalSymbol? local)
        {
            if (local != null && AssignsMember(copy, local, member))
            {
                return null;
            }

            IOperation? assigned = null;
            foreach (var child in copy.Initializer.Initializers)
            {
                if (child is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment && target.Member.Name == member)
                {
                    assigned = assignment.Value;
                }
            }

            if (assigned != null)
            {
                return Evaluate(assigned);
            }

            var original = copy.Operand.WalkDownConversions();
            if (MemberOfCreation(original, member) is { } inner)
            {
                return inner;
            }

            var whole = Evaluate(original);
            if (!whole.IsTainted)
            {
                return whole;
            }

            var read = whole.ReadAt(copy);
            return original is IParameterReferenceOperation ? read.WithReadMember(member) : read;
        }

        /// <summary>Whether the method writes <c>local.Member</c> anywhere (<c>context.Product = request.Product</c>).</summary>
        private static bool AssignsMember(IOperation inMethod, ILocalSymbol local, string member)
        {
            foreach (var operation in inMethod.GetRoot().WalkTree())
            {
                if (operation is IAssignmentOperation { Target: IMemberReferenceOperation { Instance: ILocalReferenceOperation owner } target }
                    && target.Member.Name == member && SymbolEqualityComparer.Default.Equals(owner.Local, local))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A field whose initializer is a primary-constructor parameter, or that a constructor assigns one of its parameters
        /// (read from syntax: the constructors may be in another file, without a semantic model here).
        /// </summary>
        private bool FilledFromConstructorParameter(IFieldSymbol field)
        {
            _constructorFilled ??= new Dictionary<IFieldSymbol, bool>(SymbolEqualityComparer.Default);
            if (!_constructorFilled.TryGetValue(field, out var filled))
            {
                filled = IsFilledFromConstructorParameter(field);
                _constructorFilled[field] = filled;
            }

            return filled;
        }

        private static bool IsFilledFromConstructorParameter(IFieldSymbol field)
        {
            var type = field.ContainingType;
            if (type == null || field.IsImplicitlyDeclared || field.DeclaringSyntaxReferences.Length != 1)
            {
                return false;
            }

            var parameters = new HashSet<string>(StringComparer.Ordinal);
            foreach (var constructor in type.InstanceConstructors)
            {
                foreach (var parameter in constructor.Parameters)
                {
                    parameters.Add(parameter.Name);
                }
            }

            if (parameters.Count == 0)
            {
                return false;
            }

            if (field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: IdentifierNameSyntax initial }
                && parameters.Contains(initial.Identifier.ValueText))
            {
                return true;
            }

            foreach (var constructor in type.InstanceConstructors)
            {
                foreach (var declaration in constructor.DeclaringSyntaxReferences)
                {
                    if (declaration.GetSyntax() is not ConstructorDeclarationSyntax syntax)
                    {
                        continue;
                    }

                    foreach (var node in syntax.DescendantNodes())
                    {
                        if (node is AssignmentExpressionSyntax { Right: IdentifierNameSyntax right } assignment
                            && parameters.Contains(right.Identifier.ValueText)
                            && assignment.Left switch
                            {
                                IdentifierNameSyntax left => left.Identifier.ValueText == field.Name,
                                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var name } => name.Identifier.ValueText == field.Name,
                                _ => false,
                            })
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>Which element of its tuple <paramref name="field"/> is (<c>prompts.User</c>, <c>pair.Item2</c>); -1 for other fields.</summary>
        private static int TupleElementIndex(IFieldSymbol field)
        {
            if (field.ContainingType is not { IsTupleType: true } tuple)
            {
                return -1;
            }

            var underlying = field.CorrespondingTupleField ?? field;
            var elements = tuple.TupleElements;
            for (var i = 0; i < elements.Length; i++)
            {
                if (SymbolEqualityComparer.Default.Equals(elements[i], field) || SymbolEqualityComparer.Default.Equals(elements[i].CorrespondingTupleField ?? elements[i], underlying))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// Element <paramref name="index"/> of a tuple literal, of a helper's returned tuple, or of a local every assignment of which
        /// is one of those (all of its assignments, whichever reaches: never less than the whole); null when not known that way.
        /// </summary>
        private TaintValue? TupleElement(IOperation instance, int index)
        {
            var stripped = instance.WalkDownConversions();
            if (stripped is ITupleOperation or IInvocationOperation or IAwaitOperation)
            {
                return EvaluateElement(stripped, index);
            }

            if (stripped is not ILocalReferenceOperation local)
            {
                return null;
            }

            var writes = GetWrites(local.Local);
            if (writes.Count == 0 || _writesTruncated)
            {
                return null;
            }

            var values = new List<TaintValue>();
            foreach (var write in writes)
            {
                if (write.Kind != WriteKind.Assign || write.Value == null)
                {
                    return null;
                }

                values.Add(EvaluateElement(write.Value, index));
            }

            return TaintValue.Union(values);
        }

        private TaintValue EvaluateProperty(IPropertyReferenceOperation reference)
        {
            if (reference.Instance is IInstanceReferenceOperation)
            {
                var guarded = GuardedKinds(reference, out var pending);
                if (guarded == SinkKinds.AllKinds)
                {
                    return TaintValue.Clean;
                }

                // Written in this method, filled by model binding ([BindProperty]), or whatever the caller's
                // object holds (a bound model's own method that builds the prompt).
                return CheckedByHelper(pending, guarded, FromWrites(reference.Property, reference, () =>
                {
                    if (_policy.GetSource(reference) is { } bound)
                    {
                        return TaintValue.Source(bound, reference);
                    }

                    var receiver = _owner is { IsStatic: false, MethodKind: MethodKind.Ordinary or MethodKind.PropertyGet } && CanCarryText(reference.Type) ? TaintValue.Receiver(_owner, reference) : TaintValue.Clean;
                    return _policy.FollowsMemberWrites && IsFollowedMember(reference.Property, reference.Property.Type) && ComputedGetter(reference.Property) == null
                        ? TaintValue.Union(new[] { receiver, TaintValue.FromMember(reference.Property.OriginalDefinition, reference) })
                        : receiver;
                }));
            }

            HelperGuard? checkedBy = null;
            var memberGuarded = SinkKinds.None;
            if (_policy.IsCleanMember(reference.Property)
                || (reference.Instance != null && (memberGuarded = GuardedKinds(reference, out checkedBy)) == SinkKinds.AllKinds))
            {
                return TaintValue.Clean;
            }

            return CheckedByHelper(checkedBy, memberGuarded, EvaluateMemberOfValue(reference));
        }

        /// <summary>A property of another object than this one: a source, a computed getter of this compilation, or a read of a tainted object.</summary>
        private TaintValue EvaluateMemberOfValue(IPropertyReferenceOperation reference)
        {

            var source = _policy.GetSource(reference);
            if (source != null)
            {
                return TaintValue.Source(source, reference);
            }

            if (reference.Instance == null)
            {
                return TaintValue.Clean;
            }

            if (ComputedGetter(reference.Property) is { } getter && CanCarryText(reference.Type))
            {
                // A property of this compilation with a body (`Text => $"…{topic}"`) is a helper called on the object:
                // its summary says what it builds from the object's members or captured constructor parameters.
                return TaintValue.FromCall(new PendingCall(getter, this, ImmutableArray<IArgumentOperation>.Empty, reference.Instance), reference);
            }

            var instance = Evaluate(reference.Instance);
            if (!instance.IsTainted)
            {
                return TaintValue.Clean;
            }

            // A member of a serialized anonymous object keeps its composition; a bound model's property is raw input.
            return reference.Instance.WalkDownConversions() is IAnonymousObjectCreationOperation ? instance : MemberRead(reference, reference.Property.Name, instance);
        }

        private TaintValue EvaluateInvocation(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var sanitized = _policy.SanitizedKinds(method);
            if (sanitized == SinkKinds.AllKinds)
            {
                return TaintValue.Clean;
            }

            if (sanitized != SinkKinds.None)
            {
                // A sanitizer of some kinds (an HTML encoder) hands its input on, cleared for those kinds only.
                var inputs = ArgumentValues(invocation).Select(a => a.Value).ToList();
                if (invocation.Instance != null)
                {
                    inputs.Add(Evaluate(invocation.Instance));
                }

                return TaintValue.Union(inputs).At(invocation).ClearedFor(sanitized);
            }

            return EvaluateInvocationCore(invocation, method);
        }

        private TaintValue EvaluateInvocationCore(IInvocationOperation invocation, IMethodSymbol method)
        {
            var source = _policy.GetSource(invocation);
            if (source != null)
            {
                return TaintValue.Source(source, invocation);
            }

            var types = _policy.Types;
            var containing = method.ContainingType;
            var receiver = invocation.Instance;
            if (receiver == null && method.IsExtensionMethod && invocation.Arguments.Length > 0)
            {
                receiver = invocation.Arguments[0].Value;
            }

            if (containing?.SpecialType == SpecialType.System_String)
            {
                if (method.IsStatic)
                {
                    // string.Concat, Format, Join and friends build text from every argument.
                    return method.Name is "Concat" or "Format" or "Join"
                        ? TaintValue.Compose(ArgumentValues(invocation))
                        : TaintValue.Union(ArgumentValues(invocation).Select(a => a.Value)).At(invocation);
                }

                var self = Evaluate(invocation.Instance);
                if (method.Name is "Replace" or "Insert" or "Concat")
                {
                    var arguments = ArgumentValues(invocation).ToList();
                    if (arguments.Any(a => a.Value.IsTainted) || self.IsComposed)
                    {
                        arguments.Insert(0, Operand(invocation.Instance!));
                        return TaintValue.Compose(arguments);
                    }
                }

                return self.At(invocation);
            }

            if (types.StringBuilder != null && containing.InheritsFromOrEquals(types.StringBuilder) && !method.IsStatic)
            {
                if (IsBuilderAppend(method))
                {
                    return EvaluateBuilderChain(invocation);
                }

                var builder = Evaluate(invocation.Instance);
                return method.Name == "ToString" ? builder : builder.At(invocation);
            }

            if (method.Name == "Replace" && SymbolEqualityComparer.Default.Equals(containing, types.Regex))
            {
                return EvaluateRegexReplace(invocation);
            }

            if (types.IsPassThrough(method) || _policy.IsPassThrough(method))
            {
                // An instance method of a carrier (BinaryData.ToString / ToMemory / ToObjectFromJson) reshapes its receiver.
                var carried = TaintValue.Union(ArgumentValues(invocation).Select(a => a.Value));
                return (invocation.Instance != null && !method.IsStatic ? TaintValue.Union(new[] { carried, Evaluate(invocation.Instance) }) : carried).At(invocation);
            }

            if (method.MethodKind == MethodKind.LocalFunction)
            {
                return EvaluateFunctionCall(invocation, method.OriginalDefinition, LocalFunctionBody(method.OriginalDefinition));
            }

            if (method.MethodKind == MethodKind.DelegateInvoke && invocation.Instance != null && LambdaOf(invocation.Instance) is { } lambda)
            {
                return EvaluateFunctionCall(invocation, lambda.Symbol, lambda.Body);
            }

            if (method.MethodKind == MethodKind.DelegateInvoke && CanCarryText(method.ReturnType)
                && invocation.Instance?.WalkDownConversions() is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor or MethodKind.LocalFunction } } function })
            {
                // text(item) with a delegate the caller passes (Markup.Lines(findings, f => f.Title)): what that lambda returns,
                // resolved through the callers like any parameter.
                return TaintValue.Parameter(function, invocation);
            }

            if (IsInSource(method) && !method.ReturnsVoid && CanCarryText(method.ReturnType))
            {
                // A helper of this compilation: its summary (return value in terms of its parameters) is
                // known when the compilation has been seen; the caller's arguments are evaluated here.
                return TaintValue.FromCall(new PendingCall((method.ReducedFrom ?? method).OriginalDefinition, this, invocation.Arguments, invocation.Instance), invocation);
            }

            if (receiver != null && SelectProjection(invocation, method, receiver) is { } projected)
            {
                return projected;
            }

            if (receiver != null && !method.IsStatic || method.IsExtensionMethod)
            {
                // A method of a tainted object (a reader, a request collection, StringValues, LINQ over lines)
                // returns tainted data; a method in this compilation is unknown without a summary.
                if (receiver != null && !IsInSource(method))
                {
                    var value = Evaluate(receiver);
                    if (value.IsTainted && FilteredFor(method, invocation) is var filtered and not SinkKinds.None)
                    {
                        if (filtered == SinkKinds.AllKinds)
                        {
                            // tags.Where(t => AllowedTags.Contains(t)): only elements the allow list holds are left.
                            return TaintValue.Clean;
                        }

                        // names.Where(n => Path.GetFileName(n) == n): file names only, still text for every other sink.
                        value = value.ClearedFor(filtered);
                    }

                    if (!value.IsComposed && value.IsTainted && IsTextFold(method))
                    {
                        // lines.Aggregate("Topics:", (text, line) => text + "\n- " + line): text built from every element.
                        return TaintValue.Compose(new[] { new OperandValue(invocation, value.ReadAt(invocation)) });
                    }

                    return value.IsComposed ? value : value.ReadAt(invocation);
                }
            }

            return TaintValue.Clean;
        }

        /// <summary>
        /// <c>items.Select(p =&gt; $"&lt;li&gt;{Encode(p)}&lt;/li&gt;")</c> and <c>items.Select(Encode)</c>: the elements are what the
        /// projection returns for each element, so an encoder inside it clears them. Null for any other call.
        /// </summary>
        private TaintValue? SelectProjection(IInvocationOperation invocation, IMethodSymbol method, IOperation receiver)
        {
            if (!method.IsEnumerableMethod("Select") || invocation.Arguments.Length != 2)
            {
                return null;
            }

            switch (invocation.Arguments[1].Value.WalkDownConversions())
            {
                case IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }:
                    return ReturnsOf(lambda.Body).At(invocation);
                case IDelegateCreationOperation { Target: IMethodReferenceOperation reference } when reference.Method.IsStatic:
                    var sanitized = _policy.SanitizedKinds(reference.Method);
                    return sanitized == SinkKinds.None ? null : Evaluate(receiver).ReadAt(invocation).ClearedFor(sanitized);
                default:
                    return null;
            }
        }

        /// <summary>
        /// <c>Regex.Replace(template, "{{(\\w+)}}", m => values[m.Groups[1].Value])</c>: the replacement, a string or what the
        /// evaluator lambda returns, is built into the input; a constant replacement leaves the input as it was.
        /// </summary>
        private TaintValue EvaluateRegexReplace(IInvocationOperation invocation)
        {
            var inputs = new List<OperandValue>();
            var replaced = false;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter == null)
                {
                    continue;
                }

                switch (argument.Parameter.Name)
                {
                    case "input":
                        inputs.Add(Operand(argument.Value));
                        break;
                    case "replacement":
                        var replacement = Operand(argument.Value);
                        replaced |= replacement.Value.IsTainted;
                        inputs.Add(replacement);
                        break;
                    case "evaluator" when argument.Value.AsLambda() is { } evaluator:
                        var returned = SingleReturnOf(evaluator.Body);
                        var value = returned != null ? Evaluate(returned) : ReturnsOf(evaluator.Body);
                        replaced |= value.IsTainted;
                        inputs.Add(new OperandValue(returned ?? invocation, value));
                        break;
                }
            }

            return replaced ? TaintValue.Compose(inputs) : TaintValue.Union(inputs.Select(i => i.Value)).At(invocation);
        }

        /// <summary>The value a body returns when it has one <c>return</c> (an expression lambda), else null.</summary>
        private static IOperation? SingleReturnOf(IOperation body)
        {
            IOperation? found = null;
            foreach (var operation in body.WalkTree())
            {
                if (operation is IReturnOperation { ReturnedValue: { } returned } && !IsInNestedFunction(operation, body))
                {
                    if (found != null)
                    {
                        return null;
                    }

                    found = returned;
                }
            }

            return found;
        }

        /// <summary>
        /// The sink kinds an <c>Enumerable.Where</c> predicate clears: every kind when it keeps only validated elements (an
        /// allow list, an anchored regex, a validator), the policy's path kinds when it checks their shape as paths only
        /// (<c>n =&gt; Path.GetFileName(n) == n</c>), none otherwise.
        /// </summary>
        private int FilteredFor(IMethodSymbol method, IInvocationOperation invocation)
        {
            if (!method.IsEnumerableMethod("Where"))
            {
                return SinkKinds.None;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value.AsLambda() is { } filter)
                {
                    return SinkKinds.ClearedBy(_policy, policy => Guards.IsValidatingFilter(policy, filter));
                }
            }

            return SinkKinds.None;
        }

        /// <summary><c>Enumerable.Aggregate</c> whose result is text: a fold of the elements into one string or builder.</summary>
        private bool IsTextFold(IMethodSymbol method)
            => method.IsEnumerableMethod("Aggregate") && (method.ReturnType.SpecialType == SpecialType.System_String || IsTextBuilder(method.ReturnType));

        private static bool IsBuilderAppend(IMethodSymbol method)
            => method.Name is "Append" or "AppendLine" or "AppendFormat" or "AppendJoin" or "Insert" or "Replace";

        /// <summary>
        /// <c>builder.Append(a).Append(b)…</c> of any length: the chain is walked down to its first receiver with a loop,
        /// and the text is the receiver's followed by every appended argument.
        /// </summary>
        private TaintValue EvaluateBuilderChain(IInvocationOperation outermost)
        {
            var calls = new List<IInvocationOperation>();
            IOperation? receiver = outermost;
            while (receiver is IInvocationOperation call && call.Instance != null && !call.TargetMethod.IsStatic && IsBuilderAppend(call.TargetMethod)
                   && call.TargetMethod.ContainingType.InheritsFromOrEquals(_policy.Types.StringBuilder))
            {
                calls.Add(call);
                receiver = StripImplicit(call.Instance);
            }

            var operands = new List<OperandValue> { Operand(receiver!) };
            for (var i = calls.Count - 1; i >= 0; i--)
            {
                operands.AddRange(ArgumentValues(calls[i]));
            }

            return TaintValue.Compose(operands);
        }

        /// <summary>
        /// A call of a local function or lambda of this method: what its body returns, with each of its parameters replaced
        /// by what this call passes (a helper that returns <c>$"…{question}"</c> makes the caller's prompt untrusted).
        /// </summary>
        private TaintValue EvaluateFunctionCall(IInvocationOperation invocation, IMethodSymbol function, IOperation? body)
        {
            if (body == null)
            {
                return TaintValue.Clean;
            }

            _activeFunctions ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            if (!_activeFunctions.Add(function))
            {
                // Recursion: the other returns of the function are already being followed.
                return TaintValue.Clean;
            }

            TaintValue returned;
            try
            {
                returned = ReturnsOf(body);
            }
            finally
            {
                _activeFunctions.Remove(function);
            }

            if (!returned.IsTainted)
            {
                return returned;
            }

            var origins = ImmutableArray.CreateBuilder<TaintOrigin>();
            var parts = ImmutableArray.CreateBuilder<IOperation>();
            var unknown = returned.IsUnknown;
            foreach (var origin in returned.Origins)
            {
                if (origin.Parameter is { } parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol.OriginalDefinition, function.OriginalDefinition))
                {
                    var argument = EvaluateArgument(invocation.Arguments, parameter.Ordinal);
                    unknown |= argument.IsUnknown;
                    foreach (var passed in argument.Origins)
                    {
                        origins.Add(passed.Through(origin));
                    }

                    parts.AddRange(argument.Parts);
                }
                else
                {
                    origins.Add(origin);
                    parts.Add(invocation);
                }
            }

            var value = TaintValue.Create(origins.ToImmutable(), parts.ToImmutable(), unknown);
            // Raw text handed back whole is carried by the call; composed text keeps the caller's parts (the fix wraps them).
            return value.IsComposed ? value : value.At(invocation);
        }

        /// <summary>The lambda a delegate local holds, when its only write is that lambda (<c>var build = (string q) => …</c>).</summary>
        private IAnonymousFunctionOperation? LambdaOf(IOperation instance)
        {
            if (StripImplicit(instance) is not ILocalReferenceOperation local)
            {
                return null;
            }

            var writes = GetWrites(local.Local);
            if (writes.Count != 1 || writes[0].Kind != WriteKind.Assign || writes[0].Value == null)
            {
                return null;
            }

            return writes[0].Value!.AsLambda();
        }

        private IOperation? LocalFunctionBody(IMethodSymbol function)
        {
            if (_localFunctions == null)
            {
                _localFunctions = new Dictionary<IMethodSymbol, IOperation>(SymbolEqualityComparer.Default);
                foreach (var root in _roots)
                {
                    foreach (var operation in root.WalkTree())
                    {
                        if (operation is ILocalFunctionOperation local && (local.Body ?? local.IgnoredBody) is { } body)
                        {
                            _localFunctions[local.Symbol.OriginalDefinition] = body;
                        }
                    }
                }
            }

            return _localFunctions.TryGetValue(function, out var found) ? found : null;
        }

        /// <summary>The value the caller passes for the parameter at <paramref name="ordinal"/>.</summary>
        public TaintValue EvaluateArgument(ImmutableArray<IArgumentOperation> arguments, int ordinal, string? member = null)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                    {
                        return TaintValue.Union(initializer.ElementValues.Select(Evaluate));
                    }

                    if (member != null && MemberOfCreation(argument.Value, member) is { } only)
                    {
                        // The callee reads one member of an object built here: only what that member was given.
                        return only;
                    }

                    if (member != null && IsMemberGuarded(argument.Value, member))
                    {
                        // The callee reads request.TargetLanguage, which a guard here checked before the call.
                        return TaintValue.Clean;
                    }

                    if (argument.Value.WalkDownConversions() is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
                    {
                        // A lambda the callee calls (f => f.Title): the text it returns, its parameter an element of the
                        // collections passed beside it (LambdaElement).
                        return ReturnsOf(lambda.Body);
                    }

                    return Evaluate(argument.Value);
                }
            }

            return TaintValue.Clean;
        }

        /// <summary>
        /// What the method returns (every <c>return</c> outside lambdas and local functions); with <paramref name="element"/>
        /// of zero or more, only that element of the tuples it returns (<c>var (system, user) = Build(q)</c>).
        /// </summary>
        public TaintValue EvaluateReturns(int element = -1, string? member = null)
        {
            if (element < -1)
            {
                return EvaluateOutParameter(-2 - element);
            }

            var values = new List<TaintValue>();
            foreach (var root in _roots)
            {
                values.Add(ReturnsOf(root, element, member));
            }

            return TaintValue.Union(values);
        }

        /// <summary>What the method writes into its <c>out</c> parameter at <paramref name="ordinal"/> (every write: each may be the last).</summary>
        private TaintValue EvaluateOutParameter(int ordinal)
        {
            if (_owner == null || ordinal >= _owner.Parameters.Length || _owner.Parameters[ordinal].RefKind != RefKind.Out)
            {
                return TaintValue.Clean;
            }

            var values = new List<TaintValue>();
            foreach (var write in GetWrites(_owner.Parameters[ordinal]))
            {
                values.Add(EvaluateWrite(write));
            }

            return _writesTruncated ? TaintValue.Union(values).AsUnknown() : TaintValue.Union(values);
        }

        /// <summary>What a body returns: its <c>return</c>s (an expression body's implicit one too), not those of functions nested in it.</summary>
        private TaintValue ReturnsOf(IOperation body, int element = -1, string? member = null)
        {
            var values = new List<TaintValue>();
            foreach (var operation in body.WalkTree())
            {
                if (operation is IReturnOperation { ReturnedValue: { } returned } && !IsInNestedFunction(operation, body))
                {
                    // new PromptParts(system, user) read as .User by the caller: only what that member is given; any
                    // other returned value (a call, a deserialized object) whole.
                    values.Add(member != null && MemberOfCreation(returned, member) is { } only ? only : EvaluateElement(returned, element));
                }
            }

            return TaintValue.Union(values);
        }

        /// <summary>
        /// Element <paramref name="element"/> of a tuple value (the whole value when negative): the element itself of a tuple
        /// literal, that element of what a helper of this compilation returns, else the whole value (fails closed).
        /// </summary>
        private TaintValue EvaluateElement(IOperation value, int element)
        {
            if (element < 0)
            {
                return Evaluate(value);
            }

            var stripped = value.WalkDownConversions();
            if (stripped is IAwaitOperation awaited)
            {
                stripped = awaited.Operation.WalkDownConversions();
            }

            if (stripped is ITupleOperation tuple && element < tuple.Elements.Length)
            {
                return Evaluate(tuple.Elements[element]);
            }

            if (stripped is IInvocationOperation { TargetMethod: { } method } invocation && IsInSource(method) && !method.ReturnsVoid
                && method.MethodKind == MethodKind.Ordinary && _policy.SanitizedKinds(method) == SinkKinds.None)
            {
                return TaintValue.FromCall(new PendingCall((method.ReducedFrom ?? method).OriginalDefinition, this, invocation.Arguments, invocation.Instance, element), invocation);
            }

            return Evaluate(value);
        }

        private static bool IsInNestedFunction(IOperation operation, IOperation root)
        {
            for (var current = operation.Parent; current != null && current != root; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsInSource(IMethodSymbol method)
            => !method.Locations.IsEmpty && method.Locations[0].IsInSource;

        /// <summary>A field or non-indexer property declared in source, not constant, whose type can carry text: what other methods may write.</summary>
        private bool IsFollowedMember(ISymbol member, ITypeSymbol type)
            => member is IFieldSymbol { IsConst: false } or IPropertySymbol { IsIndexer: false }
               && !member.Locations.IsEmpty && member.Locations[0].IsInSource && CanCarryText(type);

        /// <summary>The getter of a non-indexer property declared in source with a body of its own (not an auto-property or a record's positional one).</summary>
        private static IMethodSymbol? ComputedGetter(IPropertySymbol property)
        {
            if (property.IsIndexer || property.GetMethod is not { } getter || !IsInSource(getter) || getter.DeclaringSyntaxReferences.IsEmpty)
            {
                return null;
            }

            var syntax = getter.DeclaringSyntaxReferences[0].GetSyntax();
            return syntax is ArrowExpressionClauseSyntax || syntax is AccessorDeclarationSyntax { Body: not null } or AccessorDeclarationSyntax { ExpressionBody: not null }
                ? getter.OriginalDefinition
                : null;
        }

        private IEnumerable<OperandValue> ArgumentValues(IInvocationOperation invocation, IArgumentOperation? except = null)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue || ReferenceEquals(argument, except))
                {
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    foreach (var element in initializer.ElementValues)
                    {
                        yield return Operand(element);
                    }

                    continue;
                }

                yield return Operand(argument.Value);
            }
        }

        private TaintValue EvaluateCreation(IObjectCreationOperation creation)
        {
            var source = _policy.GetSource(creation);
            if (source != null)
            {
                return TaintValue.Source(source, creation);
            }

            var values = new List<TaintValue>();
            foreach (var argument in creation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    values.Add(Evaluate(argument.Value));
                }
            }

            if (creation.Initializer != null)
            {
                values.Add(EvaluateInitializer(creation.Initializer));
            }

            return TaintValue.Union(values).At(creation);
        }

        private TaintValue EvaluateAnonymous(IAnonymousObjectCreationOperation anonymous)
        {
            var members = new List<(string Name, IOperation Value)>();
            foreach (var initializer in anonymous.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                {
                    members.Add((property.Property.Name, assignment.Value));
                }
            }

            return EvaluateMembers(members).At(anonymous);
        }

        private TaintValue EvaluateInitializer(IObjectOrCollectionInitializerOperation initializer)
        {
            var members = new List<(string Name, IOperation Value)>();
            var others = new List<TaintValue>();
            foreach (var child in initializer.Initializers)
            {
                switch (child)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment
                        when indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key }:
                        members.Add((key, assignment.Value));
                        break;
                    case ISimpleAssignmentOperation { Target: IMemberReferenceOperation member } assignment:
                        members.Add((member.Member.Name, assignment.Value));
                        break;
                    case IInvocationOperation { Arguments.Length: 2 } add
                        when add.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key }:
                        members.Add((key, add.Arguments[1].Value));
                        break;
                    case IInvocationOperation add:
                        others.Add(TaintValue.Union(add.Arguments.Select(a => Evaluate(a.Value))));
                        break;
                    case IMemberInitializerOperation nested:
                        others.Add(EvaluateInitializer(nested.Initializer));
                        break;
                    default:
                        others.Add(Evaluate(child));
                        break;
                }
            }

            others.Add(EvaluateMembers(members));
            return TaintValue.Union(others);
        }

        /// <summary>
        /// A role member's value that can be a constant giving the system role: an arm of a conditional, a switch expression or
        /// a <c>??</c> (<c>role = admin ? "system" : "user"</c>). Every arm is visited, without a depth limit.
        /// </summary>
        private bool CanBeSystemRole(string name, IOperation value)
        {
            var pending = new Stack<IOperation>();
            pending.Push(value);
            while (pending.Count > 0)
            {
                var operation = pending.Pop().WalkDownConversions();
                if (operation.ConstantValue.HasValue)
                {
                    if (_policy.SiblingHint(name, operation.ConstantValue.Value) == RoleHint.System)
                    {
                        return true;
                    }

                    continue;
                }

                switch (operation)
                {
                    case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                        pending.Push(conditional.WhenTrue);
                        pending.Push(whenFalse);
                        break;
                    case ICoalesceOperation coalesce:
                        pending.Push(coalesce.Value);
                        pending.Push(coalesce.WhenNull);
                        break;
                    case ISwitchExpressionOperation switchExpression:
                        foreach (var arm in switchExpression.Arms)
                        {
                            pending.Push(arm.Value);
                        }

                        break;
                }
            }

            return false;
        }

        /// <summary>Object members as JSON sees them: a sibling <c>role</c> or a member named <c>system</c> gives the role.</summary>
        private TaintValue EvaluateMembers(List<(string Name, IOperation Value)> members)
        {
            var siblingRole = RoleHint.None;
            foreach (var (name, value) in members)
            {
                var constant = value.WalkDownConversions().ConstantValue;
                if (constant.HasValue && _policy.SiblingHint(name, constant.Value) is var hint and not RoleHint.None)
                {
                    siblingRole = hint;
                }
                else if (!constant.HasValue && _policy.SiblingHint(name, "system") == RoleHint.System && (CanBeSystemRole(name, value) || Evaluate(value).IsTainted))
                {
                    // A role that may be "system" (a conditional with such an arm, or one the untrusted input chooses): its
                    // siblings are a system message (docs/rules/AISEC002.md).
                    siblingRole = RoleHint.System;
                }
            }

            var values = new List<TaintValue>();
            foreach (var (name, value) in members)
            {
                var memberValue = Evaluate(value);
                memberValue = memberValue.WithHint(_policy.MemberHint(name));

                values.Add(memberValue.WithHint(siblingRole));
            }

            return TaintValue.Union(values);
        }

        /// <summary>The values written to a local, parameter, field or property in this method that reach <paramref name="reference"/>.</summary>
        private TaintValue FromWrites(ISymbol symbol, IOperation reference, Func<TaintValue>? initial)
        {
            var writes = GetWrites(symbol);
            if (!_active.Add(reference))
            {
                // A cycle (s = s + x in a loop reaches its own read): the other writes are already being followed.
                return TaintValue.Clean;
            }

            try
            {
                var reaching = Reaching(writes, reference, out var initialReaches);
                var values = new List<OperandValue>();
                if (initialReaches && initial != null)
                {
                    values.Add(new OperandValue(reference, initial()));
                }

                var compose = false;
                foreach (var write in reaching)
                {
                    compose |= write.Kind == WriteKind.Compose || (write.Kind == WriteKind.Mutation && IsTextBuilder(write.Target.Type));
                    var value = EvaluateWrite(write);
                    // The expression a sanitizer would wrap: the assigned value, else the read itself.
                    values.Add(new OperandValue(write.Kind is WriteKind.Assign or WriteKind.Compose && write.Value != null ? StripImplicit(write.Value) : reference, value));
                }

                var result = compose ? TaintValue.Compose(values) : TaintValue.Union(values.Select(v => v.Value)).At(reference);

                // Writes past the operation limit were not collected: what they write is not known.
                return _writesTruncated ? result.AsUnknown() : result;
            }
            finally
            {
                _active.Remove(reference);
            }
        }

        private TaintValue EvaluateWrite(Write write)
        {
            switch (write.Kind)
            {
                case WriteKind.Assign:
                    return Evaluate(write.Value);
                case WriteKind.Compose when write.SelfConcatenation:
                    // s = s + a + b: the text before is the other writes of s; a and b are added.
                    return EvaluateConcatenation((IBinaryOperation)StripImplicit(write.Value!), TargetSymbol(write.Target));
                case WriteKind.Compose:
                    return TaintValue.Compose(new[] { Operand(write.Value!) }).At(write.Value!);
                case WriteKind.Element:
                    return Evaluate(write.Value).ReadAt(write.Value!);
                case WriteKind.Deconstruct:
                    return EvaluateElement(write.Value!, write.TupleElement);
                case WriteKind.Mutation:
                    var invocation = (IInvocationOperation)write.Value!;
                    if (IsTextBuilder(write.Target.Type) && write.Target.Parent is IArgumentOperation handed)
                    {
                        // The builder handed to a helper: what the helper is given besides the builder.
                        return TaintValue.Compose(ArgumentValues(invocation, handed));
                    }

                    if (IsTextBuilder(write.Target.Type))
                    {
                        return TaintValue.Compose(ArgumentValues(invocation));
                    }

                    return TaintValue.Union(invocation.Arguments.Select(a => Evaluate(a.Value)));
                case WriteKind.OutArgument:
                    // block.TryPickText(out var text), root.TryGetProperty("x", out var value): what the object hands out.
                    var call = (IInvocationOperation)write.Value!;
                    if (_policy.GetSource(call) is { } source)
                    {
                        return TaintValue.Source(source, write.Target);
                    }

                    if (IsInSource(call.TargetMethod) && call.TargetMethod.MethodKind != MethodKind.LocalFunction && CanCarryText(write.Target.Type)
                        && OutOrdinal(call, write.Target) is { } ordinal)
                    {
                        // TryBuild(request, out var prompt): what the helper of this compilation writes into that parameter.
                        var callee = (call.TargetMethod.ReducedFrom ?? call.TargetMethod).OriginalDefinition;
                        return TaintValue.FromCall(new PendingCall(callee, this, call.Arguments, call.Instance, PendingCall.OutParameter(ordinal)), write.Target);
                    }

                    var instance = call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
                    if (instance == null && !IsInSource(call.TargetMethod) && CanCarryText(write.Target.Type) && _policy.SanitizedKinds(call.TargetMethod) == SinkKinds.None)
                    {
                        // Uri.TryCreate(text, UriKind.Absolute, out var uri): what a static parser hands out is made of its
                        // inputs; parsing into a type that cannot carry text (int.TryParse, Enum.TryParse) clears it.
                        var inputs = new List<TaintValue>();
                        foreach (var argument in call.Arguments)
                        {
                            if (argument.Parameter?.RefKind is not RefKind.Out && argument.ArgumentKind != ArgumentKind.DefaultValue)
                            {
                                inputs.Add(Evaluate(argument.Value));
                            }
                        }

                        return TaintValue.Union(inputs).ReadAt(call);
                    }

                    return instance != null && !IsInSource(call.TargetMethod) ? Evaluate(instance).ReadAt(call) : TaintValue.Clean;
                default:
                    return TaintValue.Clean;
            }
        }

        /// <summary>The ordinal of the callee's <c>out</c> parameter that <paramref name="target"/> is passed to.</summary>
        private static int? OutOrdinal(IInvocationOperation call, IOperation target)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is { RefKind: RefKind.Out } parameter && ReferenceEquals(argument.Value, target))
                {
                    // A reduced extension method's ordinals count the receiver as its first parameter.
                    return call.TargetMethod.ReducedFrom != null ? parameter.Ordinal + 1 : parameter.Ordinal;
                }
            }

            return null;
        }

        private List<Write> Reaching(List<Write> writes, IOperation reference, out bool initialReaches)
        {
            var position = reference.Syntax.SpanStart;
            var loops = new List<SyntaxNode>();
            for (var current = reference.Parent; current != null; current = current.Parent)
            {
                if (current is ILoopOperation loop)
                {
                    loops.Add(loop.Syntax);
                }
            }

            var candidates = new List<Write>();
            foreach (var write in writes)
            {
                // A write reaches a read it completes before (not one inside its own value), or any read of a loop around both.
                if (write.End <= position || loops.Any(l => l.Span.Contains(write.Target.Syntax.Span)))
                {
                    if (!write.Target.Syntax.Span.Contains(reference.Syntax.Span) || write.Kind == WriteKind.Compose)
                    {
                        candidates.Add(write);
                    }
                }
            }

            // The last write before the read that runs whenever the read runs hides the writes before it.
            var killPosition = -1;
            foreach (var write in candidates)
            {
                if (write.End <= position && write.Position > killPosition && write.Kind is WriteKind.Assign or WriteKind.OutArgument && IsUnconditionalFor(write.Target, reference))
                {
                    killPosition = write.Position;
                }
            }

            initialReaches = killPosition < 0;
            if (killPosition < 0)
            {
                return candidates;
            }

            return candidates.Where(w => w.Position >= killPosition || loops.Any(l => l.Span.Contains(w.Target.Syntax.Span) && w.Position > position)).ToList();
        }

        /// <summary>The write's statement sits in a block that also holds the read (no branch, loop or lambda between).</summary>
        private static bool IsUnconditionalFor(IOperation write, IOperation reference)
        {
            IOperation? statement = write;
            while (statement != null && statement.Parent is not IBlockOperation)
            {
                if (statement is IAnonymousFunctionOperation or ILocalFunctionOperation || statement.Parent is ILoopOperation)
                {
                    return false;
                }

                if (statement.Parent is IConditionalOperation or ISwitchCaseOperation or ICoalesceOperation or IConditionalAccessOperation or ICatchClauseOperation)
                {
                    return false;
                }

                if (statement.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr })
                {
                    return false;
                }

                statement = statement.Parent;
            }

            if (statement?.Parent is not IBlockOperation block)
            {
                return false;
            }

            return block.Syntax.Span.Contains(reference.Syntax.Span);
        }

        private List<Write> GetWrites(ISymbol symbol)
        {
            _writes ??= CollectWrites();
            return _writes.TryGetValue(symbol.OriginalDefinition, out var list) ? list : new List<Write>();
        }

        private Dictionary<ISymbol, List<Write>> CollectWrites()
        {
            var writes = new Dictionary<ISymbol, List<Write>>(SymbolEqualityComparer.Default);
            var count = 0;
            foreach (var root in _roots)
            {
                foreach (var operation in root.WalkTree())
                {
                    if (++count > MaxOperations)
                    {
                        // The rest of a huge method is not read: every value read from a local is unknown, never clean.
                        Exhausted = true;
                        _writesTruncated = true;
                        return writes;
                    }

                    switch (operation.Kind)
                    {
                        case OperationKind.VariableDeclarator when operation is IVariableDeclaratorOperation declarator:
                            var initializer = declarator.Initializer?.Value ?? declarator.GetVariableInitializer()?.Value;
                            if (initializer != null)
                            {
                                AddWrite(writes, declarator.Symbol, new Write(WriteKind.Assign, declarator, initializer, declarator));
                            }

                            break;
                        case OperationKind.SimpleAssignment when operation is ISimpleAssignmentOperation assignment && TargetSymbol(assignment.Target) is { } target:
                            // s = s + x adds to s, as s += x does: the writes before it still reach (a chain of them costs no recursion).
                            AddWrite(writes, target, IsSelfConcatenation(assignment, target)
                                ? new Write(WriteKind.Compose, assignment.Target, assignment.Value, assignment, selfConcatenation: true)
                                : new Write(WriteKind.Assign, assignment.Target, assignment.Value, assignment));
                            break;
                        case OperationKind.CompoundAssignment when operation is ICompoundAssignmentOperation compound && TargetSymbol(compound.Target) is { } target:
                            AddWrite(writes, target, new Write(WriteKind.Compose, compound.Target, compound.Value, compound));
                            break;
                        case OperationKind.CoalesceAssignment when operation is ICoalesceAssignmentOperation coalesce && TargetSymbol(coalesce.Target) is { } target:
                            AddWrite(writes, target, new Write(WriteKind.Assign, coalesce.Target, coalesce.Value, coalesce));
                            break;
                        case OperationKind.DeconstructionAssignment when operation is IDeconstructionAssignmentOperation deconstruction:
                            CollectDeconstructionWrites(writes, deconstruction);
                            break;
                        case OperationKind.Loop when operation is IForEachLoopOperation loop:
                            foreach (var local in loop.Locals)
                            {
                                AddWrite(writes, local, new Write(WriteKind.Element, loop.LoopControlVariable, loop.Collection, loop.LoopControlVariable));
                            }

                            break;
                        case OperationKind.Invocation when operation is IInvocationOperation invocation:
                            CollectInvocationWrites(writes, invocation);
                            break;
                        case OperationKind.DeclarationPattern when operation is IDeclarationPatternOperation { DeclaredSymbol: { } declared }:
                            CollectPatternWrite(writes, operation, declared);
                            break;
                        case OperationKind.RecursivePattern when operation is IRecursivePatternOperation { DeclaredSymbol: { } declared }:
                            CollectPatternWrite(writes, operation, declared);
                            break;
                        case OperationKind.ListPattern when operation is IListPatternOperation { DeclaredSymbol: { } declared }:
                            CollectPatternWrite(writes, operation, declared);
                            break;
                    }
                }
            }

            return writes;
        }

        /// <summary>
        /// <c>x is { } y</c>, <c>case string y:</c>, <c>{ Length: &gt; 0 } y =&gt; …</c>: the local a pattern declares holds the
        /// value the pattern tests. Inside a list pattern it holds an element of it; inside a property pattern
        /// (<c>{ Name: var name }</c>), the member's value, taken here as the whole tested value: a text member of an
        /// untrusted object is untrusted, and one that cannot carry text is clean by its type.
        /// </summary>
        private static void CollectPatternWrite(Dictionary<ISymbol, List<Write>> writes, IOperation pattern, ISymbol declared)
        {
            var element = false;
            for (var current = pattern; current.Parent is { } parent; current = parent)
            {
                IOperation? tested = parent switch
                {
                    IIsPatternOperation isPattern => isPattern.Value,
                    ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression } => switchExpression.Value,
                    IPatternCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation switchStatement } } => switchStatement.Value,
                    _ => null,
                };
                if (tested != null)
                {
                    AddWrite(writes, declared, new Write(element ? WriteKind.Element : WriteKind.Assign, pattern, tested, pattern));
                    return;
                }

                if (parent is not (IPatternOperation or IPropertySubpatternOperation))
                {
                    // A pattern somewhere this engine does not know: the local gets no value, and reads of it stay unknown.
                    return;
                }

                element |= parent is IListPatternOperation or ISlicePatternOperation;
            }
        }

        /// <summary><c>var (system, user) = …</c>: each variable gets its element of the value; a nested pattern gets the whole value.</summary>
        private static void CollectDeconstructionWrites(Dictionary<ISymbol, List<Write>> writes, IDeconstructionAssignmentOperation deconstruction)
        {
            var target = deconstruction.Target is IDeclarationExpressionOperation declaration ? declaration.Expression : deconstruction.Target;
            if (target is not ITupleOperation tuple)
            {
                return;
            }

            for (var i = 0; i < tuple.Elements.Length; i++)
            {
                var element = tuple.Elements[i] is IDeclarationExpressionOperation declared ? declared.Expression : tuple.Elements[i];
                if (TargetSymbol(element) is { } symbol)
                {
                    AddWrite(writes, symbol, new Write(WriteKind.Deconstruct, element, deconstruction.Value, deconstruction, element: i));
                }
                else
                {
                    foreach (var nested in element.WalkTree())
                    {
                        if (nested is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation && TargetSymbol(nested) is { } inner)
                        {
                            AddWrite(writes, inner, new Write(WriteKind.Assign, nested, deconstruction.Value, deconstruction));
                        }
                    }
                }
            }
        }

        private void CollectInvocationWrites(Dictionary<ISymbol, List<Write>> writes, IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.RefKind == RefKind.Out && TargetSymbol(argument.Value) is { } target)
                {
                    AddWrite(writes, target, new Write(WriteKind.OutArgument, argument.Value, invocation, invocation));
                }
            }

            // builder.Append(x), list.Add(x), writer.Write(x) change the object a local holds; so does
            // builder.Append(a).Append(x), whose receiver is the builder again.
            var instance = invocation.Instance;
            while (instance is IInvocationOperation { Instance: { } inner } chained && IsTextBuilder(chained.Type))
            {
                instance = inner;
            }

            if (instance != null && TargetSymbol(instance) is { } receiver && IsMutation(invocation.TargetMethod))
            {
                AddWrite(writes, receiver, new Write(WriteKind.Mutation, instance, invocation, invocation));
            }

            // AppendHistory(builder, request.History): a helper of this compilation handed the builder appends to it
            // what it is given (docs/rules/AISEC001.md); a limit on what the helper really appends would be a summary
            // of its body, so its other text arguments count whole.
            if (IsInSource(invocation.TargetMethod))
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.RefKind == RefKind.None && IsTextBuilder(argument.Value.Type) && TargetSymbol(argument.Value) is { } builder)
                    {
                        AddWrite(writes, builder, new Write(WriteKind.Mutation, argument.Value, invocation, invocation));
                    }
                }
            }
        }

        private bool IsTextBuilder(ITypeSymbol? type) => _policy.Types.IsTextBuilder(type);

        /// <summary><c>s = s + …</c>: a string concatenation whose first operand reads the assigned symbol.</summary>
        private static bool IsSelfConcatenation(ISimpleAssignmentOperation assignment, ISymbol target)
        {
            var value = StripImplicit(assignment.Value);
            if (value is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } || value.Type?.SpecialType != SpecialType.System_String)
            {
                return false;
            }

            // The leftmost operand, found with a loop: the chain may be thousands of operands long.
            while (value is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary && binary.Type?.SpecialType == SpecialType.System_String)
            {
                value = StripImplicit(binary.LeftOperand);
            }

            return TargetSymbol(value) is { } leading && SymbolEqualityComparer.Default.Equals(leading, target);
        }

        private static IOperation StripImplicit(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        private static bool IsMutation(IMethodSymbol method)
            => !method.IsStatic && method.Parameters.Length > 0
               && (method.Name.StartsWith("Add", StringComparison.Ordinal) || method.Name.StartsWith("Append", StringComparison.Ordinal)
                   || method.Name.StartsWith("Insert", StringComparison.Ordinal) || method.Name.StartsWith("Write", StringComparison.Ordinal)
                   || method.Name is "Push" or "Enqueue" or "Replace" or "TryAdd");

        private static ISymbol? TargetSymbol(IOperation target)
        {
            switch (target)
            {
                case ILocalReferenceOperation local:
                    return local.Local;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
                case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field:
                    return field.Field.OriginalDefinition;
                case IPropertyReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }, Arguments.Length: 0 } property:
                    return property.Property.OriginalDefinition;
                case IDeclarationExpressionOperation declaration:
                    return TargetSymbol(declaration.Expression);
                case ILocalReferenceOperation or IVariableDeclaratorOperation:
                    return null;
                default:
                    return null;
            }
        }

        private static void AddWrite(Dictionary<ISymbol, List<Write>> writes, ISymbol symbol, Write write) => writes.AddToList(symbol, write);

        private enum WriteKind
        {
            Assign,
            Compose,
            Element,
            Mutation,
            OutArgument,
            Deconstruct,
        }

        private sealed class Write
        {
            public Write(WriteKind kind, IOperation target, IOperation? value, IOperation whole, bool selfConcatenation = false, int element = -1)
            {
                TupleElement = element;
                Kind = kind;
                Target = target;
                Value = value;
                Position = target.Syntax.SpanStart;
                End = whole.Syntax.Span.End;
                SelfConcatenation = selfConcatenation;
            }

            /// <summary>Where the write is complete: a read inside its own value (x = x.Trim()) sees the writes before it.</summary>
            public readonly int End;

            /// <summary><c>s = s + …</c>, a <see cref="WriteKind.Compose"/> write whose value starts with the symbol itself.</summary>
            public readonly bool SelfConcatenation;

            public readonly WriteKind Kind;

            /// <summary>For <see cref="WriteKind.Deconstruct"/>: which element of the value the target receives.</summary>
            public readonly int TupleElement;

            public readonly IOperation Target;

            public readonly IOperation? Value;

            public readonly int Position;
        }
    }
}
