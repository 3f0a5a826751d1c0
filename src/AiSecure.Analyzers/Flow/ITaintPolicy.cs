using AiSecure.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>
    /// What a rule tells the taint engine and the guards: which operations and parameters produce tainted values,
    /// which methods clean or validate them, and what a serialized member's name says about its role. AISEC001/002
    /// use <see cref="UntrustedInputPolicy"/>; AISEC003 uses <see cref="ModelOutputPolicy"/>. The engine knows no
    /// SDK: everything it needs to know about one comes through here, read from Knowledge/.
    /// </summary>
    internal interface ITaintPolicy
    {
        /// <summary>The platform types propagation needs (text builders, serializers, types that carry no text, Regex).</summary>
        TextTypes Types { get; }

        /// <summary>How to name the source produced by <paramref name="operation"/> (a call, property or field read, or creation), or null.</summary>
        string? GetSource(IOperation operation);

        /// <summary>A parameter that is a source by itself (entry point, tool, option), or null to track it as a parameter origin.</summary>
        string? GetParameterSource(IParameterSymbol parameter, IOperation reference);

        /// <summary>
        /// For a parameter <see cref="GetParameterSource"/> names: a helper of another file that may still make it no source
        /// (a tool whose collection such a helper wraps for approval), decided at the end of the compilation; else null.
        /// </summary>
        HelperGuard? PendingSourceCheck(IParameterSymbol parameter, IOperation reference);

        /// <summary>
        /// The sink kinds whose values the method's result is clean for: <see cref="SinkKinds.AllKinds"/> for a sanitizer of every
        /// kind, a mask (bit <c>1 &lt;&lt; kind</c>) for one that clears some kinds only (an HTML encoder), 0 for none.
        /// </summary>
        int SanitizedKinds(IMethodSymbol method);

        /// <summary>The method returns true when its argument is safe (a guard that leaves the method when it is false validates).</summary>
        bool IsValidator(IMethodSymbol method);

        /// <summary>A method outside the compilation whose result carries its arguments (beyond the serializers <see cref="TextTypes"/> knows).</summary>
        bool IsPassThrough(IMethodSymbol method);

        /// <summary>
        /// The sink kinds a <c>System.Uri</c> is clean for once a guard has checked its host against an allow-list
        /// (<c>if (!AllowedHosts.Contains(uri.Host)) return …;</c>): an outbound URL for AISEC003, none for the prompt rules.
        /// </summary>
        int HostCheckedKinds { get; }

        /// <summary>
        /// The sink kinds a path-shape guard clears (a containment check under a root, <c>Path.GetFileName(x) == x</c>, no
        /// <c>..</c> and not rooted, no invalid file-name characters): a file path for AISEC003, none for the prompt rules.
        /// </summary>
        int PathShapeKinds { get; }

        /// <summary>
        /// This policy with path-shape guards not counted (<see cref="PathShapeKinds"/> none): what the engine asks to learn
        /// whether a guarded read is clean for every kind or for the path kinds only.
        /// </summary>
        ITaintPolicy WithoutPathShapes { get; }

        /// <summary>
        /// Whether a field or auto-property of the object that the reading method does not write is what the type's other
        /// methods write into it (a <see cref="TaintOrigin.Member"/> origin the rule resolves with <see cref="CrossMethodFlow"/>).
        /// </summary>
        bool FollowsMemberWrites { get; }

        /// <summary>A property that never carries the tracked text, whatever object it is read from (an id the AI service assigns, for AISEC003).</summary>
        bool IsCleanMember(IPropertySymbol property);

        /// <summary>The role hint a member of a serialized object gives its own value (a <c>system</c> member), or <see cref="RoleHint.None"/>.</summary>
        RoleHint MemberHint(string memberName);

        /// <summary>The role hint a constant sibling <c>role</c> member gives the other members of its object, or <see cref="RoleHint.None"/>.</summary>
        RoleHint SiblingHint(string memberName, object? constant);
    }

    /// <summary>Masks of <see cref="ITaintPolicy.SanitizedKinds"/>.</summary>
    internal static class SinkKinds
    {
        public const int None = 0;

        public const int AllKinds = ~0;

        public static int Of(int kind) => 1 << kind;

        /// <summary>
        /// The kinds a check clears under <paramref name="policy"/>: every kind when it <paramref name="holds"/> with path-shape
        /// guards not counted, the policy's path kinds when it holds only with them, none otherwise.
        /// </summary>
        public static int ClearedBy(ITaintPolicy policy, System.Func<ITaintPolicy, bool> holds)
            => holds(policy.WithoutPathShapes) ? AllKinds
               : policy.PathShapeKinds != None && holds(policy) ? policy.PathShapeKinds
               : None;
    }
}
