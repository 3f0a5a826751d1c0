using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

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
        private readonly System.Func<int, TaintValue> _evaluateArgument;

        public PendingCall(IMethodSymbol callee, System.Func<int, TaintValue> evaluateArgument)
        {
            Callee = callee;
            _evaluateArgument = evaluateArgument;
        }

        public readonly IMethodSymbol Callee;

        /// <summary>The caller's value for the callee's parameter <paramref name="ordinal"/>.</summary>
        public TaintValue EvaluateArgument(int ordinal) => _evaluateArgument(ordinal);
    }

    /// <summary>
    /// Where an untrusted value comes from: a source; a parameter of the analyzed method (resolved through
    /// callers); or the return value of a method of the same compilation (resolved through its summary).
    /// </summary>
    internal sealed class TaintOrigin
    {
        private TaintOrigin(string? display, IParameterSymbol? parameter, bool composed, RoleHint hint, PendingCall? call = null, IMethodSymbol? receiverOf = null)
        {
            Display = display;
            Parameter = parameter;
            Composed = composed;
            Hint = hint;
            Call = call;
            ReceiverOf = receiverOf;
        }

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

        public bool IsParameter => Parameter != null;

        public static TaintOrigin Source(string display) => new(display, null, false, RoleHint.None);

        public static TaintOrigin FromParameter(IParameterSymbol parameter) => new(null, parameter, false, RoleHint.None);

        public static TaintOrigin FromCall(PendingCall call) => new(null, null, false, RoleHint.None, call);

        public static TaintOrigin FromReceiver(IMethodSymbol method) => new(null, null, false, RoleHint.None, null, method);

        public TaintOrigin AsComposed() => Composed ? this : new TaintOrigin(Display, Parameter, true, Hint, Call, ReceiverOf);

        public TaintOrigin AsRaw() => Composed ? new TaintOrigin(Display, Parameter, false, Hint, Call, ReceiverOf) : this;

        public TaintOrigin WithHint(RoleHint hint) => Hint != RoleHint.None || hint == RoleHint.None ? this : new TaintOrigin(Display, Parameter, Composed, hint, Call, ReceiverOf);
    }

    /// <summary>
    /// What the taint engine knows about one value: the origins of its untrusted parts (empty when clean)
    /// and the expressions that carry them whole (what a sanitizer would wrap).
    /// </summary>
    internal sealed class TaintValue
    {
        public static readonly TaintValue Clean = new(ImmutableArray<TaintOrigin>.Empty, ImmutableArray<IOperation>.Empty);

        private TaintValue(ImmutableArray<TaintOrigin> origins, ImmutableArray<IOperation> parts)
        {
            Origins = origins;
            Parts = parts;
        }

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

        public static TaintValue Create(ImmutableArray<TaintOrigin> origins, ImmutableArray<IOperation> parts)
            => origins.IsEmpty ? Clean : new TaintValue(origins, parts);

        public static TaintValue Source(string display, IOperation at)
            => new(ImmutableArray.Create(TaintOrigin.Source(display)), ImmutableArray.Create(at));

        public static TaintValue Parameter(IParameterSymbol parameter, IOperation at)
            => new(ImmutableArray.Create(TaintOrigin.FromParameter(parameter)), ImmutableArray.Create(at));

        public static TaintValue Receiver(IMethodSymbol method, IOperation at)
            => new(ImmutableArray.Create(TaintOrigin.FromReceiver(method)), ImmutableArray.Create(at));

        public static TaintValue FromCall(PendingCall call, IOperation at)
            => new(ImmutableArray.Create(TaintOrigin.FromCall(call)), ImmutableArray.Create(at));

        /// <summary>The same origins, now carried whole by <paramref name="at"/> (raw values only keep their own part).</summary>
        public TaintValue At(IOperation at)
        {
            if (!IsTainted)
            {
                return this;
            }

            return IsComposed ? this : new TaintValue(Origins, ImmutableArray.Create(at));
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

            return new TaintValue(Distinct(builder), ImmutableArray.Create(at));
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

            return new TaintValue(builder.ToImmutable(), Parts);
        }

        /// <summary>Either value may flow here (branches, several writes).</summary>
        public static TaintValue Union(IEnumerable<TaintValue> values)
        {
            ImmutableArray<TaintOrigin>.Builder? origins = null;
            ImmutableArray<IOperation>.Builder? parts = null;
            foreach (var value in values)
            {
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

            return origins == null ? Clean : new TaintValue(Distinct(origins), parts!.ToImmutable());
        }

        /// <summary>
        /// Text built from <paramref name="operands"/> (concatenation, interpolation, formatting): every
        /// origin becomes composed; a raw operand is a part as a whole.
        /// </summary>
        public static TaintValue Compose(IEnumerable<OperandValue> operands)
        {
            ImmutableArray<TaintOrigin>.Builder? origins = null;
            ImmutableArray<IOperation>.Builder? parts = null;
            foreach (var operandValue in operands)
            {
                var value = operandValue.Value;
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

            return origins == null ? Clean : new TaintValue(Distinct(origins), parts!.ToImmutable());
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
                        && kept.Composed == origin.Composed && kept.Hint == origin.Hint && kept.Call == origin.Call
                        && SymbolEqualityComparer.Default.Equals(kept.ReceiverOf, origin.ReceiverOf))
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
