using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>What the engine knows about a property path of a tracked object.</summary>
    internal enum PathStatus
    {
        /// <summary>Nothing writes the path (or a container on the way is missing or null) and the object is fully known.</summary>
        Unset,

        /// <summary>The last write before the send is <c>null</c>, <c>default</c>, <c>""</c> or <c>string.Empty</c>.</summary>
        NullOrEmpty,

        /// <summary>The last write before the send is any other value (a constant, a variable, configuration, a call…).</summary>
        Set,

        /// <summary>The object on the way was built elsewhere or handed to code the engine does not follow: not proven either way.</summary>
        Unknown,
    }

    /// <summary>One write of a property (or one element added to a collection) that the engine followed.</summary>
    internal sealed class TrackedValue
    {
        internal TrackedValue(IPropertySymbol? property, IOperation origin, IOperation? value, ObjectState? @object, bool isNullOrEmpty, BranchArm[]? branches = null)
        {
            Property = property;
            Origin = origin;
            Value = value;
            Object = @object;
            IsNullOrEmpty = isNullOrEmpty;
            Branches = branches;
        }

        /// <summary>The branches (outermost first) the write sits in that may not run before the send; null when it always runs.</summary>
        internal readonly BranchArm[]? Branches;

        /// <summary>The property written; null for a collection element.</summary>
        public readonly IPropertySymbol? Property;

        /// <summary>
        /// Where the write happens: the <see cref="ISimpleAssignmentOperation"/> (in an object initializer or a
        /// statement), the <see cref="IMemberInitializerOperation"/> (<c>X = { … }</c>), the compound assignment,
        /// or the <c>Add</c> invocation / collection element. Report "at the assignment" on <c>Origin.Syntax</c>.
        /// </summary>
        public readonly IOperation Origin;

        /// <summary>The value written, conversions and parentheses skipped; null when the container was only reached
        /// through a nested path write (<c>request.OutputDataConfig.KmsKeyId = k</c> with no <c>OutputDataConfig</c> write).</summary>
        public readonly IOperation? Value;

        /// <summary>The object the value holds when the engine followed it (an object created in the method,
        /// directly or through a local); null for strings, numbers, constants and values it did not follow.</summary>
        public ObjectState? Object { get; internal set; }

        /// <summary>True when the value is <c>null</c>, <c>default</c>, <c>""</c> or <c>string.Empty</c>.</summary>
        public readonly bool IsNullOrEmpty;

        /// <summary>The constant value, when the written value is a compile-time constant.</summary>
        public Optional<object?> ConstantValue => Value?.ConstantValue ?? default;
    }

    /// <summary>
    /// The state of one object the engine tracks (the request, or a nested config object) at the moment the
    /// request is sent: the last write of each property and the elements added to it when it is a collection.
    /// </summary>
    internal sealed class ObjectState
    {
        private readonly Dictionary<string, TrackedValue> _properties = new(StringComparer.Ordinal);

        // Writes inside branches that may not run before the send, after the last write that always runs (in order).
        private readonly Dictionary<string, List<TrackedValue>> _conditional = new(StringComparer.Ordinal);
        private readonly List<TrackedValue> _elements = new();
        private readonly List<(IEventSymbol Event, IOperation Handler, IEventAssignmentOperation Origin)> _handlers = new();

        internal ObjectState(IOperation? creation, ILocalSymbol? local, ITypeSymbol? type, bool isOpaque)
        {
            Creation = creation;
            Local = local;
            Type = type;
            IsOpaque = isOpaque;
        }

        /// <summary>The <see cref="IObjectCreationOperation"/> (or collection expression) that made the object in this
        /// method; null when the object was not created here (parameter, call result) or only reached through a path.</summary>
        public readonly IOperation? Creation;

        /// <summary>The local that holds the object, if any.</summary>
        public readonly ILocalSymbol? Local;

        /// <summary>The created type, or the property type when the object was not created here.</summary>
        public readonly ITypeSymbol? Type;

        /// <summary>True when the object may hold writes the engine cannot see: paths it has no write for are <see cref="PathStatus.Unknown"/>.</summary>
        public bool IsOpaque { get; internal set; }

        /// <summary>The last write of each property written before the send.</summary>
        public IEnumerable<TrackedValue> Properties => _properties.Values;

        /// <summary>The elements added before the send, in order (collection initializer, collection expression, <c>Add</c>).</summary>
        public IReadOnlyList<TrackedValue> Elements => _elements;

        /// <summary>Event handlers subscribed with <c>+=</c> on the object before the send; the handler is the
        /// <see cref="IAnonymousFunctionOperation"/> or <see cref="IMethodReferenceOperation"/> (delegate creation skipped).</summary>
        public IReadOnlyList<(IEventSymbol Event, IOperation Handler, IEventAssignmentOperation Origin)> Handlers => _handlers;

        /// <summary>
        /// The last write of the direct property <paramref name="name"/>; null when nothing writes it on every path to the
        /// send (a write on one branch only leaves the property unset on the others).
        /// </summary>
        public TrackedValue? Get(string name)
        {
            var always = _properties.TryGetValue(name, out var value) ? value : null;
            if (!_conditional.TryGetValue(name, out var writes))
            {
                return always;
            }

            return always == null && !Flow.Branches.Cover(writes) ? null : writes[writes.Count - 1];
        }

        /// <summary>
        /// Every write of the direct property <paramref name="name"/> that may be the one in force at the send (writes on
        /// different branches, and the write before them when some path skips them), in source order.
        /// </summary>
        public IReadOnlyList<TrackedValue> GetWrites(string name)
        {
            var always = _properties.TryGetValue(name, out var value) ? value : null;
            if (!_conditional.TryGetValue(name, out var writes))
            {
                return always == null ? Array.Empty<TrackedValue>() : new[] { always };
            }

            if (always == null || Flow.Branches.Cover(writes))
            {
                return writes;
            }

            var all = new List<TrackedValue>(writes.Count + 1) { always };
            all.AddRange(writes);
            return all;
        }

        /// <summary>Like <see cref="GetWrites(string)"/> for a dotted path (the last segment's writes in the object the path reaches).</summary>
        public IReadOnlyList<TrackedValue> GetWritesAt(string path)
        {
            var dot = path.LastIndexOf('.');
            var owner = dot < 0 ? this : GetObject(path.Substring(0, dot));
            return owner?.GetWrites(path.Substring(dot + 1)) ?? (IReadOnlyList<TrackedValue>)Array.Empty<TrackedValue>();
        }

        /// <summary>The last write at a dotted path such as <c>"OutputDataConfig.KmsKeyId"</c>.</summary>
        public TrackedValue? GetValue(string path)
        {
            var current = this;
            TrackedValue? value = null;
            foreach (var segment in path.Split('.'))
            {
                if (current == null)
                {
                    return null;
                }

                value = current.Get(segment);
                if (value == null)
                {
                    return null;
                }

                current = value.Object;
            }

            return value;
        }

        /// <summary>The object at a dotted path (for example the <c>OutputDataConfig</c> object), when the engine followed it.</summary>
        public ObjectState? GetObject(string path) => path.Length == 0 ? this : GetValue(path)?.Object;

        /// <summary>
        /// The deepest object on the way to <paramref name="path"/> that exists: for <c>"ResourceConfig.VolumeKmsKeyId"</c>,
        /// the <c>ResourceConfig</c> object when it is set, else this object. <paramref name="depth"/> says how many
        /// segments of the path it covers.
        /// </summary>
        public ObjectState GetDeepestObject(string path, out int depth)
        {
            var current = this;
            depth = 0;
            var segments = path.Split('.');
            for (var i = 0; i < segments.Length - 1; i++)
            {
                var next = current.Get(segments[i])?.Object;
                if (next == null)
                {
                    break;
                }

                current = next;
                depth = i + 1;
            }

            return current;
        }

        /// <summary>Whether the dotted <paramref name="path"/> holds a value when the request is sent.</summary>
        public PathStatus GetStatus(string path)
        {
            var current = this;
            var segments = path.Split('.');
            for (var i = 0; i < segments.Length; i++)
            {
                var value = current.Get(segments[i]);
                if (value == null)
                {
                    return current.IsOpaque ? PathStatus.Unknown : PathStatus.Unset;
                }

                if (i == segments.Length - 1)
                {
                    if (value.IsNullOrEmpty)
                    {
                        return PathStatus.NullOrEmpty;
                    }

                    foreach (var write in current.GetWrites(segments[i]))
                    {
                        if (write.IsNullOrEmpty)
                        {
                            return PathStatus.NullOrEmpty;
                        }
                    }

                    return PathStatus.Set;
                }

                if (value.IsNullOrEmpty)
                {
                    // The container is null: nothing below it is set.
                    return PathStatus.Unset;
                }

                if (value.Object == null)
                {
                    return PathStatus.Unknown;
                }

                current = value.Object;
            }

            return PathStatus.Unknown;
        }

        /// <summary>The helper method that built this object and returned it (directly or inside the object it returned);
        /// null for an object the analyzed method builds.</summary>
        public IMethodSymbol? Helper { get; private set; }

        /// <summary>A copy of this object and of every object below it, as built by <paramref name="helper"/>: each caller
        /// of the helper adds its own writes to its own copy.</summary>
        internal ObjectState CopyFromHelper(IMethodSymbol helper) => Copy(null, helper, new Dictionary<ObjectState, ObjectState>());

        /// <summary>
        /// <see cref="CopyFromHelper(IMethodSymbol)"/> for one call of the helper: a property the helper writes straight
        /// from a parameter it never reassigns (<c>InstanceCount = count</c>) holds what this call passes when that is a
        /// constant (<c>Resources(1)</c>, a <c>const</c>, a default value), so the caller's constant decides.
        /// </summary>
        internal ObjectState CopyFromHelper(IInvocationOperation call)
        {
            var copy = CopyFromHelper(call.TargetMethod.OriginalDefinition);
            copy.Substitute(call, new HashSet<ObjectState>());
            return copy;
        }

        private void Substitute(IInvocationOperation call, HashSet<ObjectState> seen)
        {
            if (!seen.Add(this))
            {
                return;
            }

            foreach (var name in new List<string>(_properties.Keys))
            {
                var value = _properties[name];
                if (value.Object != null)
                {
                    value.Object.Substitute(call, seen);
                }
                else if (ArgumentFor(value, call) is { } argument)
                {
                    _properties[name] = new TrackedValue(value.Property, value.Origin, argument, null, IsNullOrEmptyConstant(argument), value.Branches);
                }
            }
        }

        /// <summary>The constant the call passes for the helper parameter a write copies whole; null when there is none.</summary>
        private static IOperation? ArgumentFor(TrackedValue value, IInvocationOperation call)
        {
            if (value.Value?.WalkDownConversions() is not IParameterReferenceOperation { Parameter: { RefKind: RefKind.None, IsParams: false } parameter } reference
                || !SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, call.TargetMethod.OriginalDefinition))
            {
                return null;
            }

            var passed = call.GetArgument(parameter.Name)?.Value;
            if (passed == null || !passed.ConstantValue.HasValue || IsWritten(reference.GetRoot(), parameter))
            {
                return null;
            }

            return passed;
        }

        /// <summary>True when the helper assigns the parameter, increments it or passes it by reference.</summary>
        private static bool IsWritten(IOperation body, IParameterSymbol parameter)
        {
            foreach (var operation in new OperationTree(body))
            {
                if (operation is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter)
                    && operation.Parent is IAssignmentOperation { Target: var target } && target == operation
                    || operation is IParameterReferenceOperation { Parent: IIncrementOrDecrementOperation or IArgumentOperation { Parameter.RefKind: not RefKind.None } } written
                    && SymbolEqualityComparer.Default.Equals(written.Parameter, parameter))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsNullOrEmptyConstant(IOperation value)
            => value.ConstantValue.Value is null || value.ConstantValue.Value is string { Length: 0 };

        /// <summary>A copy held by <paramref name="local"/> (the caller's local that receives a helper's object).</summary>
        internal ObjectState WithLocal(ILocalSymbol? local) => Copy(local, Helper, new Dictionary<ObjectState, ObjectState>());

        private ObjectState Copy(ILocalSymbol? local, IMethodSymbol? helper, Dictionary<ObjectState, ObjectState> copies)
        {
            var copy = new ObjectState(Creation, local, Type, IsOpaque) { Helper = helper };
            copies.Add(this, copy);
            foreach (var pair in _properties)
            {
                copy._properties.Add(pair.Key, CopyValue(pair.Value, helper, copies));
            }

            foreach (var pair in _conditional)
            {
                var writes = new List<TrackedValue>(pair.Value.Count);
                foreach (var write in pair.Value)
                {
                    writes.Add(CopyValue(write, helper, copies));
                }

                copy._conditional.Add(pair.Key, writes);
            }

            foreach (var element in _elements)
            {
                copy._elements.Add(CopyValue(element, helper, copies));
            }

            copy._handlers.AddRange(_handlers);
            return copy;
        }

        private static TrackedValue CopyValue(TrackedValue value, IMethodSymbol? helper, Dictionary<ObjectState, ObjectState> copies)
        {
            ObjectState? @object = null;
            if (value.Object != null && !copies.TryGetValue(value.Object, out @object))
            {
                @object = value.Object.Copy(value.Object.Local, helper, copies);
            }

            return new TrackedValue(value.Property, value.Origin, value.Value, @object, value.IsNullOrEmpty, value.Branches);
        }

        internal void Set(TrackedValue value)
        {
            if (value.Property == null)
            {
                return;
            }

            var name = value.Property.Name;
            if (value.Branches == null)
            {
                _properties[name] = value;
                _conditional.Remove(name);
                return;
            }

            if (!_conditional.TryGetValue(name, out var writes))
            {
                _conditional.Add(name, writes = new List<TrackedValue>());
            }

            writes.Add(value);
        }

        internal void AddElement(TrackedValue value) => _elements.Add(value);

        internal void AddHandler(IEventSymbol @event, IOperation handler, IEventAssignmentOperation origin) => _handlers.Add((@event, handler, origin));
    }
}
