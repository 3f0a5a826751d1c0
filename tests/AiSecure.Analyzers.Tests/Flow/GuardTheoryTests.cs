using System.Linq;
using AiSecure.Analyzers.Flow;
using AiSecure.Analyzers.Rules;

namespace AiSecure.Analyzers.Tests.Flow
{
    /// <summary>
    /// One set of guard semantics for every flow rule: each case runs through AISEC001 (untrusted input into a prompt)
    /// and AISEC003 (model output into a process), and both must agree with the expected outcome. In a case,
    /// <c>SOURCE</c> is the rule's source and <c>SINK(e)</c> its sink, with <c>e</c> composed into text.
    /// </summary>
    public class GuardTheoryTests
    {
        public static TheoryData<string, bool> Cases => new()
        {
            { "SINK(x);", true },
            { "if (!Regex.IsMatch(x, \"^[a-z]+$\")) return; SINK(x);", false },
            { "if (!Regex.IsMatch(x, @\"\\A[a-z0-9_]{1,32}\\z\")) throw new ArgumentException(); SINK(x);", false },
            { "if (Regex.IsMatch(x, \"^[a-z]+$\")) { SINK(x); }", false },
            { "if (!Pattern.Name.IsMatch(x)) return; SINK(x);", false },
            { "if (!Pattern.Lines.IsMatch(x)) return; SINK(x);", true },
            { "var local = new Regex(\"^[a-z]+$\"); if (!local.IsMatch(x)) return; SINK(x);", false },
            { "if (!Regex.IsMatch(x, \"^.*$\")) return; SINK(x);", true },
            { "if (!Regex.IsMatch(x, @\"^[\\s\\S]+$\")) return; SINK(x);", true },
            { "if (!Regex.IsMatch(x, \"^[^;]*$\")) return; SINK(x);", true },
            { "if (!Regex.IsMatch(x, @\"^\\S+$\")) return; SINK(x);", true },
            { "if (!Regex.IsMatch(x, \"[a-z]+\")) return; SINK(x);", true },
            { "if (!Regex.IsMatch(x, \"^[a-z]+$|x\")) return; SINK(x);", true },
            { "if (!Regex.IsMatch(x, \"^[a-z]+$\", RegexOptions.Multiline)) return; SINK(x);", true },
            { "if (!Fake.Regex.IsMatch(x, \"^[a-z]+$\")) return; SINK(x);", true },
            { "if (Regex.IsMatch(x, \"TRUNCATE\")) return; SINK(x);", true },
            { "if (!Checks.Allowed.Contains(x)) return; SINK(x);", false },
            { "if (!new[] { \"a\", \"b\" }.Contains(x)) return; SINK(x);", false },
            { "if (!Checks.Mutable.Contains(x)) return; SINK(x);", true },
            { "if (!x.Contains(\"a\")) return; SINK(x);", true },
            { "if (x.Contains(\"DROP\")) throw new InvalidOperationException(); SINK(x);", true },
            { "if (x != \"a\" && x != \"b\") return; SINK(x);", false },
            { "if (x == \"a\" || x == \"b\") { SINK(x); }", false },
            { "if (x is \"a\" or \"b\") { SINK(x); }", false },
            { "if (x is null) return; SINK(x);", true },
            { "if (string.IsNullOrEmpty(x)) return; SINK(x);", true },
            { "switch (x) { case \"a\": case \"b\": SINK(x); break; }", false },
            { "switch (x) { case \"a\": break; default: SINK(x); break; }", true },
            { "var y = x switch { \"a\" or \"b\" => x, _ => \"none\" }; SINK(y);", false },
            { "var y = x switch { \"a\" => \"A\", _ => x }; SINK(y);", true },
            { "var y = Checks.Allowed.Contains(x) ? x : \"none\"; SINK(y);", false },
            { "var y = Checks.Allowed.Contains(x) ? \"none\" : x; SINK(y);", true },
            { "SINK(x); if (!Checks.Allowed.Contains(x)) return;", true },
            { "if (!Checks.Allowed.Contains(x)) return; x = SOURCE; SINK(x);", true },
            { "if (!Checks.Allowed.Contains(x)) return; SINK(x.Trim());", false },
            { "if (!Checks.Allowed.Contains(x)) return; x = x.Trim(); SINK(x);", false },
            { "if (!IsSafe(x)) return; SINK(x);", false },
            { "if (IsSafe(x)) return; SINK(x);", true },
            { "if (!IsSafe(x)) { Console.WriteLine(\"refused\"); } SINK(x);", true },
            { "foreach (var n in new[] { 1, 2 }) { if (!Checks.Allowed.Contains(x)) continue; SINK(x); }", false },
            { "foreach (var n in new[] { 1, 2 }) { if (!Checks.Allowed.Contains(x)) continue; SINK(x); x = SOURCE; }", false },
            { "if (!Checks.Allowed.Contains(x)) return; foreach (var n in new[] { 1, 2 }) { SINK(x); x = SOURCE; }", true },
            { "var y = SOURCE; y = \"fixed\"; SINK(y);", false },
            { "var y = \"fixed\"; if (DateTime.Now.Second > 1) y = SOURCE; SINK(y);", true },
            { "var y = int.Parse(x); SINK(y.ToString());", false },
            { "if (!Helpers.IsSlug(x)) return; SINK(x);", false },
            { "if (!Helpers.IsListed(x)) throw new ArgumentException(); SINK(x);", false },
            { "if (!Helpers.IsNonEmptySlug(x)) return; SINK(x);", false },
            { "if (Helpers.IsSlug(x)) { SINK(x); }", false },
            { "if (Helpers.IsSlug(x)) return; SINK(x);", true },
            { "if (!Helpers.IsShort(x)) return; SINK(x);", true },
            { "if (!Helpers.HasLetters(x)) return; SINK(x);", true },
            { "if (!Helpers.IsSlugThroughAnother(x)) return; SINK(x);", true },
            { "if (!Helpers.IsSlugOrAnything(x)) return; SINK(x);", true },

            // A local a pattern declares holds the value the pattern tests.
            { "if (x is { } y) { SINK(y); }", true },
            { "if (x is string y) { SINK(y); }", true },
            { "if (x is not null and var y) { SINK(y); }", true },
            { "if (x is not { Length: > 0 } y) return; SINK(y);", true },
            { "switch (x) { case { Length: > 0 } y: SINK(y); break; }", true },
            { "var y = x switch { { Length: > 3 } z => z, _ => \"none\" }; SINK(y);", true },
            { "if (new[] { x } is [var y]) { SINK(y); }", true },
            { "if (x is var y && Checks.Allowed.Contains(y)) { SINK(y); }", false },
            { "if (x is { } y && Regex.IsMatch(y, \"^[a-z]+$\")) { SINK(y); }", false },
        };

