using System.Collections.Generic;
using System.Threading;
using AiSecure.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>What happens to a request object within the method that creates it.</summary>
    internal enum RequestFate
    {
        /// <summary>Never passed to an AWS SDK call in the method, and never leaves it: nothing is sent, nothing to judge.</summary>
        NotSent,

        /// <summary>Passed to an AWS SDK call (<see cref="RequestState.Send"/>); the state is the state at that first call.</summary>
        Sent,

        /// <summary>Leaves the method before it is sent (stored in a field, property or collection, aliased, passed to a
        /// method that is not an SDK call): someone else may complete it, so it is not judged.</summary>
        Escapes,

        /// <summary>Returned by the method that creates it, and leaves it no other way: a helper that builds the request for
        /// its callers. The state is the state at the (first) return; <see cref="HelperRequests"/> judges it with each caller.</summary>
        Returned,
    }

    /// <summary>
    /// Request-state engine: for a request object created in a method, which properties — nested ones too — hold
    /// which values when it is sent to AWS.
    /// <para>
    /// Usage, from an operation action on <see cref="OperationKind.ObjectCreation"/> whose type is a request type:
    /// <code>
    /// var state = RequestState.Analyze(creation, sdkCalls, context.CancellationToken);
    /// if (state is not { Fate: RequestFate.Sent }) return;            // unsent, escaping or too big: not judged
    /// state.GetStatus("OutputDataConfig.KmsKeyId")                     // Unset / NullOrEmpty / Set / Unknown
    /// state.GetValue("ResourceConfig.InstanceCount")?.ConstantValue     // the written value (IOperation in .Value)
    /// state.GetValue("EnableNetworkIsolation")?.Origin.Syntax          // where it is written, to report on
    /// state.GetObject("NetworkConfig")?.Creation                        // the nested object's creation, if made here
    /// state.Root.GetObject("TrainingJobDefinitions")?.Elements          // collection elements, each with .Object
    /// </code>
    /// Paths are property names joined with '.', relative to the request (or to any <see cref="ObjectState"/>).
    /// </para>
    /// <para>
    /// What counts: object initializers and nested initializers (<c>X = new T { … }</c> and <c>X = { … }</c>), locals
    /// holding nested objects (<c>var output = new OutputDataConfig { … }; request.OutputDataConfig = output;</c> or
    /// <c>OutputDataConfig = output</c> in the initializer), later assignments through the request's local or the nested
    /// locals (<c>request.X.Y = v</c>, <c>output.KmsKeyId = v</c>, <c>??=</c>), collection initializers, collection
    /// expressions and <c>Add</c> calls, and <c>+=</c> event subscriptions — all written before the first send. A creation
    /// in a branch of a conditional or a switch-expression arm is followed like one held directly by the conditional's local.
    /// </para>
    /// <para>
    /// What makes a path <see cref="PathStatus.Unknown"/> (never reported by a careful rule): a container built
    /// elsewhere (a call, a parameter, a field), a nested object passed to a method, aliased or written through an
    /// indexer. Passing the request or its paths to a parameter of type <c>object</c> (logging, formatting) or to an
    /// unconstrained generic method parameter (<c>JsonSerializer.Serialize(request)</c>) is a read.
    /// A request held in a local written more than once, or in a method larger than the budget, gives null.
    /// </para>
    /// <para>Cost: one walk over the method's operations per analyzed creation, bounded by <see cref="MaxOperations"/>.</para>
    /// </summary>
    internal sealed class RequestState
    {
        /// <summary>Methods with more operations than this are not analyzed (the engine stops quietly).</summary>
        public const int MaxOperations = 20000;

        private RequestState(IOperation origin, ObjectState root, RequestFate fate, IInvocationOperation? send)
        {
            Origin = origin;
            Creation = (IObjectCreationOperation)root.Creation!;
            Root = root;
            Fate = fate;
            Send = send;
        }

        /// <summary>The request's object creation: in this method, or in the helper that returned it.</summary>
        public readonly IObjectCreationOperation Creation;

        /// <summary>Where the request comes from in the analyzed method: <see cref="Creation"/>, or the call of the helper that returned it.</summary>
        public readonly IOperation Origin;

        /// <summary>The request object's state at the first send.</summary>
        public readonly ObjectState Root;

        public readonly RequestFate Fate;

        /// <summary>The first AWS SDK call the request is passed to; null unless <see cref="Fate"/> is <see cref="RequestFate.Sent"/>.</summary>
        public readonly IInvocationOperation? Send;

        /// <summary>The local that holds the request, if any.</summary>
        public ILocalSymbol? Local => Root.Local;

        /// <inheritdoc cref="ObjectState.GetStatus(string)"/>
        public PathStatus GetStatus(string path) => Root.GetStatus(path);

        /// <inheritdoc cref="ObjectState.GetValue(string)"/>
        public TrackedValue? GetValue(string path) => Root.GetValue(path);

        /// <inheritdoc cref="ObjectState.GetObject(string)"/>
        public ObjectState? GetObject(string path) => Root.GetObject(path);

        /// <summary>
        /// Follows the request created by <paramref name="creation"/> through its method. Null when the shape is not
        /// followed (a local written more than once, a method over the budget, broken code).
        /// </summary>
        public static RequestState? Analyze(IObjectCreationOperation creation, AwsSdkCalls calls, CancellationToken cancellationToken)
            => new Walker(creation, null, null, calls, cancellationToken).Run();

        /// <summary>
        /// Like <see cref="Analyze(IObjectCreationOperation, AwsSdkCalls, CancellationToken)"/>, with the objects that helpers
        /// of the compilation return: a call <paramref name="helpers"/> resolves (a fresh copy of the helper's state at its
        /// return, or null) is followed like an object created in place, its writes first and the caller's after them.
        /// </summary>
        public static RequestState? Analyze(IObjectCreationOperation creation, AwsSdkCalls calls, System.Func<IInvocationOperation, ObjectState?> helpers, CancellationToken cancellationToken)
            => new Walker(creation, null, helpers, calls, cancellationToken).Run();

        /// <summary>
        /// Follows the request a helper call returns (<paramref name="call"/>, whose state at the helper's return is
        /// <paramref name="returned"/>, a copy this method may change) through the calling method.
        /// </summary>
        public static RequestState? AnalyzeReturned(IInvocationOperation call, ObjectState returned, AwsSdkCalls calls, System.Func<IInvocationOperation, ObjectState?> helpers, CancellationToken cancellationToken)
            => returned.Creation is IObjectCreationOperation ? new Walker(call, returned, helpers, calls, cancellationToken).Run() : null;

        /// <summary>True when the value is a constant alias of an AWS-managed key (<c>"alias/aws/s3"</c>, <c>"alias/aws/sagemaker"</c>).</summary>
        public static bool IsAwsManagedKeyAlias(TrackedValue? value)
            => value?.Value is { ConstantValue: { HasValue: true, Value: string text } }
               && text.Trim().StartsWith("alias/aws/", System.StringComparison.OrdinalIgnoreCase);

        /// <summary>True when <paramref name="value"/> is <c>null</c>, <c>default</c>, <c>""</c> or <c>string.Empty</c>.</summary>
        public static bool IsNullOrEmpty(IOperation value)
        {
            value = value.WalkDownConversions();
            if (value.ConstantValue.HasValue)
            {
                return value.ConstantValue.Value is null || (value.ConstantValue.Value is string text && text.Length == 0);
            }

            if (value is IDefaultValueOperation)
            {
                return true;
            }

            return value is IFieldReferenceOperation { Field: { Name: "Empty", IsStatic: true } field }
                && field.ContainingType?.SpecialType == SpecialType.System_String;
        }

        /// <summary>True when a conditional or switch expression can give <c>null</c>, <c>default</c> or <c>""</c>.</summary>
        private static bool HasNullOrEmptyArm(IOperation value)
        {
            switch (value)
            {
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return IsNullOrEmpty(conditional.WhenTrue) || IsNullOrEmpty(whenFalse)
                        || HasNullOrEmptyArm(conditional.WhenTrue.WalkDownConversions()) || HasNullOrEmptyArm(whenFalse.WalkDownConversions());
                case ISwitchExpressionOperation switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        if (IsNullOrEmpty(arm.Value) || HasNullOrEmptyArm(arm.Value.WalkDownConversions()))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        private sealed class Walker
        {
            private readonly IOperation _origin;
            private readonly ObjectState? _seed;
            private readonly System.Func<IInvocationOperation, ObjectState?>? _helpers;
            private readonly AwsSdkCalls _calls;
            private readonly CancellationToken _cancellationToken;
            private readonly Dictionary<ILocalSymbol, List<ILocalReferenceOperation>> _references = new(SymbolEqualityComparer.Default);
            private readonly Dictionary<ILocalSymbol, IOperation?> _declaratorValues = new(SymbolEqualityComparer.Default);
            private readonly Dictionary<ILocalSymbol, ObjectState> _localStates = new(SymbolEqualityComparer.Default);
            private int _cutoff = int.MaxValue;

            /// <summary>The first call (or method-group use) of each local function of the method: a write inside one runs there.</summary>
            private Dictionary<IMethodSymbol, IOperation>? _localFunctionCalls;

            /// <summary>The lambda or local function the request is created in; null in the method's own body.</summary>
            private IOperation? _originFunction;

            public Walker(IOperation origin, ObjectState? seed, System.Func<IInvocationOperation, ObjectState?>? helpers, AwsSdkCalls calls, CancellationToken cancellationToken)
            {
                _origin = origin;
                _seed = seed;
                _helpers = helpers;
                _calls = calls;
                _cancellationToken = cancellationToken;
            }

            public RequestState? Run()
            {
                if (!Index(_origin.GetRoot()))
                {
                    return null;
                }

                _originFunction = EnclosingFunction(_origin);

                var holder = Parent(_origin, out var top);

                // `var request = gzip ? new PutObjectRequest { … } : new PutObjectRequest { … };` and switch-expression
                // arms: each branch's object is the one held (or sent) where the conditional's value goes.
                while ((holder is IConditionalOperation conditional && (conditional.WhenTrue == top || conditional.WhenFalse == top))
                    || (holder is ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation } arm && arm.Value == top))
                {
                    holder = Parent(holder is ISwitchExpressionArmOperation ? holder.Parent! : holder, out top);
                }

                ILocalSymbol? local = null;
                switch (holder)
                {
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        local = declarator.Symbol;
                        break;
                    case ISimpleAssignmentOperation assignment when assignment.Value == top && assignment.Target is ILocalReferenceOperation target:
                        local = target.Local;
                        break;
                    case IArgumentOperation argument when _seed == null && ReturnedAsTask(argument) is { } taskReturn:
                        // return Task.FromResult(new CopyObjectRequest { … }): handed back like a plain return.
                        _cutoff = taskReturn.Syntax.SpanStart;
                        return new RequestState(_origin, RootState(null), RequestFate.Returned, null);
                    case IArgumentOperation argument:
                        if (argument.Parent is IInvocationOperation invocation && _calls.IsSdkCall(invocation.TargetMethod))
                        {
                            _cutoff = invocation.Syntax.SpanStart;
                            return new RequestState(_origin, RootState(null), RequestFate.Sent, invocation);
                        }

                        if (_seed == null && SentFromCollection(argument) is { } sentFromList)
                        {
                            // requests.Add(new PutObjectRequest { … }) on a local list whose elements this method sends.
                            _cutoff = argument.Syntax.SpanStart;
                            return new RequestState(_origin, RootState(null), RequestFate.Sent, sentFromList);
                        }

                        return new RequestState(_origin, RootState(null), IsReadOnlyParameter(argument.Parameter) ? RequestFate.NotSent : RequestFate.Escapes, null);
                    case IArrayInitializerOperation { Parent: IArrayCreationOperation array } when _seed == null && SequenceSent(array, 0) is { } sentFromArray:
                        // new[] { new CopyObjectRequest { … }, … } whose elements this method sends.
                        _cutoff = holder.Syntax.SpanStart;
                        return new RequestState(_origin, RootState(null), RequestFate.Sent, sentFromArray);
                    case IReturnOperation @return when _seed == null && IsOwnReturn(@return):
                        _cutoff = @return.Syntax.SpanStart;
                        return new RequestState(_origin, RootState(null), RequestFate.Returned, null);
                    case IReturnOperation @return when _seed == null && SentFromProjection(@return) is { } sentFromProjection:
                        // items.Select(x => new PutObjectRequest { … }) whose elements this method sends.
                        _cutoff = @return.Syntax.SpanStart;
                        return new RequestState(_origin, RootState(null), RequestFate.Sent, sentFromProjection);
                    default:
                        return new RequestState(_origin, RootState(null), RequestFate.Escapes, null);
                }

                if (CountWrites(local) != 1 && (holder is not ISimpleAssignmentOperation own || !KeepReachedUses(local, own)))
                {
                    return null;
                }

                // First pass: where the request is sent, and whether it leaves the method before that.
                IInvocationOperation? send = null;
                var escapeAt = int.MaxValue;
                var returnAt = int.MaxValue;
                foreach (var reference in References(local))
                {
                    var parent = Parent(reference, out var referenceTop);
                    var position = reference.Syntax.SpanStart;
                    switch (parent)
                    {
                        case IArgumentOperation { Parent: IInvocationOperation invocation } when _calls.IsSdkCall(invocation.TargetMethod):
                            if (send == null || invocation.Syntax.SpanStart < send.Syntax.SpanStart)
                            {
                                send = invocation;
                            }

                            break;
                        case IReturnOperation @return when _seed == null && IsOwnReturn(@return):
                            returnAt = System.Math.Min(returnAt, position);
                            break;
                        case IArgumentOperation argument when _seed == null && ReturnedAsTask(argument) != null:
                            returnAt = System.Math.Min(returnAt, position);
                            break;
                        case IArgumentOperation argument when _seed == null && SentFromCollection(argument) is { } sentFromList:
                            // requests.Add(request) on a local list whose elements this method sends: sent there.
                            if (send == null || sentFromList.Syntax.SpanStart < send.Syntax.SpanStart)
                            {
                                send = sentFromList;
                            }

                            break;
                        case IArgumentOperation argument when !IsReadOnlyParameter(argument.Parameter):
                        case IReturnOperation:
                        case IVariableInitializerOperation:
                        case ISimpleAssignmentOperation assignment when assignment.Value == referenceTop:
                        case ICoalesceOperation:
                        case IConditionalOperation:
                        case ITupleOperation:
                        case IArrayInitializerOperation:
                        case IAnonymousObjectCreationOperation:
                            escapeAt = System.Math.Min(escapeAt, position);
                            break;
                    }
                }

                if (send != null)
                {
                    _cutoff = send.Syntax.SpanStart;
                }
                else if (returnAt != int.MaxValue)
                {
                    _cutoff = returnAt;
                }

                var root = LocalState(local, RootState(local));
                if (escapeAt < _cutoff)
                {
                    return new RequestState(_origin, root, RequestFate.Escapes, null);
                }

                var fate = send != null ? RequestFate.Sent : returnAt != int.MaxValue ? RequestFate.Returned : RequestFate.NotSent;
                return new RequestState(_origin, root, fate, send);
            }

            /// <summary>The request's state before the uses in this method: its initializer, or the helper's state at its return.</summary>
            private ObjectState RootState(ILocalSymbol? local)
                => _seed != null ? _seed.WithLocal(local) : FromCreation((IObjectCreationOperation)_origin, local);

            /// <summary>
            /// A return of the analyzed method itself, not of a lambda or local function inside it; or, for a request built
            /// in a local function (<c>ConverseRequest Build() => new() { … };</c>), that local function's own return: a local
            /// builder is a helper like a method (docs/rules/AISEC010.md, "Requests built in helpers").
            /// </summary>
            private bool IsOwnReturn(IReturnOperation @return)
            {
                if (@return.Kind != OperationKind.Return)
                {
                    return false;
                }

                var function = EnclosingFunction(@return);
                return function == null || (function is ILocalFunctionOperation && function == EnclosingFunction(_origin));
            }

            /// <summary>
            /// The method's own return of a completed task holding the argument: <c>return Task.FromResult(request);</c>,
            /// <c>ValueTask.FromResult(…)</c>, <c>new ValueTask&lt;T&gt;(…)</c>. The caller awaits the request as from an async
            /// helper. Null for any other argument (names first: cheap).
            /// </summary>
            private IReturnOperation? ReturnedAsTask(IArgumentOperation argument)
            {
                INamedTypeSymbol? task;
                switch (argument.Parent)
                {
                    case IInvocationOperation { TargetMethod: { Name: "FromResult", IsStatic: true } method }:
                        task = method.ContainingType;
                        break;
                    case IObjectCreationOperation { Type: INamedTypeSymbol { Name: "ValueTask", IsGenericType: true } created }:
                        task = created;
                        break;
                    default:
                        return null;
                }

                return task is { Name: "Task" or "ValueTask" } && task.ContainingNamespace is { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace.Name: "System" } }
                    && Parent(argument.Parent, out _) is IReturnOperation @return && IsOwnReturn(@return)
                    ? @return
                    : null;
            }

            /// <summary>The nearest lambda or local function around an operation; null in the method's own body.</summary>
            private static IOperation? EnclosingFunction(IOperation operation)
            {
                for (var current = operation.Parent; current != null; current = current.Parent)
                {
                    if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    {
                        return current;
                    }
                }

                return null;
            }

            private bool Index(IOperation root)
            {
                var count = 0;
                foreach (var operation in root.WalkTree())
                {
                    if (++count > MaxOperations)
                    {
                        return false;
                    }

                    if ((count & 255) == 0)
                    {
                        _cancellationToken.ThrowIfCancellationRequested();
                    }

                    switch (operation.Kind)
                    {
                        case OperationKind.LocalReference when operation is ILocalReferenceOperation reference:
                            _references.AddToList(reference.Local, reference);
                            break;
                        case OperationKind.VariableDeclarator when operation is IVariableDeclaratorOperation declarator:
                            _declaratorValues[declarator.Symbol] = declarator.Initializer?.Value ?? declarator.GetVariableInitializer()?.Value;
                            break;
                        case OperationKind.Invocation when operation is IInvocationOperation { TargetMethod: { MethodKind: MethodKind.LocalFunction } target }:
                            AddLocalFunctionUse(target, operation);
                            break;
                        case OperationKind.MethodReference when operation is IMethodReferenceOperation { Method: { MethodKind: MethodKind.LocalFunction } target }:
                            AddLocalFunctionUse(target, operation);
                            break;
                    }
                }

                return true;
            }

            private void AddLocalFunctionUse(IMethodSymbol function, IOperation use)
            {
                _localFunctionCalls ??= new Dictionary<IMethodSymbol, IOperation>(SymbolEqualityComparer.Default);
                if (!_localFunctionCalls.TryGetValue(function.OriginalDefinition, out var first) || use.Syntax.SpanStart < first.Syntax.SpanStart)
                {
                    _localFunctionCalls[function.OriginalDefinition] = use;
                }
            }

            /// <summary>
            /// The request passed to <c>Add</c> of a local collection (<c>requests.Add(request)</c>) or written as an element of
            /// a collection initializer: the SDK call that sends the collection's elements in this method, if any
            /// (docs/rules/AISEC010.md, "Flow").
            /// </summary>
            private IInvocationOperation? SentFromCollection(IArgumentOperation argument)
            {
                if (argument.Parent is not IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add)
                {
                    return null;
                }

                switch (add.Instance?.WalkDownConversions())
                {
                    case ILocalReferenceOperation list:
                        return ElementsSent(list.Local, 0);
                    case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
                        when add.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation collection }:
                        // new List<PutObjectRequest> { new() { … }, … } whose elements this method sends.
                        return SequenceSent(collection, 0);
                    default:
                        return null;
                }
            }

            /// <summary>
            /// The request returned by a lambda that projects a sequence (<c>items.Select(x => new PutObjectRequest { … })</c>):
            /// the SDK call that sends the projected elements in this method, if any.
            /// </summary>
            private IInvocationOperation? SentFromProjection(IReturnOperation @return)
            {
                if (EnclosingFunction(@return) is not IAnonymousFunctionOperation lambda
                    || Parent(lambda, out _) is not IDelegateCreationOperation delegateCreation
                    || Parent(delegateCreation, out _) is not IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Select" } select })
                {
                    return null;
                }

                return SequenceSent(select, 0);
            }

            /// <summary>The SDK call that sends an element of the collection held in <paramref name="local"/>, if any.</summary>
            private IInvocationOperation? ElementsSent(ILocalSymbol local, int depth)
            {
                foreach (var reference in References(local))
                {
                    if (SequenceSent(reference, depth) is { } send)
                    {
                        return send;
                    }
                }

                return null;
            }

            /// <summary>
            /// Where a sequence of requests goes: <c>foreach</c> over it, a lambda over its elements (<c>Select</c>,
            /// <c>ForEach</c>, <c>Parallel.ForEachAsync</c>) that passes the element to an SDK call; through <c>ToList</c>,
            /// <c>ToArray</c>, <c>Where</c> and locals. Null when no element is seen sent (a few steps deep at most).
            /// </summary>
            private IInvocationOperation? SequenceSent(IOperation sequence, int depth)
            {
                if (depth > 4)
                {
                    return null;
                }

                var parent = Parent(sequence, out var top);
                switch (parent)
                {
                    case IForEachLoopOperation loop when loop.Collection == top || loop.Collection.WalkDownConversions() == sequence:
                        return loop.LoopControlVariable is IVariableDeclaratorOperation { Symbol: { } element } ? SentWithin(loop.Body, element) : null;
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return ElementsSent(declarator.Symbol, depth + 1);
                    case IArgumentOperation { Parent: IInvocationOperation invocation } argument when argument.Parameter?.Ordinal == 0:
                        return ElementsSentBy(invocation, depth);
                    case IInvocationOperation invocation when invocation.Instance == top:
                        return ElementsSentBy(invocation, depth);
                    default:
                        return null;
                }
            }

            /// <summary>A call that takes the sequence: a lambda over its elements, or a pass-through to follow.</summary>
            private IInvocationOperation? ElementsSentBy(IInvocationOperation invocation, int depth)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Value.WalkDownConversions() is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } && lambda.Symbol.Parameters.Length > 0)
                    {
                        return SentWithin(lambda.Body, lambda.Symbol.Parameters[0]);
                    }
                }

                return invocation.TargetMethod.Name is "ToList" or "ToArray" or "AsEnumerable" or "Where" or "Take" or "Skip" or "Concat" or "Append"
                    ? SequenceSent(invocation, depth + 1)
                    : null;
            }

            /// <summary>The first SDK call in <paramref name="body"/> that takes <paramref name="element"/> as an argument.</summary>
            private IInvocationOperation? SentWithin(IOperation body, ISymbol element)
            {
                foreach (var operation in body.WalkTree())
                {
                    if (operation.Kind != OperationKind.Invocation || operation is not IInvocationOperation call || !_calls.IsSdkCall(call.TargetMethod))
                    {
                        continue;
                    }

                    foreach (var argument in call.Arguments)
                    {
                        var value = argument.Value.WalkDownConversions();
                        if ((value is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, element))
                            || (value is IParameterReferenceOperation parameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter, element)))
                        {
                            return call;
                        }
                    }
                }

                return null;
            }

            private List<ILocalReferenceOperation> References(ILocalSymbol local)
                => _references.TryGetValue(local, out var list) ? list : new List<ILocalReferenceOperation>();

            /// <summary>
            /// <c>PutObjectRequest request; if (a) request = new … { … }; else request = new … { … };</c>: a local given a new
            /// object on each branch. Keeps, of the local's uses, those that the write <paramref name="own"/> reaches (after it,
            /// not on another arm, not after another write on the same path); false when the local is written any other way.
            /// </summary>
            private bool KeepReachedUses(ILocalSymbol local, ISimpleAssignmentOperation own)
            {
                if (_declaratorValues.TryGetValue(local, out var initial) && initial != null)
                {
                    return false;
                }

                var writes = new List<ISimpleAssignmentOperation>();
                var uses = new List<ILocalReferenceOperation>();
                foreach (var reference in References(local))
                {
                    switch (reference.Parent)
                    {
                        case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                            if (assignment.Value.WalkDownConversions() is not IObjectCreationOperation)
                            {
                                return false;
                            }

                            writes.Add(assignment);
                            break;
                        case IAssignmentOperation assignment when assignment.Target == reference:
                        case IArgumentOperation { Parent: not null } argument when argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out:
                        case IDeclarationExpressionOperation:
                        case ITupleOperation { Parent: IDeconstructionAssignmentOperation }:
                            return false;
                        default:
                            uses.Add(reference);
                            break;
                    }
                }

                var start = own.Syntax.SpanStart;
                var reached = new List<ILocalReferenceOperation>();
                foreach (var use in uses)
                {
                    var position = use.Syntax.SpanStart;
                    if (position < start || Branches.Exclusive(own, use))
                    {
                        continue;
                    }

                    var killed = false;
                    foreach (var other in writes)
                    {
                        var at = other.Syntax.SpanStart;
                        if (other != own && at > start && at < position && !Branches.Exclusive(other, use) && !Branches.Exclusive(own, other))
                        {
                            killed = true;
                            break;
                        }
                    }

                    if (!killed)
                    {
                        reached.Add(use);
                    }
                }

                _references[local] = reached;
                return true;
            }

            private int CountWrites(ILocalSymbol local)
            {
                var writes = _declaratorValues.TryGetValue(local, out var value) && value != null ? 1 : 0;
                foreach (var reference in References(local))
                {
                    var parent = reference.Parent;
                    switch (parent)
                    {
                        case IAssignmentOperation assignment when assignment.Target == reference:
                        case IArgumentOperation { Parent: not null } argument when argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out:
                        case IDeclarationExpressionOperation:
                        case ITupleOperation { Parent: IDeconstructionAssignmentOperation }:
                            writes++;
                            break;
                    }
                }

                return writes;
            }

            /// <summary>The single value a local is given (its initializer, or its one assignment).</summary>
            private IOperation? SingleValue(ILocalSymbol local)
            {
                if (CountWrites(local) != 1)
                {
                    return null;
                }

                if (_declaratorValues.TryGetValue(local, out var value) && value != null)
                {
                    return value;
                }

                foreach (var reference in References(local))
                {
                    if (reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
                    {
                        return assignment.Value;
                    }
                }

                return null;
            }

            private ObjectState LocalState(ILocalSymbol local, ObjectState? root = null)
            {
                if (_localStates.TryGetValue(local, out var existing))
                {
                    return existing;
                }

                if (root != null)
                {
                    _localStates.Add(local, root);
                    ApplyLocalUses(root, local, isRoot: true);
                    return root;
                }

                var value = SingleValue(local)?.WalkDownConversions();
                ObjectState state;
                switch (value)
                {
                    case IObjectCreationOperation creation:
                        state = new ObjectState(creation, local, creation.Type, isOpaque: false);
                        _localStates.Add(local, state);
                        if (creation.Initializer != null)
                        {
                            ApplyInitializer(state, creation.Initializer);
                        }

                        break;
                    case { Syntax: Microsoft.CodeAnalysis.CSharp.Syntax.CollectionExpressionSyntax }:
                        state = new ObjectState(value, local, value.Type, isOpaque: false);
                        _localStates.Add(local, state);
                        AddCollectionExpressionElements(state, value);
                        break;
                    case IInvocationOperation or IAwaitOperation { Operation: IInvocationOperation } when _helpers?.Invoke(value as IInvocationOperation ?? (IInvocationOperation)((IAwaitOperation)value).Operation) is { } returned:
                        // var output = BuildOutput(); — the helper's object, then what this method writes to it.
                        state = returned.WithLocal(local);
                        _localStates.Add(local, state);
                        break;
                    default:
                        state = new ObjectState(null, local, local.Type, isOpaque: true);
                        _localStates.Add(local, state);
                        break;
                }

                ApplyLocalUses(state, local, isRoot: false);
                return state;
            }

            private ObjectState FromCreation(IObjectCreationOperation creation, ILocalSymbol? local)
            {
                var state = new ObjectState(creation, local, creation.Type, isOpaque: false);
                if (creation.Initializer != null)
                {
                    ApplyInitializer(state, creation.Initializer);
                }

                return state;
            }

            private void ApplyInitializer(ObjectState state, IObjectOrCollectionInitializerOperation initializer)
            {
                foreach (var member in initializer.Initializers)
                {
                    switch (member)
                    {
                        case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { IsIndexer: false } property } } assignment:
                            state.Set(Resolve(property, assignment, assignment.Value));
                            break;
                        case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } }:
                        case ISimpleAssignmentOperation { Target: IFieldReferenceOperation }:
                            break;
                        case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property: { IsIndexer: false } property } } nested:
                            var child = state.Get(property.Name)?.Object ?? new ObjectState(null, null, property.Type, isOpaque: false);
                            state.Set(new TrackedValue(property, nested, null, child, isNullOrEmpty: false));
                            ApplyInitializer(child, nested.Initializer);
                            break;
                        case IInvocationOperation { Arguments.Length: 1 } add:
                            state.AddElement(Resolve(null, add, add.Arguments[0].Value));
                            break;
                        case IInvocationOperation:
                            // Dictionary-style Add(key, value): not an element the engine follows.
                            break;
                        default:
                            state.IsOpaque = true;
                            break;
                    }
                }
            }

            private void AddCollectionExpressionElements(ObjectState state, IOperation collection)
            {
                foreach (var child in collection.ChildOperations)
                {
                    if (child.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.SpreadElementSyntax)
                    {
                        state.IsOpaque = true;
                        continue;
                    }

                    state.AddElement(Resolve(null, child, child));
                }
            }

            private TrackedValue Resolve(IPropertySymbol? property, IOperation origin, IOperation rawValue)
            {
                var value = rawValue.WalkDownConversions();
                if (IsNullOrEmpty(value) || HasNullOrEmptyArm(value) || NullableReturns.NullableHelper(value) != null
                    || (value is ILocalReferenceOperation held && HoldsUncheckedNullableResult(held.Local)))
                {
                    // `sensitive ? key : null`, or a helper of the project that returns null when not configured
                    // (`KmsKey()` => `string.IsNullOrEmpty(k) ? null : k`): some requests go without the value.
                    return new TrackedValue(property, origin, value, null, isNullOrEmpty: true);
                }

                ObjectState? state = null;
                switch (value)
                {
                    case IObjectCreationOperation creation:
                        state = FromCreation(creation, null);
                        break;
                    case ILocalReferenceOperation reference:
                        state = LocalState(reference.Local);
                        break;
                    case { Syntax: Microsoft.CodeAnalysis.CSharp.Syntax.CollectionExpressionSyntax }:
                        state = new ObjectState(value, null, value.Type, isOpaque: false);
                        AddCollectionExpressionElements(state, value);
                        break;
                    case IInvocationOperation call when _helpers != null:
                        state = _helpers(call);
                        break;
                    case IAwaitOperation { Operation: IInvocationOperation awaited } when _helpers != null:
                        // await BuildOutputAsync(): an async helper's object.
                        state = _helpers(awaited);
                        break;
                }

                return new TrackedValue(property, origin, value, state, isNullOrEmpty: false);
            }

            /// <summary>
            /// <c>var g = MaybeGuardrail(); request.GuardrailConfig = g;</c>: a local whose one value is the call of a
            /// project helper that can return null or empty, and that the method reads nowhere but in writes to members
            /// (any other read may be a check: <c>if (g is null) throw …;</c>). Such a local hands on the helper's null.
            /// </summary>
            private bool HoldsUncheckedNullableResult(ILocalSymbol local)
            {
                if (SingleValue(local) is not { } single || NullableReturns.NullableHelper(single) == null)
                {
                    return false;
                }

                foreach (var reference in References(local))
                {
                    IOperation read = reference;
                    while (read.Parent is IConversionOperation conversion)
                    {
                        read = conversion;
                    }

                    switch (read.Parent)
                    {
                        case IAssignmentOperation assignment when assignment.Target == reference:
                        case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation } write when write.Value == read:
                            continue;
                        default:
                            return false;
                    }
                }

                return true;
            }

            /// <summary>Applies the writes, adds and subscriptions made through <paramref name="local"/> before the send.</summary>
            private void ApplyLocalUses(ObjectState state, ILocalSymbol local, bool isRoot)
            {
                foreach (var reference in References(local))
                {
                    var path = new List<IPropertySymbol>();
                    IOperation current = reference;
                    while (current.Parent is IPropertyReferenceOperation { Property.IsIndexer: false } property && property.Instance == current)
                    {
                        path.Add(property.Property);
                        current = property;
                    }

                    var position = reference.Syntax.SpanStart;
                    var from = isRoot ? _origin.Syntax.SpanStart : DeclarationStart(local, reference);
                    var parent = Parent(current, out var top);

                    // A write inside a local function (`void Encrypt() { request.X = …; }`) runs where the function is
                    // first called: ignored when that is not before the send, on the call's branches when it is.
                    IOperation? via = null;
                    if (path.Count > 0 && OtherLocalFunction(reference) is { } function)
                    {
                        if (_localFunctionCalls == null || !_localFunctionCalls.TryGetValue(function.OriginalDefinition, out via))
                        {
                            continue;
                        }

                        position = via.Syntax.SpanStart;
                    }

                    switch (current.Parent)
                    {
                        case IPropertyReferenceOperation indexer when indexer.Instance == current:
                            // request.X[i]… : a write through an indexer the engine does not follow.
                            MarkOpaque(state, path, isRoot);
                            continue;
                        case IEventReferenceOperation { Parent: IEventAssignmentOperation { Adds: true } subscription } @event when @event.Instance == current:
                            if (position < _cutoff)
                            {
                                var handler = subscription.HandlerValue.WalkDownConversions();
                                if (handler is IDelegateCreationOperation delegateCreation)
                                {
                                    handler = delegateCreation.Target;
                                }

                                EnsurePath(state, path, subscription).AddHandler(@event.Event, handler, subscription);
                            }

                            continue;
                    }

                    switch (parent)
                    {
                        case ISimpleAssignmentOperation assignment when assignment.Target == top:
                            if (path.Count > 0 && position < _cutoff)
                            {
                                Write(state, path, assignment, assignment.Value, from, via);
                            }

                            break;
                        case ICompoundAssignmentOperation compound when compound.Target == top:
                            if (path.Count > 0 && position < _cutoff)
                            {
                                Write(state, path, compound, compound.Value, from, via);
                            }

                            break;
                        case ICoalesceAssignmentOperation coalesce when coalesce.Target == top:
                            if (path.Count > 0 && position < _cutoff && state.GetValue(JoinPath(path)) is not { IsNullOrEmpty: false })
                            {
                                Write(state, path, coalesce, coalesce.Value, from, via);
                            }

                            break;
                        case IArgumentOperation argument:
                            var invocation = argument.Parent as IInvocationOperation;
                            if (invocation != null && _calls.IsSdkCall(invocation.TargetMethod))
                            {
                                break;
                            }

                            if (IsReadOnlyParameter(argument.Parameter))
                            {
                                break;
                            }

                            if (path.Count == 0 && !isRoot && invocation?.TargetMethod.Name == "Add")
                            {
                                // list.Add(definition): a link the collection's own state records.
                                break;
                            }

                            MarkOpaque(state, path, isRoot);
                            break;
                        case IInvocationOperation call when call.Instance == top:
                            if (position >= _cutoff)
                            {
                                break;
                            }

                            if (call.TargetMethod.Name == "Add" && call.Arguments.Length == 1)
                            {
                                var target = EnsurePath(state, path, call);
                                target.AddElement(Resolve(null, call, call.Arguments[0].Value));
                            }
                            else if (call.TargetMethod.Name is "AddRange" or "Insert" or "InsertRange" or "Clear" or "Remove" or "RemoveAt" or "RemoveAll")
                            {
                                EnsurePath(state, path, call).IsOpaque = true;
                            }

                            break;
                        case ISimpleAssignmentOperation assignment when assignment.Value == top:
                            if (!IsTrackedTarget(assignment.Target))
                            {
                                MarkOpaque(state, path, isRoot);
                            }

                            break;
                        case ITupleOperation { Parent: IDeconstructionAssignmentOperation deconstruction } tuple when deconstruction.Target == tuple && path.Count > 0:
                            // (request.X, request.Y) = (x, y): each element is a write of its own.
                            if (position < _cutoff)
                            {
                                var index = tuple.Elements.IndexOf(top);
                                if (index >= 0 && deconstruction.Value.WalkDownConversions() is ITupleOperation values && values.Elements.Length == tuple.Elements.Length)
                                {
                                    Write(state, path, values.Elements[index], values.Elements[index], from, via);
                                }
                                else
                                {
                                    MarkOpaque(state, path, isRoot);
                                }
                            }

                            break;
                        case IReturnOperation:
                        case IVariableInitializerOperation:
                        case ICoalesceOperation:
                        case IConditionalOperation:
                        case ITupleOperation:
                        case IArrayInitializerOperation:
                        case IAnonymousObjectCreationOperation:
                            MarkOpaque(state, path, isRoot);
                            break;
                    }
                }
            }

            private static string JoinPath(List<IPropertySymbol> path)
            {
                var names = new string[path.Count];
                for (var i = 0; i < path.Count; i++)
                {
                    names[i] = path[i].Name;
                }

                return string.Join(".", names);
            }

            /// <summary>True when the target is a property path on a local or on the object being initialized: a link between tracked objects.</summary>
            private static bool IsTrackedTarget(IOperation target)
            {
                var current = target;
                while (current is IPropertyReferenceOperation { Instance: { } instance })
                {
                    current = instance;
                }

                return current != target && current is ILocalReferenceOperation or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver };
            }

            private void MarkOpaque(ObjectState state, List<IPropertySymbol> path, bool isRoot)
            {
                if (path.Count == 0)
                {
                    // The request itself escaping is the fate pass's business; a nested object escaping makes it unknown.
                    if (!isRoot)
                    {
                        state.IsOpaque = true;
                    }

                    return;
                }

                var value = state.GetValue(JoinPath(path));
                if (value != null)
                {
                    EnsureObject(value).IsOpaque = true;
                }
                else
                {
                    // Not written yet: whatever is reached there later is unknown.
                    EnsurePath(state, path, null).IsOpaque = true;
                }
            }

            /// <summary>
            /// Where a nested object held in <paramref name="local"/> comes into being: its declaration (a branch or loop
            /// body that declares it holds all of its writes); the request's origin when the local is declared elsewhere.
            /// </summary>
            private int DeclarationStart(ILocalSymbol local, IOperation reference)
            {
                foreach (var declaration in local.DeclaringSyntaxReferences)
                {
                    if (declaration.SyntaxTree == reference.Syntax.SyntaxTree)
                    {
                        return declaration.Span.Start;
                    }
                }

                return _origin.Syntax.SpanStart;
            }

            /// <summary>
            /// Writes <paramref name="value"/> at <paramref name="path"/>; <paramref name="from"/> is where the written object
            /// comes from; <paramref name="via"/> is the call of the local function the write sits in, if any (its branches
            /// come first).
            /// </summary>
            private void Write(ObjectState state, List<IPropertySymbol> path, IOperation origin, IOperation value, int from, IOperation? via)
            {
                var container = EnsurePath(state, path.GetRange(0, path.Count - 1), origin);
                var write = Resolve(path[path.Count - 1], origin, value);
                var arms = Branches.Of(origin, _cutoff, from);
                if (via != null && Branches.Of(via, _cutoff, from) is { } callArms)
                {
                    arms = arms == null ? callArms : Concat(callArms, arms);
                }

                if (arms != null)
                {
                    // Written on a branch that may not run before the send.
                    write = new TrackedValue(write.Property, write.Origin, write.Value, write.Object, write.IsNullOrEmpty, arms);
                }

                container.Set(write);
            }

            private static BranchArm[] Concat(BranchArm[] outer, BranchArm[] inner)
            {
                var all = new BranchArm[outer.Length + inner.Length];
                outer.CopyTo(all, 0);
                inner.CopyTo(all, outer.Length);
                return all;
            }

            /// <summary>The local function a reference sits in, when it is not the one the request is created in (nor inside a lambda).</summary>
            private IMethodSymbol? OtherLocalFunction(IOperation reference)
            {
                for (var current = reference.Parent; current != null; current = current.Parent)
                {
                    if (current == _originFunction || current is IAnonymousFunctionOperation)
                    {
                        return null;
                    }

                    if (current is ILocalFunctionOperation function)
                    {
                        return function.Symbol;
                    }
                }

                return null;
            }

            /// <summary>The object at <paramref name="path"/>, creating placeholders for containers only reached through the path.</summary>
            private static ObjectState EnsurePath(ObjectState state, List<IPropertySymbol> path, IOperation? origin)
            {
                var current = state;
                foreach (var property in path)
                {
                    var value = current.Get(property.Name);
                    if (value == null)
                    {
                        var child = new ObjectState(null, null, property.Type, isOpaque: false);
                        if (origin != null)
                        {
                            current.Set(new TrackedValue(property, origin, null, child, isNullOrEmpty: false));
                        }

                        current = child;
                        continue;
                    }

                    current = EnsureObject(value);
                }

                return current;
            }

            private static ObjectState EnsureObject(TrackedValue value)
            {
                if (value.Object == null)
                {
                    value.Object = new ObjectState(null, null, value.Property?.Type ?? value.Value?.Type, isOpaque: true);
                }

                return value.Object;
            }

            /// <summary>A parameter that cannot change the object: <c>object</c> (logging, formatting), strings, value types and unconstrained method type parameters (serializers).</summary>
            private static bool IsReadOnlyParameter(IParameterSymbol? parameter)
            {
                if (parameter == null || parameter.RefKind != RefKind.None)
                {
                    return false;
                }

                var type = parameter.Type;
                if (parameter.IsParams && type is IArrayTypeSymbol array)
                {
                    type = array.ElementType;
                }

                if (type.SpecialType is SpecialType.System_Object or SpecialType.System_String || type.IsValueType)
                {
                    return true;
                }

                // JsonSerializer.Serialize<T>(T value): a generic method cannot set the request's properties without a
                // constraint; List<T>.Add(T) is a type parameter of the class and stays an escape.
                return parameter.OriginalDefinition.Type is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method, ConstraintTypes.Length: 0 };
            }

            /// <summary>The first parent that is not a conversion, parentheses or an await (of an async helper's task);
            /// <paramref name="top"/> is the operation below it.</summary>
            private static IOperation? Parent(IOperation operation, out IOperation top)
            {
                top = operation;
                var parent = operation.Parent;
                while (parent is IConversionOperation or IParenthesizedOperation or IAwaitOperation)
                {
                    top = parent;
                    parent = parent.Parent;
                }

                return parent;
            }
        }
    }
}
