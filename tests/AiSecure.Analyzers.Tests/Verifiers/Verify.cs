using System.Threading;
using System.Threading.Tasks;
using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace AiSecure.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// The test verifier for one analyzer and its fixer: markup only (<c>[|…|]</c>, <c>{|AISEC020:…|}</c>),
    /// latest C#, nullable on, references from <see cref="ReferenceCatalog"/>.
    /// </summary>
    public static class Verify<TAnalyzer, TFixer>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFixer : CodeFixProvider, new()
    {
        /// <summary>Analyzes <paramref name="source"/> and expects exactly the diagnostics its markup shows.</summary>
        public static Task AnalyzeAsync(string source, ReferenceSet? references = null, string? editorConfig = null, bool awsStubs = false, CompilerDiagnostics compilerDiagnostics = CompilerDiagnostics.Errors)
        {
            var test = new Test { TestCode = source, References = references ?? ReferenceCatalog.Net, EditorConfig = editorConfig, AwsStubs = awsStubs, CompilerDiagnostics = compilerDiagnostics };
            return test.RunWithStubsAsync();
        }

        /// <summary>Applies the fix (code action <paramref name="equivalenceKey"/>, or the first) to each diagnostic, then Fix All, and compares.</summary>
        public static Task FixAsync(string source, string fixedSource, ReferenceSet? references = null, string? editorConfig = null, bool awsStubs = false, string? equivalenceKey = null)
        {
            var test = new Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                References = references ?? ReferenceCatalog.Net,
                EditorConfig = editorConfig,
                AwsStubs = awsStubs,
                CodeActionEquivalenceKey = equivalenceKey,
            };
            return test.RunWithStubsAsync();
        }

        public sealed class Test : CSharpCodeFixTest<TAnalyzer, TFixer, DefaultVerifier>
        {
            /// <summary>Contents of an <c>.editorconfig</c> that applies to every source file (the <c>[*]</c> header is added).</summary>
            public string? EditorConfig { get; set; }

            public Test()
            {
                // No reference package: the references come from the catalog (see ReferenceCatalog).
                ReferenceAssemblies = new ReferenceAssemblies("net10.0");

                // A rule may have a live and a CompilationEnd descriptor under one id (AISEC001-003 across methods, the
                // request rules on requests built in helpers, configuration-file findings): markup takes the first; which one a finding uses is
                // asserted by the rules' own tests.
                MarkupOptions = MarkupOptions.UseFirstDescriptor;
            }

            /// <summary>What the test code compiles against; <see cref="ReferenceCatalog.Net"/> unless set.</summary>
            public ReferenceSet References { get; set; } = ReferenceCatalog.Net;

            /// <summary>Compile against the SageMaker and Bedrock Runtime stand-ins too.</summary>
            public bool AwsStubs { get; set; }

            public async Task RunWithStubsAsync(CancellationToken cancellationToken = default)
            {
                TestState.AdditionalReferences.AddRange(References.References);
                if (AwsStubs)
                {
                    TestState.AdditionalReferences.AddRange(await ReferenceCatalog.GetAwsStubsAsync().ConfigureAwait(false));
                }

                if (EditorConfig != null)
                {
                    TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + EditorConfig + "\n"));
                }

                await RunAsync(cancellationToken).ConfigureAwait(false);
            }

            protected override ParseOptions CreateParseOptions()
                => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

            protected override CompilationOptions CreateCompilationOptions()
                => ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
        }
    }
}
