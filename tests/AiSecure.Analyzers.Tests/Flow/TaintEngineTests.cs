using System.Linq;
using System.Text;
using AiSecure.Analyzers.Flow;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Tests.Flow
{
    /// <summary>The shared taint engine, driven directly with a policy that knows no SDK (<see cref="FlowHost.TestPolicy"/>).</summary>
    public class TaintEngineTests
    {
        private const string Prelude = """
            using System;
            using System.Text;
            using System.Text.RegularExpressions;

            static class Api
            {
                public static string Source() => "";
                public static string Sanitize(string s) => s;
                public static string Encode(string s) => s;
                public static bool IsSafe(string s) => true;
                public static void Sink(string s) { }
                public static bool Flag() => true;
            }

            """;

        private static string Method(string body) => Prelude + "class C\n{\n    void M()\n    {\n" + body + "\n    }\n}\n";

        private static string Concatenation(int parts, int untrustedAt, string filler = "\"part {0}\\n\"")
        {
            var text = new StringBuilder(string.Format(filler, 0));
            for (var i = 1; i < parts; i++)
            {
                text.Append(" + ").Append(i == untrustedAt ? "Api.Source()" : string.Format(filler, i));
            }

            return text.ToString();
        }

        [Fact]
        public void ThreeThousandPartConcatenationWithOneUntrustedPartIsTainted()
        {
            var (engine, value) = FlowHost.EngineAt(Method("Api.Sink(" + Concatenation(3000, 2999) + ");"));
            var result = engine.Evaluate(value);
            Assert.True(result.IsTainted);
            Assert.True(result.IsComposed);
            Assert.False(result.IsUnknown);
            var part = Assert.Single(result.Parts);
            Assert.Equal("Api.Source()", part.Syntax.ToString());
        }

        [Fact]
        public void ThreeThousandPartConcatenationOfConstantsIsCleanNotUnknown()
        {
            var (engine, value) = FlowHost.EngineAt(Method("Api.Sink(" + Concatenation(3000, -1) + ");"));
            var result = engine.Evaluate(value);
            Assert.False(result.IsTainted);
            Assert.False(result.IsUnknown);
        }

        [Fact]
        public void LongBuilderChainAndInterpolationAreFollowedToTheirEnd()
        {
            var chain = new StringBuilder("new StringBuilder()");
            var holes = new StringBuilder("$\"");
            for (var i = 0; i < 3000; i++)
            {
                chain.Append(i == 2500 ? ".Append(Api.Source())" : $".AppendLine(\"line {i}\")");
                holes.Append(i == 2500 ? "{Api.Source()} " : $"{{\"h{i}\"}} ");
            }

            holes.Append('"');
            var (engine, value) = FlowHost.EngineAt(Method("Api.Sink(" + chain + ".ToString());\nApi.Sink(" + holes + ");"));
            Assert.True(engine.Evaluate(value).IsTainted);
            var (engine2, value2) = FlowHost.EngineAt(Method("Api.Sink(" + chain + ".ToString());\nApi.Sink(" + holes + ");"), index: 1);
            Assert.True(engine2.Evaluate(value2).IsTainted);
        }

        [Fact]
        public void SelfConcatenationStatementsOfAnyNumberKeepTheSource()
        {
            var body = new StringBuilder("var prompt = \"Answer: \" + Api.Source();\n");
            for (var i = 0; i < 3000; i++)
            {
                body.Append($"prompt = prompt + \"line {i}\\n\";\n");
            }

            body.Append("Api.Sink(prompt);");
            var (engine, value) = FlowHost.EngineAt(Method(body.ToString()));
            var result = engine.Evaluate(value);
            Assert.True(result.IsTainted);
            Assert.True(result.IsComposed);
        }

        [Fact]
        public void PastTheBudgetValuesAreUnknownAndKnownPartsStay()
        {
            // A tiny budget: the first operand (the source) is seen, the rest (no constants: each part costs) is not.
            const string Filler = "Environment.NewLine";
            var (engine, value) = FlowHost.EngineAt(Method("Api.Sink(Api.Source() + " + Concatenation(200, -1, Filler) + ");"), budget: 20);
            var result = engine.Evaluate(value);
            Assert.True(engine.Exhausted);
            Assert.True(result.IsTainted);
            Assert.True(result.IsUnknown);

            // Nothing untrusted seen before the budget ran out: unknown, which is not reported, and not clean either.
            var (engine2, value2) = FlowHost.EngineAt(Method("Api.Sink(" + Concatenation(200, 199, Filler) + ");"), budget: 20);
            var result2 = engine2.Evaluate(value2);
            Assert.False(result2.IsTainted);
            Assert.True(result2.IsUnknown);
            Assert.NotSame(TaintValue.Clean, result2);
        }

        [Fact]
        public void LocalFunctionAndLambdaReturnsCarryTheirArguments()
        {
            var source = Method("""
                        string Build(string question) => $"Answer briefly: {question}";
                        Func<string, string> wrap = q => "<q>" + q + "</q>";
                        Api.Sink(Build(Api.Source()));
                        Api.Sink(Build("constant"));
                        Api.Sink(wrap(Api.Source()));
                        Api.Sink(wrap("constant"));
                """);
            for (var i = 0; i < 4; i++)
            {
                var (engine, value) = FlowHost.EngineAt(source, index: i);
                var result = engine.Evaluate(value);
                Assert.Equal(i % 2 == 0, result.IsTainted);
                if (result.IsTainted)
                {
                    Assert.True(result.IsComposed);
                    Assert.Equal("Source()", result.Origins.Single().Display);
                }
            }
        }

        [Fact]
        public void RegexMatchesAndReplacementsArePiecesOfTheirInput()
        {
            var source = Method("""
                        Api.Sink(Regex.Match(Api.Source(), "```sql(.*)```").Groups[1].Value);
                        Api.Sink(Regex.Replace(Api.Source(), "\\s+", " "));
                        Api.Sink(new Regex("x").Match(Api.Source()).Value);
                        Api.Sink(Regex.Match("constant text", "(.*)").Value);
                """);
            var expected = new[] { true, true, true, false };
            for (var i = 0; i < expected.Length; i++)
            {
                var (engine, value) = FlowHost.EngineAt(source, index: i);
                Assert.Equal(expected[i], engine.Evaluate(value).IsTainted);
            }
        }

        [Fact]
        public void KindSpecificSanitizerClearsOnlyItsKinds()
        {
            var source = Method("""
                        Api.Sink(Api.Encode(Api.Source()));
                        Api.Sink(Api.Sanitize(Api.Source()));
                """);
            var (engine, value) = FlowHost.EngineAt(source);
            var encoded = engine.Evaluate(value);
            Assert.True(encoded.IsTainted);
            var origin = encoded.Origins.Single();
            Assert.False(origin.ReachesKind(2));
            Assert.True(origin.ReachesKind(0));

            var (engine2, value2) = FlowHost.EngineAt(source, index: 1);
            Assert.False(engine2.Evaluate(value2).IsTainted);
        }

        [Fact]
        public void TheLastWriteThatDominatesTheReadWins()
        {
            var source = Method("""
                        var fixedText = Api.Source();
                        fixedText = "constant";
                        Api.Sink(fixedText);
                        var maybe = "constant";
                        if (Api.Flag()) maybe = Api.Source();
                        Api.Sink(maybe);
                        var trimmed = Api.Source();
                        trimmed = trimmed.Trim();
                        Api.Sink(trimmed);
                """);
            var expected = new[] { false, true, true };
            for (var i = 0; i < expected.Length; i++)
            {
                var (engine, value) = FlowHost.EngineAt(source, index: i);
                Assert.Equal(expected[i], engine.Evaluate(value).IsTainted);
            }
        }

        [Fact]
        public void AGuardHoldsUntilTheValueIsWrittenAgain()
        {
            var source = Method("""
                        var x = Api.Source();
                        if (!Api.IsSafe(x)) return;
                        x = x.Trim();
                        Api.Sink(x);
                        x = Api.Source();
                        Api.Sink(x);
                """);
            var (engine, value) = FlowHost.EngineAt(source);
            Assert.False(engine.Evaluate(value).IsTainted);
            var (engine2, value2) = FlowHost.EngineAt(source, index: 1);
            Assert.True(engine2.Evaluate(value2).IsTainted);
        }

        [Fact]
        public void CallsOfOtherMethodsBecomePendingCallsWithTheCallersArguments()
        {
            var source = Prelude + """
                class C
                {
                    static string Helper(string q) => "Q: " + q;

                    void M() => Api.Sink(Helper(Api.Source()));
                }
                """;
            var (engine, value) = FlowHost.EngineAt(source);
            var result = engine.Evaluate(value);
            var call = Assert.Single(result.Origins).Call;
            Assert.NotNull(call);
            Assert.Equal("Helper", call!.Callee.Name);
            Assert.Equal("Source()", call.EvaluateArgument(0, default).Origins.Single().Display);
        }
    }
}
