using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>
    /// Operations compared by reference and hashed by where they sit (span and kind). Operations do not override
    /// <see cref="object.GetHashCode"/>, and the runtime's identity hash for an object that never had one takes a slow
    /// path that cost about 4% of the package's sampled time on the benchmark corpus when the taint engine memoized by it.
    /// </summary>
    internal sealed class OperationIdentity : IEqualityComparer<IOperation>
    {
        public static readonly OperationIdentity Instance = new();

        public bool Equals(IOperation? x, IOperation? y) => ReferenceEquals(x, y);

        // An implicit operation shares its syntax with its operand (a conversion, an argument): the kind tells them
        // apart. The rare operations of one kind over one span fall in one bucket and are told apart by reference.
        public int GetHashCode(IOperation operation)
        {
            var span = operation.Syntax.FullSpan;
            return (span.Start * 31 + span.Length) * 397 + (int)operation.Kind;
        }
    }
}
