using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>A role that serialized JSON gives a value through a sibling <c>role</c> or a <c>system</c> member.</summary>
    internal enum RoleHint
    {
        None,
        User,
        System,
    }

    /// <summary>A call to a method of this compilation whose return value is known only from the callee's own analysis.</summary>
    internal sealed class PendingCall
    {
        private readonly TaintEngine _caller;
        private readonly ImmutableArray<IArgumentOperation> _arguments;
        private readonly IOperation? _instance;

        public PendingCall(IMethodSymbol callee, TaintEngine caller, ImmutableArray<IArgumentOperation> arguments, IOperation? instance, int element = -1, string? member = null)
        {
            Callee = callee;
            Element = element;
            Member = member;
            _caller = caller;
            _arguments = arguments;
            _instance = instance;
        }

        public readonly IMethodSymbol Callee;

        /// <summary>
        /// The member of the object the callee returns that the caller reads (<c>factory.Build(request).System</c>): the
        /// callee's returns are then narrowed to what its object creations give that member; null: the whole value.
        /// </summary>
        public readonly string? Member;

        /// <summary>This call, read as its returned object's member <paramref name="member"/> (the first member read counts).</summary>
        public PendingCall WithMember(string member)
            => Member != null || Element != -1 ? this : new PendingCall(Callee, _caller, _arguments, _instance, Element, member);

        /// <summary>
        /// The element of the tuple the callee returns that the caller takes (<c>var (a, b) = Callee()</c>); -1: the whole value;
        /// <see cref="OutParameter"/> of an ordinal: what the callee writes into that <c>out</c> parameter instead.
        /// </summary>
        public readonly int Element;

        /// <summary>The <see cref="Element"/> that stands for the callee's <c>out</c> parameter <paramref name="ordinal"/> (<c>TryBuild(request, out var prompt)</c>).</summary>
        public static int OutParameter(int ordinal) => -2 - ordinal;

        /// <summary>
        /// The caller's value for the callee's parameter <paramref name="ordinal"/> (-1: the receiver), evaluated by the
        /// caller's engine under <paramref name="cancellationToken"/> (the compilation end's, not the caller's own action's).
        /// </summary>
        public TaintValue EvaluateArgument(int ordinal, System.Threading.CancellationToken cancellationToken, string? member = null)
        {
            _caller.CancellationToken = cancellationToken;
            if (ordinal >= 0)
            {
                return _caller.EvaluateArgument(_arguments, ordinal, member);
            }

            return _instance == null || _instance is IInstanceReferenceOperation ? TaintValue.Clean : _caller.Evaluate(_instance);
        }
    }

    /// <summary>How a helper of another file checks what it is given (<see cref="HelperGuard"/>).</summary>
    internal enum HelperCheck
    {
        /// <summary>Returns true when its parameter is safe (<c>if (!InputRules.IsSafeSlug(name)) return …;</c>).</summary>
        Returns,

        /// <summary>Throws unless its parameter is safe (<c>InputRules.EnsureKnownTool(tool);</c>).</summary>
        Throws,

        /// <summary>Wraps every tool it is given in <c>ApprovalRequiredAIFunction</c> (<c>return ToolApproval.Require(tools);</c>).</summary>
        Approves,
    }

    /// <summary>
    /// A check through a helper declared in another file than the read it guards: the helper's parameter the value was
    /// passed to, whether the value passed was a full path (<c>Path.GetFullPath</c>), and how the helper checks it.
    /// </summary>
    internal sealed class HelperGuard
    {
        public HelperGuard(IParameterSymbol parameter, bool fullPath, HelperCheck check, HelperGuard? alternative = null)
        {
            Parameter = parameter;
            FullPath = fullPath;
            Check = check;
            Alternative = alternative;
        }

        /// <summary>Another helper check, enough on its own (<c>if (!IsSlug(x) &amp;&amp; !IsKnownName(x)) return …;</c>); null when none.</summary>
        public readonly HelperGuard? Alternative;

        /// <summary>This check, or else <paramref name="other"/>: the value is clean when either helper validates it.</summary>
        public HelperGuard OrElse(HelperGuard other) => new(Parameter, FullPath, Check, Alternative == null ? other : Alternative.OrElse(other));

        public readonly IParameterSymbol Parameter;

        public readonly bool FullPath;

        public readonly HelperCheck Check;

        public bool Equals(HelperGuard? other)
            => other != null && other.FullPath == FullPath && other.Check == Check && SymbolEqualityComparer.Default.Equals(other.Parameter, Parameter)
               && (Alternative == null ? other.Alternative == null : Alternative.Equals(other.Alternative));
    }

    /// <summary>Compares helper checks by helper parameter and shape.</summary>
    internal sealed class HelperGuardComparer : IEqualityComparer<HelperGuard>
    {
        public static readonly HelperGuardComparer Instance = new();

        public bool Equals(HelperGuard? x, HelperGuard? y) => x == null ? y == null : x.Equals(y);

        public int GetHashCode(HelperGuard obj) => SymbolEqualityComparer.Default.GetHashCode(obj.Parameter);
    }

    /// <summary>
    /// Where an untrusted value comes from: a source; a parameter of the analyzed method (resolved through
    /// callers); or the return value of a method of the same compilation (resolved through its summary).
    /// </summary>
    internal sealed class TaintOrigin
    {
        private TaintOrigin(string? display, IParameterSymbol? parameter, bool composed, RoleHint hint, PendingCall? call = null, IMethodSymbol? receiverOf = null, int cleared = 0, ISymbol? member = null, string? readMember = null, HelperGuard? guard = null)
        {
            Guard = guard;
            Member = member;
            ReadMember = readMember;
            Cleared = cleared;
            Display = display;
            Parameter = parameter;
            Composed = composed;
            Hint = hint;
            Call = call;
            ReceiverOf = receiverOf;
        }

        /// <summary>
        /// A field or auto-property of this object (or a static one) that the reading method does not write: resolved through
        /// what the type's other methods write into it (a component's <c>_answer</c> set in <c>OnInitializedAsync</c>).
        /// </summary>
        public readonly ISymbol? Member;

        /// <summary>
        /// A check through a helper declared in another file that the reading method could not read (<c>if
        /// (!InputRules.IsSafeSlug(name)) return …;</c>): the origin is clean if, and only if, that helper validates
        /// its parameter, decided at the end of the compilation (<see cref="CrossMethodFlow"/>); null when no such check.
        /// </summary>
        public readonly HelperGuard? Guard;

        /// <summary>
        /// For a parameter origin: the member of the parameter's object that was read (<c>context.Product</c>), so a caller
        /// that builds the object in place (<c>new PromptContext { Product = "Desk", Question = q }</c>) is asked for that
        /// member only; null when the whole value flows.
        /// </summary>
        public readonly string? ReadMember;

        /// <summary>A property of <c>this</c> read by this instance method: resolved through the receiver a caller passes.</summary>
        public readonly IMethodSymbol? ReceiverOf;

        /// <summary>A call whose return value may be untrusted; resolved at the end of the compilation.</summary>
        public readonly PendingCall? Call;

        /// <summary>How the message names the source; null for a parameter origin.</summary>
        public readonly string? Display;

        /// <summary>A parameter of the analyzed method that is not a source by itself.</summary>
        public readonly IParameterSymbol? Parameter;

        /// <summary>The value was concatenated, interpolated or formatted with other text on the way.</summary>
        public readonly bool Composed;

        public readonly RoleHint Hint;

        /// <summary>
        /// The sink kinds (bit <c>1 &lt;&lt; kind</c>) a kind-specific sanitizer on the way cleared this origin for: an HTML
        /// encoder clears model output for HTML, not for SQL (docs/rules/AISEC003.md). Zero when none did.
        /// </summary>
        public readonly int Cleared;

        /// <summary>True when nothing on the way cleared this origin for a sink of <paramref name="kind"/>.</summary>
        public bool ReachesKind(int kind) => (Cleared & (1 << kind)) == 0;

        public bool IsParameter => Parameter != null;

        public static TaintOrigin Source(string display) => new(display, null, false, RoleHint.None);

        public static TaintOrigin FromParameter(IParameterSymbol parameter) => new(null, parameter, false, RoleHint.None);

        public static TaintOrigin FromCall(PendingCall call) => new(null, null, false, RoleHint.None, call);

        public static TaintOrigin FromReceiver(IMethodSymbol method) => new(null, null, false, RoleHint.None, null, method);

        public static TaintOrigin FromMember(ISymbol member) => new(null, null, false, RoleHint.None, member: member);

        public TaintOrigin AsComposed() => Composed ? this : new TaintOrigin(Display, Parameter, true, Hint, Call, ReceiverOf, Cleared, Member, ReadMember, Guard);

        public TaintOrigin AsRaw() => Composed ? new TaintOrigin(Display, Parameter, false, Hint, Call, ReceiverOf, Cleared, Member, ReadMember, Guard) : this;

        public TaintOrigin WithHint(RoleHint hint) => Hint != RoleHint.None || hint == RoleHint.None ? this : new TaintOrigin(Display, Parameter, Composed, hint, Call, ReceiverOf, Cleared, Member, ReadMember, Guard);

        public TaintOrigin WithCleared(int kinds) => (Cleared | kinds) == Cleared ? this : new TaintOrigin(Display, Parameter, Composed, Hint, Call, ReceiverOf, Cleared | kinds, Member, ReadMember, Guard);

        /// <summary>A parameter origin read as its member <paramref name="member"/>; the first member read counts.</summary>
        public TaintOrigin WithReadMember(string member) => Parameter == null || ReadMember != null ? this : new TaintOrigin(Display, Parameter, Composed, Hint, Call, ReceiverOf, Cleared, Member, member, Guard);

        /// <summary>A call origin read as its returned object's member <paramref name="member"/>.</summary>
        public TaintOrigin WithCallMember(string member)
            => Call == null || Call.WithMember(member) is var call && ReferenceEquals(call, Call) ? this : new TaintOrigin(Display, Parameter, Composed, Hint, call, ReceiverOf, Cleared, Member, ReadMember, Guard);

        /// <summary>This origin, checked by <paramref name="guard"/> on the way (the first such check is kept).</summary>
        public TaintOrigin WithGuard(HelperGuard? guard) => guard == null || Guard != null ? this : new TaintOrigin(Display, Parameter, Composed, Hint, Call, ReceiverOf, Cleared, Member, ReadMember, guard);

        /// <summary>This origin as seen through another origin: composed if either was, with both's cleared kinds, hint and helper check.</summary>
        public TaintOrigin Through(TaintOrigin outer)
        {
            var result = outer.Composed ? AsComposed() : this;
            return result.WithCleared(outer.Cleared).WithHint(outer.Hint).WithGuard(outer.Guard);
        }
    }

    /// <summary>
    /// What the taint engine knows about one value: the origins of its untrusted parts (empty when none is known)
    /// and the expressions that carry them whole (what a sanitizer would wrap). A value the engine could not
    /// follow to its end (a budget ran out) is <see cref="IsUnknown"/>: not reported for what was not seen, and
    /// never clean either: the untrusted parts it did see are still its origins (docs/rules/AISEC001.md, "Limits").
    /// </summary>
    internal sealed class TaintValue
    {
        public static readonly TaintValue Clean = new(ImmutableArray<TaintOrigin>.Empty, ImmutableArray<IOperation>.Empty);

        /// <summary>Nothing known: the analysis stopped before it saw this value's origins.</summary>
        public static readonly TaintValue Unknown = new(ImmutableArray<TaintOrigin>.Empty, ImmutableArray<IOperation>.Empty, unknown: true);

        private TaintValue(ImmutableArray<TaintOrigin> origins, ImmutableArray<IOperation> parts, bool unknown = false)
        {
            Origins = origins;
            Parts = parts;
            IsUnknown = unknown;
        }

        /// <summary>Part of this value was not followed (a budget ran out): its known origins are a lower bound.</summary>
        public readonly bool IsUnknown;

        public readonly ImmutableArray<TaintOrigin> Origins;

        /// <summary>The maximal expressions that bring an untrusted value whole into this one.</summary>
        public readonly ImmutableArray<IOperation> Parts;

        public bool IsTainted => !Origins.IsEmpty;

        public bool IsComposed
        {
            get
            {
                foreach (var origin in Origins)
                {
                    if (origin.Composed)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        public static TaintValue Create(ImmutableArray<TaintOrigin> origins, ImmutableArray<IOperation> parts, bool unknown = false)
            => origins.IsEmpty ? (unknown ? Unknown : Clean) : new TaintValue(origins, parts, unknown);

        /// <summary>The same value, marked as not followed to its end.</summary>
        public TaintValue AsUnknown() => IsUnknown ? this : IsTainted ? new TaintValue(Origins, Parts, true) : Unknown;

        public static TaintValue Source(string display, IOperation at)
            => new(ImmutableArray.Create(TaintOrigin.Source(display)), ImmutableArray.Create(at));

        public static TaintValue Parameter(IParameterSymbol parameter, IOperation at)
            => new(ImmutableArray.Create(TaintOrigin.FromParameter(parameter)), ImmutableArray.Create(at));

        public static TaintValue Receiver(IMethodSymbol method, IOperation at)
            => new(ImmutableArray.Create(TaintOrigin.FromReceiver(method)), ImmutableArray.Create(at));

        public static TaintValue FromMember(ISymbol member, IOperation at)
            => new(ImmutableArray.Create(TaintOrigin.FromMember(member)), ImmutableArray.Create(at));

        public static TaintValue FromCall(PendingCall call, IOperation at)
            => new(ImmutableArray.Create(TaintOrigin.FromCall(call)), ImmutableArray.Create(at));

        /// <summary>The same origins, now carried whole by <paramref name="at"/> (raw values only keep their own part).</summary>
        public TaintValue At(IOperation at)
        {
            if (!IsTainted)
            {
                return this;
            }

            return IsComposed ? this : new TaintValue(Origins, ImmutableArray.Create(at), IsUnknown);
        }

        /// <summary>A value read out of a tainted object: raw, carried by <paramref name="at"/>.</summary>
        public TaintValue ReadAt(IOperation at)
        {
            if (!IsTainted)
            {
                return this;
            }

            var builder = ImmutableArray.CreateBuilder<TaintOrigin>(Origins.Length);
            foreach (var origin in Origins)
            {
                builder.Add(origin.AsRaw());
            }

            return new TaintValue(Distinct(builder), ImmutableArray.Create(at), IsUnknown);
        }

        /// <summary>Call origins read as their returned object's member <paramref name="member"/> (see <see cref="PendingCall.Member"/>).</summary>
        public TaintValue WithCallMember(string member)
        {
            if (!IsTainted)
            {
                return this;
            }

            var builder = ImmutableArray.CreateBuilder<TaintOrigin>(Origins.Length);
            foreach (var origin in Origins)
            {
                builder.Add(origin.WithCallMember(member));
            }

            return new TaintValue(Distinct(builder), Parts, IsUnknown);
        }

        /// <summary>Parameter origins read as their member <paramref name="member"/> (see <see cref="TaintOrigin.ReadMember"/>).</summary>
        public TaintValue WithReadMember(string member)
        {
            if (!IsTainted)
            {
                return this;
            }

            var builder = ImmutableArray.CreateBuilder<TaintOrigin>(Origins.Length);
            foreach (var origin in Origins)
            {
                builder.Add(origin.WithReadMember(member));
            }

            return new TaintValue(Distinct(builder), Parts, IsUnknown);
        }

        /// <summary>The same origins, cleared for the sink kinds in <paramref name="kinds"/> (a kind-specific sanitizer).</summary>
        public TaintValue ClearedFor(int kinds)
        {
            if (!IsTainted || kinds == 0)
            {
                return this;
            }

            var builder = ImmutableArray.CreateBuilder<TaintOrigin>(Origins.Length);
            foreach (var origin in Origins)
            {
                builder.Add(origin.WithCleared(kinds));
            }

            return new TaintValue(Distinct(builder), Parts, IsUnknown);
        }

        /// <summary>The same origins, checked by a helper of another file that decides at the end whether they are clean.</summary>
        public TaintValue GuardedBy(HelperGuard guard)
        {
            if (!IsTainted)
            {
                return this;
            }

            var builder = ImmutableArray.CreateBuilder<TaintOrigin>(Origins.Length);
            foreach (var origin in Origins)
            {
                builder.Add(origin.WithGuard(guard));
            }

            return new TaintValue(Distinct(builder), Parts, IsUnknown);
        }

        public TaintValue WithHint(RoleHint hint)
        {
            if (!IsTainted || hint == RoleHint.None)
            {
                return this;
            }

            var builder = ImmutableArray.CreateBuilder<TaintOrigin>(Origins.Length);
            foreach (var origin in Origins)
            {
                builder.Add(origin.WithHint(hint));
            }

            return new TaintValue(builder.ToImmutable(), Parts, IsUnknown);
        }

        /// <summary>Either value may flow here (branches, several writes).</summary>
        public static TaintValue Union(IEnumerable<TaintValue> values)
        {
            ImmutableArray<TaintOrigin>.Builder? origins = null;
            ImmutableArray<IOperation>.Builder? parts = null;
            var unknown = false;
            foreach (var value in values)
            {
                unknown |= value.IsUnknown;
                if (!value.IsTainted)
                {
                    continue;
                }

                origins ??= ImmutableArray.CreateBuilder<TaintOrigin>();
                parts ??= ImmutableArray.CreateBuilder<IOperation>();
                origins.AddRange(value.Origins);
                foreach (var part in value.Parts)
                {
                    if (!parts.Contains(part))
                    {
                        parts.Add(part);
                    }
                }
            }

            return origins == null ? (unknown ? Unknown : Clean) : new TaintValue(Distinct(origins), parts!.ToImmutable(), unknown);
        }

        /// <summary>
        /// Text built from <paramref name="operands"/> (concatenation, interpolation, formatting): every
        /// origin becomes composed; a raw operand is a part as a whole.
        /// </summary>
        public static TaintValue Compose(IEnumerable<OperandValue> operands)
        {
            ImmutableArray<TaintOrigin>.Builder? origins = null;
            ImmutableArray<IOperation>.Builder? parts = null;
            var unknown = false;
            foreach (var operandValue in operands)
            {
                var value = operandValue.Value;
                unknown |= value.IsUnknown;
                if (!value.IsTainted)
                {
                    continue;
                }

                origins ??= ImmutableArray.CreateBuilder<TaintOrigin>();
                parts ??= ImmutableArray.CreateBuilder<IOperation>();
                foreach (var origin in value.Origins)
                {
                    origins.Add(origin.AsComposed());
                }

                if (value.IsComposed)
                {
                    foreach (var part in value.Parts)
                    {
                        if (!parts.Contains(part))
                        {
                            parts.Add(part);
                        }
                    }
                }
                else if (!parts.Contains(operandValue.Operand))
                {
                    parts.Add(operandValue.Operand);
                }
            }

            return origins == null ? (unknown ? Unknown : Clean) : new TaintValue(Distinct(origins), parts!.ToImmutable(), unknown);
        }

        private static ImmutableArray<TaintOrigin> Distinct(ImmutableArray<TaintOrigin>.Builder origins)
        {
            // Few origins per value: keep one per (source, parameter, composed, hint).
            var result = ImmutableArray.CreateBuilder<TaintOrigin>(origins.Count);
            foreach (var origin in origins)
            {
                var seen = false;
                foreach (var kept in result)
                {
                    if (kept.Display == origin.Display && SymbolEqualityComparer.Default.Equals(kept.Parameter, origin.Parameter)
                        && kept.Composed == origin.Composed && kept.Hint == origin.Hint && kept.Call == origin.Call && kept.Cleared == origin.Cleared
                        && SymbolEqualityComparer.Default.Equals(kept.ReceiverOf, origin.ReceiverOf) && SymbolEqualityComparer.Default.Equals(kept.Member, origin.Member) && kept.ReadMember == origin.ReadMember
                        && (kept.Guard == null ? origin.Guard == null : kept.Guard.Equals(origin.Guard)))
                    {
                        seen = true;
                        break;
                    }
                }

                if (!seen)
                {
                    result.Add(origin);
                }

                if (result.Count >= 8)
                {
                    break;
                }
            }

            return result.ToImmutable();
        }
    }

    /// <summary>
    /// An operand of composed text and the value it carries. A class, not a tuple: lists and arrays of it share the
    /// runtime's precompiled generic code, where a tuple element would be compiled anew in every build.
    /// </summary>
    internal sealed class OperandValue
    {
        public OperandValue(IOperation operand, TaintValue value)
        {
            Operand = operand;
            Value = value;
        }

        public readonly IOperation Operand;

        public readonly TaintValue Value;
    }
}
