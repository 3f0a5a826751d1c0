using AiSecure.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>
    /// What a rule tells the taint engine: which operations produce tainted values, and which methods
    /// clean or validate them. AISEC001/002 use untrusted input; AISEC003 can plug in model output.
    /// </summary>
    internal interface ITaintPolicy
    {
        /// <summary>The platform types propagation needs (StringBuilder, JsonSerializer, Encoding, ...).</summary>
        PromptSymbols Symbols { get; }

        /// <summary>How to name the source produced by <paramref name="operation"/> (a call, property read or creation), or null.</summary>
        string? GetSource(IOperation operation);

        /// <summary>A parameter that is a source by itself (entry point, option), or null to track it as a parameter origin.</summary>
        string? GetParameterSource(IParameterSymbol parameter, IOperation reference);

        /// <summary>The method's return value is clean.</summary>
        bool IsSanitizer(IMethodSymbol method);

        /// <summary>The method returns true when its argument is safe.</summary>
        bool IsValidator(IMethodSymbol method);
    }
}
