using System.Linq;
using AiSecure.Analyzers.Flow;

namespace AiSecure.Analyzers.Tests.Flow
{
    /// <summary>The configuration files' JSON reader: paths as the configuration provider names them, positions, tolerance, failures.</summary>
    public class TolerantJsonTests
    {
        [Fact]
        public void PathsJoinKeysWithColonsAndArrayItemsByIndex()
        {
            var text = """
                {
                  "Llm": { "Endpoints": [ { "Url": "a" }, { "Url": "b", "Tags": [ "x", 1, true, null, -2.5e3 ] } ] },
                  "Empty": {}, "None": [], "Top": "t"
                }
                """;
            var values = TolerantJson.Read(text)!.Value;
            Assert.Equal(
                new[] { "Llm:Endpoints:0:Url=a", "Llm:Endpoints:1:Url=b", "Llm:Endpoints:1:Tags:0=x", "Top=t" },
                values.Select(v => v.Path + "=" + v.Value));
        }

        [Fact]
        public void PositionsAreThoseOfTheStringTokens()
        {
            var text = "\uFEFF{ \"A\" : \"http://x\" }";
            var value = Assert.Single(TolerantJson.Read(text)!.Value);
            Assert.Equal("\"http://x\"", text.Substring(value.Token.Start, value.Token.Length));
            Assert.Equal(value.Token.Start + 1, value.ContentStart);
        }

        [Fact]
        public void CommentsTrailingCommasAndEscapes()
        {
            var text = """
                // leading
                { /* a */ "K\u0065y": "v\"\\\/\n\t\u00e9", // trailing
                  "L": [ "1", "2", ], }
                /* end */
                """;
            var values = TolerantJson.Read(text)!.Value;
            Assert.Equal(new[] { "Key", "L:0", "L:1" }, values.Select(v => v.Path));
            Assert.Equal("v\"\\/\n\té", values[0].Value);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("{")]
        [InlineData("{ \"a\": }")]
        [InlineData("{ \"a\" \"b\" }")]
        [InlineData("{ \"a\": \"b\" ")]
        [InlineData("{ \"a\": \"b }")]
        [InlineData("{ \"a\": \"b\" } x")]
        [InlineData("{ \"a\": [ \"b\" }")]
        [InlineData("{ a: \"b\" }")]
        [InlineData("{ \"a\": \"\\u12\" }")]
        [InlineData("/* never ends")]
        [InlineData("<xml/>")]
        public void TextThatIsNotJsonIsRejected(string text)
            => Assert.Null(TolerantJson.Read(text));

        [Fact]
        public void DeepNestingNeedsNoRecursion()
        {
            var depth = 20_000;
            var text = new string('[', depth) + "\"deep\"" + new string(']', depth);
            var value = Assert.Single(TolerantJson.Read(text)!.Value);
            Assert.Equal("deep", value.Value);
        }
    }
}
