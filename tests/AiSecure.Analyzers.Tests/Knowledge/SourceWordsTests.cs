using AiSecure.Analyzers.Knowledge;
using System.IO;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace AiSecure.Analyzers.Tests.Knowledge
{
    /// <summary>The compilation-start gate of AISEC020/AISEC021: does any source file spell out a word.</summary>
    public class SourceWordsTests
    {
        private static readonly string[] Words = { "ServerCertificateCustomValidationCallback", "BaseAddress" };

        [Theory]
        [InlineData(10, false)]
        [InlineData(8 * 1024 - 40, false)] // across the first chunk boundary
        [InlineData(8 * 1024 - 20, false)]
        [InlineData(8 * 1024 - 1, false)]
        [InlineData(8 * 1024, false)]
        [InlineData(16 * 1024 - 30, false)]
        [InlineData(40 * 1024, false)]
        [InlineData(10, true)]
        [InlineData(8 * 1024 - 20, true)]
        [InlineData(16 * 1024 - 30, true)]
        [InlineData(100 * 1024, true)] // a text the compiler holds in chunks, read from a file
        public void FindsAWordAnywhereInAnyFile(int padding, bool fromStream)
        {
            var text = "class A { }\n//" + new string('x', padding) + " handler.ServerCertificateCustomValidationCallback = null;\n";
            var source = fromStream
                ? SourceText.From(new MemoryStream(Encoding.UTF8.GetBytes(text)), Encoding.UTF8)
                : SourceText.From(text);
            var compilation = CSharpCompilation.Create("t", new[] { CSharpSyntaxTree.ParseText("class B { }"), CSharpSyntaxTree.ParseText(source) });
            Assert.True(SourceWords.AnyIn(compilation, Words, default));
        }

        [Fact]
        public void OneReadOfAFileAnswersEveryGate()
        {
            var compilation = CSharpCompilation.Create("t", new[] { CSharpSyntaxTree.ParseText("class A { void M(System.Net.Http.HttpClientHandler h) { h.ServerCertificateCustomValidationCallback = null; } }") });
            Assert.True(SourceWords.AnyIn(compilation, SourceWords.CertificateCallbacks, default));
            Assert.True(SourceWords.AnyIn(compilation, SourceWords.EndpointSinks, default)); // "HttpClient" in HttpClientHandler
            var other = CSharpCompilation.Create("t", new[] { CSharpSyntaxTree.ParseText("class A { void M(System.Net.Http.HttpClient c) { } }") });
            Assert.True(SourceWords.AnyIn(other, SourceWords.EndpointSinks, default));
            Assert.False(SourceWords.AnyIn(other, SourceWords.CertificateCallbacks, default));
        }

        [Fact]
        public void AWordOfNoGateIsABug()
        {
            var compilation = CSharpCompilation.Create("t", new[] { CSharpSyntaxTree.ParseText("class A { }") });
            Assert.Throws<System.ArgumentException>(() => SourceWords.AnyIn(compilation, new[] { "Unknown" }, default));
        }

        [Fact]
        public void APrefixOrNoMentionIsNotFound()
        {
            var compilation = CSharpCompilation.Create("t", new[] { CSharpSyntaxTree.ParseText("class A { string ServerCertificate; string BaseAddres = \"BaseAddres\"; }") });
            Assert.False(SourceWords.AnyIn(compilation, Words, default));
        }
    }
}
