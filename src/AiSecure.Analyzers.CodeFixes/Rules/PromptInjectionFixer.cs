using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AiSecure.Analyzers.CodeFixes.Rules
{
    /// <summary>AISEC001 / AISEC002 fixes.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PromptInjectionFixer)), Shared]
    public sealed class PromptInjectionFixer : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PromptInjection, DiagnosticIds.SystemPromptInjection);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => Task.CompletedTask;
    }
}
