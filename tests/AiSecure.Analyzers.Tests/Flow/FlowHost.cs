using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AiSecure.Analyzers.Flow;
using AiSecure.Analyzers.Knowledge;
using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Tests.Flow
{
    /// <summary>Compiles test code against the reference catalog and runs an analyzer or the taint engine on it directly.</summary>
    internal static class FlowHost
    {
        public static CSharpCompilation Compile(string source, ReferenceSet? references = null)
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Test0.cs");
            var compilation = CSharpCompilation.Create(
                "Test",
                new[] { tree },
                (references ?? ReferenceCatalog.All).References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            return compilation;
        }

        /// <summary>The analyzer's diagnostics on <paramref name="source"/>; an analyzer exception fails the test (AD0001).</summary>
        public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(DiagnosticAnalyzer analyzer, string source, ReferenceSet? references = null)
        {
            var compilation = Compile(source, references);
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create(analyzer),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var failures = diagnostics.Where(d => d.Id == "AD0001").ToList();
            Assert.True(failures.Count == 0, string.Join("\n", failures));
            return diagnostics;
        }

        /// <summary>
        /// A taint engine over method <c>M</c> of <paramref name="source"/> with <see cref="TestPolicy"/>, and the argument of
        /// its call to <c>Sink(…)</c> (the <paramref name="index"/>th one).
        /// </summary>
        public static (TaintEngine Engine, IOperation Value) EngineAt(string source, int budget = TaintEngine.DefaultBudget, int index = 0)
        {
            var compilation = Compile(source, ReferenceCatalog.Net);
            var tree = compilation.SyntaxTrees[0];
            var model = compilation.GetSemanticModel(tree);
            var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "M");
            var body = model.GetOperation(method)!;
            var symbol = model.GetDeclaredSymbol(method)!;
            var sink = body.Descendants().OfType<IInvocationOperation>().Where(i => i.TargetMethod.Name == "Sink").ElementAt(index);
            var engine = new TaintEngine(new TestPolicy(TextTypes.Create(compilation)), ImmutableArray.Create(body), CancellationToken.None, budget, symbol);
            return (engine, sink.Arguments[0].Value);
        }

        /// <summary>
        /// A policy with no SDK: <c>Source()</c> is a source, <c>Sanitize(x)</c> cleans every kind, <c>Encode(x)</c> cleans
        /// kind 2 only, <c>IsSafe(x)</c> validates.
        /// </summary>
        internal sealed class TestPolicy : ITaintPolicy
        {
            public TestPolicy(TextTypes types) => Types = types;

            public TextTypes Types { get; }

            public string? GetSource(IOperation operation)
                => operation is IInvocationOperation { TargetMethod.Name: "Source" } ? "Source()" : null;

            public string? GetParameterSource(IParameterSymbol parameter, IOperation reference) => null;

            public HelperGuard? PendingSourceCheck(IParameterSymbol parameter, IOperation reference) => null;

            public int SanitizedKinds(IMethodSymbol method)
                => method.Name switch
                {
                    "Sanitize" => SinkKinds.AllKinds,
                    "Encode" => SinkKinds.Of(2),
                    _ => SinkKinds.None,
                };

            public bool IsValidator(IMethodSymbol method) => method.Name == "IsSafe";

            public bool IsPassThrough(IMethodSymbol method) => false;

            public int HostCheckedKinds => SinkKinds.None;

            // The engine tests use no sink kinds: a path-shape guard clears the value as any guard does.
            public int PathShapeKinds => SinkKinds.AllKinds;

            public ITaintPolicy WithoutPathShapes => this;

            public bool FollowsMemberWrites => false;

            public bool IsCleanMember(IPropertySymbol property) => false;

            public RoleHint MemberHint(string memberName) => RoleHint.None;

            public RoleHint SiblingHint(string memberName, object? constant) => RoleHint.None;
        }
    }
}
