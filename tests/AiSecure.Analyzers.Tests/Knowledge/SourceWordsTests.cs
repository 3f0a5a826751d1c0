using AiSecure.Analyzers.Knowledge;
using Microsoft.CodeAnalysis.CSharp;

namespace AiSecure.Analyzers.Tests.Knowledge
{
    /// <summary>The compilation-start gate of AISEC020/AISEC021: does any source file spell out a word.</summary>
    public class SourceWordsTests
    {
        private static readonly string[] Words = { "ServerCertificateCustomValidationCallback", "BaseAddress" };

        [Theory]
        [InlineData(10, true)]
        [InlineData(16 * 1024 - 20, true)] // across the first chunk boundary
        [InlineData(16 * 1024 - 1, true)]
        [InlineData(40 * 1024, true)]
        public void FindsAWordAnywhereInAnyFile(int padding, bool expected)
        {
            var text = "class A { }\n//" + new string('x', padding) + " handler.ServerCertificateCustomValidationCallback = null;\n";
            var compilation = CSharpCompilation.Create("t", new[] { CSharpSyntaxTree.ParseText("class B { }"), CSharpSyntaxTree.ParseText(text) });
            Assert.Equal(expected, SourceWords.AnyIn(compilation, Words, default));
        }

        [Fact]
        public void APrefixOrNoMentionIsNotFound()
        {
            var compilation = CSharpCompilation.Create("t", new[] { CSharpSyntaxTree.ParseText("class A { string ServerCertificate; string BaseAddres = \"BaseAddres\"; }") });
            Assert.False(SourceWords.AnyIn(compilation, Words, default));
        }
    }
}