        private const string Shared = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Text.RegularExpressions;

            static class Checks
            {
                public static readonly HashSet<string> Allowed = new() { "a", "b" };
                public static List<string> Mutable = new();
            }

            static class Helpers
            {
                public static bool IsSlug(string s) => Regex.IsMatch(s, "^[a-z]+$");
                public static bool IsListed(string s) { return Checks.Allowed.Contains(s); }
                public static bool IsNonEmptySlug(string s) => !string.IsNullOrEmpty(s) && Regex.IsMatch(s, "^[a-z]+$");
                public static bool IsShort(string s) => s.Length < 10;
                public static bool HasLetters(string s) => Regex.IsMatch(s, "[a-z]+");
                public static bool IsSlugThroughAnother(string s) => IsSlug(s);
                public static bool IsSlugOrAnything(string s) => Regex.IsMatch(s, "^[a-z]+$") || s.Length > 0;
            }

            static class Pattern
            {
                public static readonly Regex Name = new("^[a-z]{1,16}$", RegexOptions.CultureInvariant);
                public static readonly Regex Lines = new("^[a-z]{1,16}$", RegexOptions.Multiline);
            }

            namespace Fake
            {
                static class Regex
                {
                    public static bool IsMatch(string input, string pattern) => true;
                }
            }

            [AttributeUsage(AttributeTargets.Method)]
            sealed class PromptValidatorAttribute : Attribute { }

            [AttributeUsage(AttributeTargets.Method)]
            sealed class OutputValidatorAttribute : Attribute { }

            """;

        private static string Prompt(string body) => Shared + """
            class Host
            {
                [PromptValidator]
                static bool IsSafe(string s) => s.Length < 10;

                void M(OpenAI.Chat.ChatClient client)
                {
                    var x = Console.ReadLine() ?? "";
            """ + "\n" + body.Replace("SOURCE", "(Console.ReadLine() ?? \"\")").Replace("SINK(", "client.CompleteChat(\"Q: \" + ") + "\n    }\n}\n";

        private static string ModelOutput(string body) => Shared + """
            class Host
            {
                [OutputValidator]
                static bool IsSafe(string s) => s.Length < 10;

                void M(Microsoft.Extensions.AI.ChatResponse response)
                {
                    var x = response.Text;
            """ + "\n" + body.Replace("SOURCE", "response.Text").Replace("SINK(", "System.Diagnostics.Process.Start(\"Q: \" + ") + "\n    }\n}\n";

        [Theory]
        [MemberData(nameof(Cases))]
        public async Task BothFlowRulesAgree(string body, bool reported)
        {
            var prompt = await FlowHost.AnalyzeAsync(new PromptInjectionAnalyzer(), Prompt(body));
            var output = await FlowHost.AnalyzeAsync(new ModelOutputAnalyzer(), ModelOutput(body));
            Assert.Equal(reported, prompt.Any(d => d.Id == "AISEC001"));
            Assert.Equal(reported, output.Any(d => d.Id == "AISEC003"));
        }

        [Theory]
        [InlineData("^[a-z]+$", false, true)]
        [InlineData(@"\A[A-Za-z_][A-Za-z0-9_]*\z", false, true)]
        [InlineData("^(en|fr|de)$", false, true)]
        [InlineData("^[a-z]{2,}$", false, true)]
        [InlineData("^.*$", false, false)]
        [InlineData("^.+$", false, false)]
        [InlineData(@"^[\s\S]*$", false, false)]
        [InlineData(@"^[^<>]*$", false, false)]
        [InlineData(@"^\S+$", false, false)]
        [InlineData(@"^\w.{1,}$", false, false)]
        [InlineData("^a$|^.*$", false, false)]
        [InlineData("[a-z]+", false, false)]
        [InlineData("^[a-z]+", false, false)]
        [InlineData(@"^[a-z]+\$", false, false)]
        [InlineData("^[a-z]+$", true, false)]
        [InlineData(@"\A[a-z]+\z", true, true)]
        public void RegexPatternsThatValidate(string pattern, bool multiline, bool validates)
            => Assert.Equal(validates, RegexPatterns.Validates(pattern, multiline, ignoreWhitespace: false));
    }
}
