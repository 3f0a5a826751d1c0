using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AiSecure.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// AISEC041: adds the guardrail to the request: <c>GuardrailConfig = new GuardrailConfiguration { … }</c>
    /// (<c>GuardrailStreamConfiguration</c> for streams) or <c>GuardrailIdentifier</c> + <c>GuardrailVersion</c>,
    /// with the id from <c>aisecure.bedrock_guardrail_id</c> (else the <c>BEDROCK_GUARDRAIL_ID</c> environment
    /// variable) and the version from <c>aisecure.bedrock_guardrail_version</c> (else <c>"DRAFT"</c>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BedrockGuardrailFixer)), Shared]
    public sealed class BedrockGuardrailFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "AISEC041.AddGuardrail";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.BedrockGuardrailMissing);

        private static readonly FixAllProvider FixAll = InitializerEditApplier.CreateFixAll(_ => EquivalenceKey);

        public override FixAllProvider GetFixAllProvider() => FixAll;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            InitializerEditApplier.Register(context, "Add a Bedrock guardrail", EquivalenceKey);
            return Task.CompletedTask;
        }
    }
}
