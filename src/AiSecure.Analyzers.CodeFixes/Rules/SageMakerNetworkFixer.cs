using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using AiSecure.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AiSecure.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// AISEC030: sets <c>EnableInterContainerTrafficEncryption = true</c> in the object that owns it (creating it when
    /// missing). AISEC031: sets <c>EnableNetworkIsolation = true</c>, or a notebook's <c>DirectInternetAccess</c> and
    /// <c>RootAccess</c> to <c>Disabled</c>; a missing <c>VpcConfig</c> gets no fix (subnets and security groups cannot be guessed).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SageMakerNetworkFixer)), Shared]
    public sealed class SageMakerNetworkFixer : CodeFixProvider
    {
        public const string EncryptionEquivalenceKey = "AISEC030.EnableEncryption";
        public const string IsolationEquivalenceKey = "AISEC031.Isolate";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InterContainerEncryptionDisabled, DiagnosticIds.NetworkIsolationMissing);

        private static readonly FixAllProvider FixAll = InitializerEditApplier.CreateFixAll(d => d.Id == DiagnosticIds.InterContainerEncryptionDisabled ? EncryptionEquivalenceKey : IsolationEquivalenceKey);

        public override FixAllProvider GetFixAllProvider() => FixAll;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!InitializerEditApplier.HasEdits(diagnostic))
                {
                    continue;
                }

                var encryption = diagnostic.Id == DiagnosticIds.InterContainerEncryptionDisabled;
                var notebook = diagnostic.Properties.TryGetValue(SageMakerNetworkAnalyzer.VariantProperty, out var variant) && variant == SageMakerNetworkAnalyzer.NotebookVariant;
                var title = encryption
                    ? "Set EnableInterContainerTrafficEncryption = true"
                    : notebook ? "Disable direct internet access and root access" : "Set EnableNetworkIsolation = true";
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => InitializerEditApplier.ApplyAsync(document, new[] { diagnostic }, ct), encryption ? EncryptionEquivalenceKey : IsolationEquivalenceKey),
                    diagnostic);
            }

            return Task.CompletedTask;
        }
    }
}
