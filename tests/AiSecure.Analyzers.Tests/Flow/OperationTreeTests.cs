using System.Collections.Generic;
using System.Linq;
using AiSecure.Analyzers.Flow;
using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Tests.Flow
{
    /// <summary>The rules' tree walk visits what Roslyn's DescendantsAndSelf visits, in the same order.</summary>
    public class OperationTreeTests
    {
        private const string Source = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            public class Probe
            {
                private readonly string _prefix = "p";

                public async Task<string> RunAsync(string input, int[] values, Func<string, Task<string>> send)
                {
                    var total = 0;
                    foreach (var v in values) { total += v > 0 ? v : -v; }
                    var text = $"{_prefix}:{input?.Trim() ?? "none"}:{total}";
                    try { text = await send(text + string.Join(",", values.Select(x => x * 2))); }
                    catch (InvalidOperationException e) when (e.Message.Length > 0) { text = e.Message; }
                    var parts = new List<string> { text, input };
                    var (a, b) = (parts[0], parts[1]);
                    string Local(string s) => s switch { "" => a, _ => b + s };
                    return Local(text) + new { Name = a }.Name;
                }
            }
            """;

        [Fact]
        public void VisitsEveryOperationInDescendantsAndSelfOrder()
        {
            var tree = CSharpSyntaxTree.ParseText(Source);
            var compilation = CSharpCompilation.Create("Probe", new[] { tree }, ReferenceCatalog.All.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var model = compilation.GetSemanticModel(tree);
            var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
            var root = model.GetOperation(method)!;

            var expected = root.DescendantsAndSelf().ToList();
            var actual = new List<IOperation>();
            foreach (var operation in root.WalkTree())
            {
                actual.Add(operation);
            }

            Assert.True(expected.Count > 100, $"only {expected.Count} operations");
            Assert.Equal(expected, actual);
        }

        [Fact]
        public void NullRootHasNoOperations()
        {
            foreach (var operation in ((IOperation?)null).WalkTree())
            {
                Assert.Fail($"visited {operation.Kind}");
            }
        }

        [Fact]
        public void DeepConcatenationDoesNotOverflowTheStack()
        {
            var terms = string.Join(" + ", Enumerable.Range(0, 5000).Select(i => $"s{i % 3}"));
            var tree = CSharpSyntaxTree.ParseText($"public class Deep {{ public string M(string s0, string s1, string s2) => {terms}; }}");
            var compilation = CSharpCompilation.Create("Deep", new[] { tree }, ReferenceCatalog.All.References);
            var model = compilation.GetSemanticModel(tree);
            var body = tree.GetRoot().DescendantNodes().OfType<ArrowExpressionClauseSyntax>().Single();
            var root = model.GetOperation(body)!;

            var count = 0;
            foreach (var operation in root.WalkTree())
            {
                count++;
            }

            Assert.Equal(root.DescendantsAndSelf().Count(), count);
        }
    }
}
