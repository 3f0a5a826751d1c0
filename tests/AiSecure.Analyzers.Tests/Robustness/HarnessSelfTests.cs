using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

#pragma warning disable RS1001, RS1026, RS1036, RS1038, RS1041, RS2008 // Deliberately broken extensions that exist only to prove the harness sees failures.

namespace AiSecure.Analyzers.Tests.Robustness
{
    /// <summary>The harness itself: a throwing analyzer and a throwing fixer are reported, with the input named.</summary>
    public class HarnessSelfTests
    {
        private const string Code = """
            class Sample
            {
                void Run() => System.Console.WriteLine("x");
            }
            """;

        [Fact]
        public async Task ThrowingAnalyzerIsReported()
        {
            var result = await RobustnessHarness.RunAsync(new[] { new Source("sample", Code) }, extraAnalyzers: ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer()));
            Assert.Contains(result.Failures, f => f.Contains(nameof(ThrowingAnalyzer), StringComparison.Ordinal) && f.Contains("boom", StringComparison.Ordinal));
        }

        [Fact]
        public async Task ThrowingFixerIsReported()
        {
            var result = await RobustnessHarness.RunAsync(
                new[] { new Source("sample", Code) },
                fixBudget: 5,
                extraAnalyzers: ImmutableArray.Create<DiagnosticAnalyzer>(new ReportingAnalyzer()),
                extraFixers: ImmutableArray.Create<CodeFixProvider>(new ThrowingFixer()));
            Assert.Contains(result.Diagnostics, d => d.Id == "ROBUST2");
            Assert.Contains(result.Failures, f => f.Contains(nameof(ThrowingFixer), StringComparison.Ordinal) && f.Contains("fix boom", StringComparison.Ordinal));
        }

        private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new("ROBUST1", "t", "t", "Test", DiagnosticSeverity.Warning, true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterOperationAction(_ => throw new InvalidOperationException("boom"), OperationKind.Invocation);
            }
        }

        private sealed class ReportingAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new("ROBUST2", "r", "r", "Test", DiagnosticSeverity.Warning, true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterOperationAction(c => c.ReportDiagnostic(Diagnostic.Create(Rule, c.Operation.Syntax.GetLocation())), OperationKind.Invocation);
            }
        }

        private sealed class ThrowingFixer : CodeFixProvider
        {
            public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("ROBUST2");

            public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

            public override Task RegisterCodeFixesAsync(CodeFixContext context)
            {
                context.RegisterCodeFix(CodeAction.Create("throws", new Func<System.Threading.CancellationToken, Task<Document>>(_ => throw new InvalidOperationException("fix boom")), "ROBUST2.Throw"), context.Diagnostics.First());
                return Task.CompletedTask;
            }
        }
    }
}
